package org.lotterylab.engine.widths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.api.store.RunLayout;
import org.lotterylab.api.store.StoredRun;
import org.lotterylab.api.store.WidthSweepCsv;
import org.lotterylab.api.store.WidthSweepRow;
import org.lotterylab.engine.edgepopup.EdgePopupOptions;
import org.lotterylab.engine.testdata.TinyData;

/** A width sweep on tiny data: one ordinary edge-popup run per width, the trained target, the table. */
class WidthSweepTest {

    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void data() throws Exception {
        data = TinyData.write(tmp.resolve("tiny"), 400, 3);
    }

    static ExperimentSpec tiny() {
        return ExperimentSpec.defaults().with(Map.of("name", "w", "dataset", data.toString(), "model", "mlp-small",
                "iterations", "24", "evalInterval", "8", "batchSize", "20", "rounds", "3", "learningRate", "0.01"));
    }

    @Test
    void widthsOneAndTwoGiveTwoResultsWithTheirHiddenSizesAndTheTable() throws Exception {
        ExperimentSpec spec = tiny();
        Path out = tmp.resolve("sweep");
        EdgePopupOptions options = EdgePopupOptions.defaults();
        List<WidthSweep.Stage> seen = Collections.synchronizedList(new ArrayList<>());
        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        WidthSweep.Control c = new WidthSweep(1).start(spec, List.of(2, 1), List.of(0.5), options, out, s -> {
            seen.add(s);
            return events::add;
        });
        assertTrue(c.await(Duration.ofMinutes(3)), "sweep did not finish");
        WidthSweep.Result r = c.result().orElseThrow();
        assertEquals("", r.failure(), "no stage failed");
        assertEquals(List.of(1, 2, 1), seen.stream().map(WidthSweep.Stage::width).toList(), "widths ascending, then the target");
        assertEquals(WidthSweepRow.Kind.TRAINED_TARGET, seen.get(2).kind());

        // each width is an ordinary edge-popup run in its own directory, with hidden layers width x 100 units
        for (int w : List.of(1, 2)) {
            Path dir = RunLayout.runDir(out, WidthSweep.widthSpec(spec, options, w));
            StoredRun run = StoredRun.open(dir);
            assertEquals(w, run.spec().width());
            List<LayerInfo> layers = run.layers();
            assertEquals(w * 100, layers.get(0).shape()[0], "fc1 units at width " + w);
            assertEquals(784, layers.get(0).shape()[1]);
            assertEquals(w * 100, layers.get(1).shape()[1], "output layer's inputs at width " + w);
            assertEquals(10, layers.get(1).shape()[0], "one output per class at every width");
            assertEquals(1, run.rounds(Branch.EDGE_POPUP).size());
            List<Mask> masks = run.masks(Branch.EDGE_POPUP, 0);
            assertEquals(w * 100 * 784, masks.get(0).size());
        }
        // the target: the 1x network trained normally, its own init, no pruning round
        Path targetDir = RunLayout.runDir(out, WidthSweep.targetSpec(spec, options));
        StoredRun target = StoredRun.open(targetDir);
        assertEquals(spec.init(), target.spec().init());
        assertEquals(List.of(0), target.rounds(Branch.TICKET));
        assertEquals(100, target.layers().get(0).shape()[0]);

        Path table = WidthSweep.tablePath(spec, options, out);
        assertEquals(table, r.table());
        assertTrue(Files.isRegularFile(table));
        List<WidthSweepRow> rows = WidthSweepCsv.read(table).rows();
        assertEquals(rows, r.rows());
        assertEquals(3, rows.size());
        assertEquals("100", rows.get(0).hidden());
        assertEquals("200", rows.get(1).hidden());
        assertEquals(2, rows.get(1).width());
        assertEquals(200L * 784 + 10 * 200, rows.get(1).weights());
        assertEquals(Math.round(0.5 * (200 * 784)) + Math.round(0.5 * (10 * 200)), rows.get(1).weightsKept());
        WidthSweepRow t = rows.get(2);
        assertEquals(WidthSweepRow.Kind.TRAINED_TARGET, t.kind());
        assertEquals(target.result(Branch.TICKET, 0).orElseThrow().testAccuracy(), t.testAccuracy(), 0.0);
        assertEquals(targetDir.getFileName().toString(), t.run());
        assertEquals(StoredRun.open(RunLayout.runDir(out, WidthSweep.widthSpec(spec, options, 2)))
                .result(Branch.EDGE_POPUP, 0).orElseThrow().testAccuracy(), rows.get(1).testAccuracy(), 0.0);
        // the table is found from the folder and from each run directory it lists
        assertEquals(table, WidthSweepCsv.locate(out).orElseThrow());
        assertEquals(table, WidthSweepCsv.locate(targetDir).orElseThrow());
    }

    @Test
    void widthsAreParsedAscendingAndCheckedWithAClearMessage() {
        assertEquals(List.of(1, 2, 4, 8), WidthSweep.parseWidths("8, 1,2,4,2"));
        SpecException e = assertThrows(SpecException.class, () -> WidthSweep.parseWidths("1,0"));
        assertEquals("widths", e.field());
        assertTrue(e.getMessage().contains("[1, 64]"), e.getMessage());
        assertThrows(SpecException.class, () -> WidthSweep.parseWidths("1,x"));
        assertThrows(SpecException.class, () -> WidthSweep.parseWidths(" "));
    }
}
