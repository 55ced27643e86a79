package org.lotterylab.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The width-sweep table: exact round trip, order, tolerant reading, and finding it from a folder or a run. */
class WidthSweepCsvTest {

    @TempDir
    Path tmp;

    static final WidthSweepRow T2 = new WidthSweepRow(WidthSweepRow.Kind.STRONG_TICKET, 2, "600x200", 0.5, 592400,
            296200, 0.1 + 0.2, 0.93, "quick-b");
    static final WidthSweepRow T1 = new WidthSweepRow(WidthSweepRow.Kind.STRONG_TICKET, 1, "300x100", 0.5, 266200,
            133100, 0.912, Double.NaN, "quick-a");
    static final WidthSweepRow T1LOW = new WidthSweepRow(WidthSweepRow.Kind.STRONG_TICKET, 1, "300x100", 0.3, 266200,
            79860, 0.9, 0.9, "quick-a");
    static final WidthSweepRow TARGET = new WidthSweepRow(WidthSweepRow.Kind.TRAINED_TARGET, 1, "300x100", 1.0, 266200,
            266200, 0.932, 0.935, "quick-t");

    @Test
    void roundTripsExactlyInTheDocumentedOrder() {
        String text = WidthSweepCsv.format(List.of(TARGET, T2, T1LOW, T1));
        String[] lines = text.split("\n");
        assertEquals(WidthSweepCsv.HEADER, lines[0]);
        assertTrue(lines[1].startsWith("strong-ticket,1,300x100,0.5,266200,133100,0.912,NaN,quick-a"), lines[1]);
        assertTrue(lines[2].startsWith("strong-ticket,1,300x100,0.3,"), lines[2]);
        assertTrue(lines[3].startsWith("strong-ticket,2,600x200,0.5,592400,296200,0.30000000000000004,"), lines[3]);
        assertTrue(lines[4].startsWith("trained-target,1,"), lines[4]);
        Parsed<WidthSweepRow> p = WidthSweepCsv.parse(text, "t.widths.csv");
        assertTrue(p.clean(), p.warnings().toString());
        assertEquals(List.of(T1, T1LOW, T2, TARGET), p.rows());
    }

    @Test
    void damagedLinesAreSkippedWithAWarningNamingTheLine() {
        String text = WidthSweepCsv.HEADER + "\nstrong-ticket,1,300x100,0.5,266200,133100,0.9,0.9,a\n"
                + "weird,1,300x100,0.5,1,1,0.9,0.9,a\nstrong-ticket,1,300x100,1.5,1,1,0.9,0.9,a\n"
                + "strong-ticket,1,300x100,0.5,10,11,0.9,0.9,a\nstrong-ticket,2,600x200,0.5,1";
        Parsed<WidthSweepRow> p = WidthSweepCsv.parse(text, "t.widths.csv");
        assertEquals(1, p.rows().size());
        assertEquals(4, p.warnings().size(), p.warnings().toString());
        assertTrue(p.warnings().get(0).contains("line 3") && p.warnings().get(0).contains("kind"), p.warnings().get(0));
        assertThrows(IllegalArgumentException.class, () -> new WidthSweepRow(WidthSweepRow.Kind.STRONG_TICKET, 1,
                "a,b", 0.5, 1, 1, 0.5, 0.5, "r"));
    }

    @Test
    void isFoundFromItsFolderAndFromARunItLists() throws Exception {
        Path run = Files.createDirectories(tmp.resolve("quick-a"));
        Path other = Files.createDirectories(tmp.resolve("other-run"));
        assertTrue(WidthSweepCsv.locate(run).isEmpty());
        Path older = tmp.resolve("old" + WidthSweepCsv.SUFFIX);
        WidthSweepCsv.write(older, List.of(T1));
        Path newer = tmp.resolve("new" + WidthSweepCsv.SUFFIX);
        WidthSweepCsv.write(newer, List.of(T2, TARGET));
        Files.setLastModifiedTime(older, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(newer, FileTime.fromMillis(2_000_000));
        assertEquals(newer, WidthSweepCsv.locate(tmp).orElseThrow(), "a folder: its newest table");
        assertEquals(older, WidthSweepCsv.locate(run).orElseThrow(), "a run: the table beside it that lists it");
        assertTrue(WidthSweepCsv.locate(other).isEmpty(), "a run no table lists");
        assertTrue(WidthSweepCsv.locate(tmp.resolve("missing")).isEmpty());
        assertEquals(List.of(T2, TARGET), WidthSweepCsv.read(newer).rows());
    }
}
