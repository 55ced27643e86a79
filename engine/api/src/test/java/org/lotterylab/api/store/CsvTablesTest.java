package org.lotterylab.api.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.mask.LayerSummary;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.LayerKind;

class CsvTablesTest {

    @TempDir
    Path tmp;

    static RoundResult row(Branch b, int round, double acc) {
        return new RoundResult(b, round, Math.pow(0.8, round), acc, 100 * round, acc - 0.01, 12.3456, List.of());
    }

    @Test
    void summaryFormatIsExactSortedAndLocaleIndependent() {
        Locale old = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            String text = SummaryCsv.format(List.of(row(Branch.RANDOM_REINIT, 0, 0.97), row(Branch.TICKET, 1, 0.9812345678901234),
                    row(Branch.TICKET, 0, 0.98)));
            assertEquals(SummaryCsv.HEADER + "\n"
                    + "ticket,0,1.0,0.98,0,0.97,12.346\n"
                    + "ticket,1,0.8,0.9812345678901234,100,0.9712345678901234,12.346\n"
                    + "random-reinit,0,1.0,0.97,0,0.96,12.346\n", text);
        } finally {
            Locale.setDefault(old);
        }
    }

    @Test
    void summaryRoundTripsFullPrecisionAndNaN() {
        List<RoundResult> rows = List.of(
                new RoundResult(Branch.TICKET, 3, 0.512, 0.1 + 0.2, 1234, Double.NaN, 0.5, List.of()),
                new RoundResult(Branch.EDGE_POPUP, 12, 1e-7, 1.0, 0, 0.0, 3600.25, List.of()));
        Parsed<RoundResult> p = SummaryCsv.parse(SummaryCsv.format(rows), "summary.csv");
        assertTrue(p.clean(), p.warnings().toString());
        assertEquals(rows, p.rows());
    }

    @Test
    void summaryToleratesTruncatedAndBadLines() {
        String full = SummaryCsv.format(List.of(row(Branch.TICKET, 0, 0.9), row(Branch.TICKET, 1, 0.91),
                row(Branch.TICKET, 2, 0.92)));
        String truncated = full.substring(0, full.length() - 7);
        Parsed<RoundResult> p = SummaryCsv.parse(truncated, "summary.csv");
        assertEquals(List.of(0, 1), p.rows().stream().map(RoundResult::round).toList());
        assertEquals(List.of("summary.csv line 4 truncated; skipped"), p.warnings());

        String messy = SummaryCsv.HEADER + "\r\n"
                + "ticket,0,1.0,0.9,0,0.9,1.000\r\n"
                + "\n"
                + "ticket,1,0.8\n"
                + "nonsense,2,0.64,0.9,0,0.9,1.0\n"
                + "ticket,3,abc,0.9,0,0.9,1.0\n"
                + "ticket,0,1.0,0.95,0,0.95,2.000\n"
                + "ticket,4,0.4096,nan,-1,-inf,1.5\n";
        p = SummaryCsv.parse(messy, "summary.csv");
        assertEquals(2, p.rows().size());
        assertEquals(0.95, p.rows().get(0).testAccuracy());
        assertTrue(Double.isNaN(p.rows().get(1).testAccuracy()));
        assertEquals(List.of(
                "summary.csv line 4: expected 7 columns, found 3; skipped",
                "summary.csv line 5: branches: unknown value 'nonsense'; allowed: ticket, random-reinit, random-pruning, "
                        + "same-sign-reinit, one-shot, early-bird, magnitude-at-init, snip, grasp, synflow, edge-popup; skipped",
                "summary.csv line 6: weights_remaining is not a number: 'abc'; skipped",
                "summary.csv lists ticket round 0 twice; the later row is used"), p.warnings());

        assertTrue(SummaryCsv.parse("", "summary.csv").rows().isEmpty());
        Parsed<RoundResult> headerOnly = SummaryCsv.parse("branch,rou", "summary.csv");
        assertEquals(List.of("summary.csv line 1 (header) truncated; no rows"), headerOnly.warnings());
        Parsed<RoundResult> wrongHeader = SummaryCsv.parse("branch,round\nticket,0\n", "summary.csv");
        assertTrue(wrongHeader.rows().isEmpty());
        assertTrue(wrongHeader.warnings().get(0).contains("header lacks column(s) weights_remaining"),
                wrongHeader.warnings().toString());
    }

    @Test
    void summaryFileRoundTripAndMissingFile() throws IOException {
        Path f = tmp.resolve("summary.csv");
        assertEquals(Parsed.empty(), SummaryCsv.read(f));
        List<RoundResult> rows = List.of(row(Branch.TICKET, 0, 0.5));
        SummaryCsv.write(f, rows);
        assertEquals(rows.get(0).testAccuracy(), SummaryCsv.read(f).rows().get(0).testAccuracy());
    }

    @Test
    void metricsRoundTripAndTolerance() {
        List<MetricPoint> pts = List.of(new MetricPoint(0, Double.NaN, 2.302585092994046, 0.1, 0.0987, 2.25),
                new MetricPoint(100, 0.123456789, 0.2, 0.95, 0.1 + 0.2, 0.375));
        String text = MetricsCsv.format(pts);
        assertEquals(MetricsCsv.HEADER + "\n0,NaN,2.302585092994046,0.1,0.0987,2.25\n"
                + "100,0.123456789,0.2,0.95,0.30000000000000004,0.375\n", text);
        assertEquals(pts, MetricsCsv.parse(text, "m").rows());
        Parsed<MetricPoint> p = MetricsCsv.parse(text + "200,0.1,0.2", "ticket/round-01/metrics.csv");
        assertEquals(pts, p.rows());
        assertEquals(List.of("ticket/round-01/metrics.csv line 4 truncated; skipped"), p.warnings());
    }

    @Test
    void metricsWithoutTheTestLossColumnStillRead() {
        String old = "iteration,train_loss,val_loss,val_accuracy,test_accuracy\n0,NaN,2.5,0.125,0.25\n";
        Parsed<MetricPoint> p = MetricsCsv.parse(old, "old/metrics.csv");
        assertEquals(List.of(), p.warnings());
        assertEquals(List.of(new MetricPoint(0, Double.NaN, 2.5, 0.125, 0.25, Double.NaN)), p.rows());
    }

    @Test
    void layerTablesRoundTrip() {
        List<LayerInfo> layers = List.of(new LayerInfo("conv1", LayerKind.CONV, new int[] {64, 3, 3, 3}),
                new LayerInfo("fc1", LayerKind.HIDDEN, new int[] {300, 784}),
                new LayerInfo("output", LayerKind.OUTPUT, new int[] {10, 100}));
        String text = LayersCsv.formatLayers(layers);
        assertEquals("name,kind,shape\nconv1,conv,64x3x3x3\nfc1,hidden,300x784\noutput,output,10x100\n", text);
        assertEquals(layers, LayersCsv.parseLayers(text, "layers.csv").rows());
        assertArrayEquals(new int[0], LayersCsv.parseShape(""));

        List<LayerSummary> sums = List.of(new LayerSummary("fc1", 235200, 47040), new LayerSummary("output", 1000, 900));
        String st = LayersCsv.formatSummaries(sums);
        assertEquals("name,total,remaining,fraction_remaining\nfc1,235200,47040,0.2\noutput,1000,900,0.9\n", st);
        assertEquals(sums, LayersCsv.parseSummaries(st, "l").rows());
        Parsed<LayerSummary> bad = LayersCsv.parseSummaries(st + "fc2,10,11,1.1\n", "l");
        assertEquals(1, bad.warnings().size());
    }

    @Test
    void wholeNumbersAreCheckedAgainstTheirColumnsRange() {
        Parsed<String> p = Csv.parse("n,big\n7,9000000000\n3000000000,1\nx,2\n5,9223372036854775808\n", "t.csv",
                List.of("n", "big"), r -> r.integer("n") + ":" + r.longInteger("big"));
        assertEquals(List.of("7:9000000000"), p.rows());
        assertEquals(List.of("t.csv line 3: n is not an integer: '3000000000'; skipped",
                "t.csv line 4: n is not an integer: 'x'; skipped",
                "t.csv line 5: big is not an integer: '9223372036854775808'; skipped"), p.warnings());
    }
}
