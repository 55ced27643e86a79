package org.lotterylab.visuals.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;

class ResultTableTest {
    private static RoundResult r(Branch b, int round, double remaining, double esAcc, int it) {
        return new RoundResult(b, round, remaining, esAcc - 0.001, it, esAcc, 1.0, List.of());
    }

    @Test
    void aggregatesRepeatsToMeanMinMax() {
        ResultTable t = new ResultTable();
        t.add(r(Branch.TICKET, 2, 0.64, 0.980, 4000));
        t.add(r(Branch.TICKET, 2, 0.64, 0.984, 6000));
        t.add(r(Branch.TICKET, 0, 1.0, 0.979, 9000));
        List<ResultPoint> pts = t.points(Branch.TICKET);
        assertEquals(2, pts.size());
        ResultPoint p = pts.get(1);
        assertEquals(2, p.round());
        assertEquals(2, p.n());
        assertEquals(64, p.remainingPct(), 1e-9);
        assertEquals(98.2, p.esAccMean(), 1e-9);
        assertEquals(98.0, p.esAccMin(), 1e-9);
        assertEquals(98.4, p.esAccMax(), 1e-9);
        assertEquals(98.1, p.finalAccMean(), 1e-9);
        assertEquals(5000, p.iterMean(), 1e-9);
        assertEquals(4000, p.iterMin(), 1e-9);
        assertEquals(3, t.size());
    }

    @Test
    void baselineDefaultsToTicketRoundZeroAndCanBeOverridden() {
        ResultTable t = new ResultTable();
        assertFalse(t.denseBaselinePct(true).isPresent());
        t.add(r(Branch.RANDOM_REINIT, 0, 1.0, 0.5, 1));
        assertFalse(t.denseBaselinePct(true).isPresent());
        t.add(r(Branch.TICKET, 0, 1.0, 0.98, 1));
        assertEquals(98.0, t.denseBaselinePct(true).getAsDouble(), 1e-9);
        assertEquals(97.9, t.denseBaselinePct(false).getAsDouble(), 1e-9);
        t.setDenseBaseline(0.975);
        assertEquals(97.5, t.denseBaselinePct(true).getAsDouble(), 1e-9);
    }

    @Test
    void csvHasAHeaderAndOneRowPerBranchAndRound() {
        ResultTable t = new ResultTable();
        t.add(r(Branch.TICKET, 0, 1.0, 0.98, 9000));
        t.add(r(Branch.TICKET, 1, 0.8, 0.981, 8000));
        t.add(r(Branch.RANDOM_REINIT, 1, 0.8, 0.975, 10000));
        String[] lines = t.toCsv().split("\n");
        assertEquals(4, lines.length);
        assertTrue(lines[0].startsWith("branch,round,n,weights_remaining_pct,test_acc_at_early_stop_pct_mean"));
        assertEquals("ticket,0,1,100,98,98,98,97.9,97.9,97.9,9000,9000,9000,,,,", lines[1]);
        assertTrue(lines[3].startsWith("random-reinit,1,1,80,97.5,"));
    }

    @Test
    void csvQuotesAndFormatsNumbers() {
        assertEquals("a,\"b,c\",\"say \"\"hi\"\"\",1.5,,7\n", Csv.row("a", "b,c", "say \"hi\"", 1.5, Double.NaN, 7));
        assertEquals("0.000123", Csv.num(0.000123));
        assertEquals("98.12", Csv.num(98.12));
        assertEquals("-3", Csv.num(-3.0));
    }

    @Test
    void groupsAreSeparateCurvesInArrivalOrderAndMembersAreKeptWithTheirValues() {
        ResultTable t = new ResultTable();
        t.add(r(Branch.TICKET, 1, 0.5, 0.90, 100), "k=500", "seed 1");
        t.add(r(Branch.TICKET, 1, 0.5, 0.80, 100), "k=0", "seed 1");
        t.add(r(Branch.TICKET, 1, 0.5, 0.84, 300), "k=0", "seed 2");
        t.add(r(Branch.TICKET, 1, 0.5, 0.82, 200), "k=0", "seed 3");
        assertEquals(List.of("k=500", "k=0"), t.groups());
        assertEquals(List.of(new ResultTable.SeriesKey("k=500", Branch.TICKET), new ResultTable.SeriesKey("k=0", Branch.TICKET)),
                t.series());
        assertTrue(t.points(Branch.TICKET).isEmpty(), "no ungrouped results");
        ResultPoint p = t.points(new ResultTable.SeriesKey("k=0", Branch.TICKET)).get(0);
        assertEquals(3, p.n());
        assertEquals("k=0", p.group());
        assertEquals(List.of("seed 1", "seed 2", "seed 3"), p.members());
        assertEquals(List.of(80.0, 84.0, 82.0), p.esAcc().values().stream().map(v -> Math.round(v * 1e9) / 1e9).toList());
        assertEquals(82.0, p.esAcc().mean(), 1e-9);
        assertEquals(2.0, p.esAcc().std(), 1e-9, "sample s.d. of 80, 84, 82");
        assertEquals(100.0, p.iter().std(), 1e-9);
        assertEquals(1, t.points(new ResultTable.SeriesKey("k=500", Branch.TICKET)).get(0).n());
        String[] lines = t.toCsv().split("\n");
        assertTrue(lines[1].endsWith(",k=500"), lines[1]);
        assertTrue(lines[2].startsWith("ticket,1,3,50,82,80,84,") && lines[2].endsWith(",2,2,100,k=0"), lines[2]);
    }

    @Test
    void errorBarsSpanTheRangeOrOneSampleStandardDeviation() {
        org.lotterylab.api.store.Spread s = org.lotterylab.api.store.Spread.of(List.of(80.0, 84.0, 82.0));
        assertEquals(2.0, ErrorBars.MIN_MAX.below(s), 1e-9);
        assertEquals(2.0, ErrorBars.MIN_MAX.above(s), 1e-9);
        org.lotterylab.api.store.Spread skew = org.lotterylab.api.store.Spread.of(List.of(80.0, 80.0, 86.0));
        assertEquals(2.0, ErrorBars.MIN_MAX.below(skew), 1e-9);
        assertEquals(4.0, ErrorBars.MIN_MAX.above(skew), 1e-9);
        assertEquals(Math.sqrt(12), ErrorBars.SD.below(skew), 1e-9);
        assertEquals(Math.sqrt(12), ErrorBars.SD.above(skew), 1e-9);
        org.lotterylab.api.store.Spread one = org.lotterylab.api.store.Spread.of(List.of(80.0));
        assertEquals(0, ErrorBars.SD.above(one), 0, "no s.d. of one value: no bar");
        assertEquals(ErrorBars.SD, ErrorBars.ofLabel(ErrorBars.SD.label()));
    }
}
