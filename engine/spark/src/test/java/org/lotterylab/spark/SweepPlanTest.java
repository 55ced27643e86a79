package org.lotterylab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.api.store.ReplicateGroup;

/** Grid expansion without Spark: combinations, replicate seeds, run directory names, bad grids. */
class SweepPlanTest {

    static final ExperimentSpec BASE = ExperimentSpec.defaults().with(Map.of("name", "g", "iterations", "100",
            "evalInterval", "25"));

    @Test
    void gridTimesReplicatesInOrderWithReplicateSeedsAndLthImpDirectoryNames() {
        SweepPlan p = SweepPlan.of(BASE.with("seed", "10"),
                List.of(GridAxis.parse("rewindIteration=0,20"), GridAxis.parse("hiddenRate=0.2,0.5")), 2);
        assertEquals(8, p.points().size());
        SweepPoint last = p.points().get(7);
        assertEquals(Map.of("rewindIteration", "20", "hiddenRate", "0.5"), last.values());
        assertEquals(1, last.replicate());
        ExperimentSpec single = BASE.with(Map.of("seed", "11", "rewindIteration", "20", "hiddenRate", "0.5"));
        assertEquals(single, last.spec());
        assertEquals(single.runDirName(), last.runDir());
        assertEquals(ReplicateGroup.of(BASE.with(Map.of("seed", "10", "rewindIteration", "0", "hiddenRate", "0.2")), 2)
                .members().get(1).runDir(), p.points().get(1).runDir());
        assertEquals(Map.of("rewindIteration", "0", "hiddenRate", "0.5"), p.points().get(2).values(),
                "the first grid varies slowest");
    }

    @Test
    void listValuesUseSemicolonsAndBadGridsFailBeforeSparkStarts() {
        assertEquals(List.of("ticket", "ticket,one-shot"), GridAxis.parse("branches=ticket;ticket,one-shot").values());
        assertThrows(SpecException.class, () -> GridAxis.parse("nosuchfield=1,2"));
        assertThrows(SpecException.class, () -> SweepPlan.of(BASE, List.of(GridAxis.parse("hiddenRate=0.2,1.5")), 1));
        assertThrows(SpecException.class, () -> SweepPlan.of(BASE, List.of(GridAxis.parse("seed=1,2")), 2),
                "seeds 1+1 and 2 would be the same run");
        assertThrows(SpecException.class, () -> GridAxis.parse("seed=1,1"));
    }
}
