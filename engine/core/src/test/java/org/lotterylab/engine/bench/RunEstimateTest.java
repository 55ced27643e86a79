package org.lotterylab.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.engine.Backend;
import org.lotterylab.engine.model.InputShape;

/** The dry run's time estimate: a few real steps timed, the run's steps counted as the IMP loop takes them. */
class RunEstimateTest {

    @Test
    void countsTheRunsStepsAndScalesTheTimedStep() {
        Backend.init(1);
        ExperimentSpec spec = ExperimentSpec.defaults().with(Map.of("model", "mlp-small", "iterations", "100",
                "rewindIteration", "10", "rounds", "3", "evalInterval", "30", "branches", "ticket,random-reinit",
                "lmcEachRound", "true", "lmcBranches", "ticket", "batchSize", "20"));
        RunEstimate e = RunEstimate.measure(spec, new InputShape(1, 28, 28, 10), 2000, 2);
        // round 0: 100 + an LMC copy of 90; each round: 2 branches + 1 LMC copy of 90 steps
        assertEquals(100 + 90 + 3 * 3 * 90, e.trainingSteps());
        assertEquals(100 + 90 + 3 * 2 * 90, e.wallSteps(), "3 trainings a round, 2 at once: 2 waves");
        assertEquals(20, e.probeBatch(), "fully-connected models are timed at the spec's batch");
        assertTrue(e.secondsPerStep() > 0 && e.secondsPerStep() < 5, "seconds per step " + e.secondsPerStep());
        assertEquals(e.wallSteps() * e.secondsPerStep(), e.trainingSeconds(), 1e-9);
        assertEquals((1 + 3 * 2) * (90 / 30 + 2), e.evaluations());
        assertTrue(e.describe(20, 1).contains("s per step (timed on 3 steps of batch 20)"), e.describe(20, 1));
        ExperimentSpec conv = spec.with(Map.of("model", "conv-2", "batchSize", "64", "lmcEachRound", "false"));
        RunEstimate r = RunEstimate.measure(conv, new InputShape(3, 32, 32, 10), 100, 1);
        assertEquals(16, r.probeBatch(), "convolutional models are timed on at most 16 examples");
        assertEquals(100 + 3 * 2 * 90, r.wallSteps());
        assertEquals("dl4j", r.engine());
        assertTrue(r.describe(64, 1).contains("timed on 3 steps of 16 examples, scaled to batch 64"));
    }

    @Test
    void durationsReadInTheLargestFittingUnit() {
        assertEquals("42 s", RunEstimate.human(42));
        assertEquals("3.5 min", RunEstimate.human(210));
        assertEquals("7.2 h", RunEstimate.human(7.2 * 3600));
        assertEquals("2.5 days", RunEstimate.human(2.5 * 86400));
    }
}
