package org.lotterylab.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;

class RunLayoutTest {

    @Test
    void pathsFollowTheDocumentedLayout() {
        ExperimentSpec spec = ExperimentSpec.defaults().with("name", "demo");
        Path out = Path.of("out");
        assertEquals(out.resolve("demo-" + spec.hash()), RunLayout.runDir(out, spec));
        RunLayout l = RunLayout.of(out, spec);
        Path d = l.dir();
        assertEquals(d.resolve("spec.json"), l.specJson());
        assertEquals(d.resolve("summary.csv"), l.summaryCsv());
        assertEquals(d.resolve("layers.csv"), l.layersCsv());
        assertEquals(d.resolve("theta-0.npz"), l.theta0());
        assertEquals(d.resolve("theta-k.npz"), l.thetaK());
        assertEquals(d.resolve("run.json"), l.runJson());
        assertEquals(d.resolve("lmc.csv"), l.lmcCsv());
        assertEquals(d.resolve("instability.csv"), l.instabilityCsv());
        assertEquals(d.resolve("random-reinit/round-03"), l.roundDir(Branch.RANDOM_REINIT, 3));
        assertEquals(d.resolve("ticket/round-00/masks.npz"), l.masks(Branch.TICKET, 0));
        assertEquals(d.resolve("ticket/round-12/weights-final.npz"), l.weightsFinal(Branch.TICKET, 12));
        assertEquals(d.resolve("one-shot/round-100/metrics.csv"), l.metrics(Branch.ONE_SHOT, 100));
        assertEquals(d.resolve("edge-popup/round-07/layers.csv"), l.roundLayers(Branch.EDGE_POPUP, 7));
        assertEquals("ticket/round-00/masks.npz", l.relative(l.masks(Branch.TICKET, 0)));
    }

    @Test
    void roundDirNames() {
        assertEquals("round-00", RunLayout.roundDirName(0));
        assertEquals("round-99", RunLayout.roundDirName(99));
        assertEquals("round-100", RunLayout.roundDirName(100));
        assertEquals("round-200", RunLayout.roundDirName(200));
        assertThrows(IllegalArgumentException.class, () -> RunLayout.roundDirName(-1));
        assertEquals(OptionalInt.of(7), RunLayout.parseRoundDirName("round-07"));
        assertEquals(OptionalInt.of(150), RunLayout.parseRoundDirName("round-150"));
        assertEquals(OptionalInt.empty(), RunLayout.parseRoundDirName("round-7"));
        assertEquals(OptionalInt.empty(), RunLayout.parseRoundDirName("round-007"));
        assertEquals(OptionalInt.empty(), RunLayout.parseRoundDirName("round-xx"));
    }
}
