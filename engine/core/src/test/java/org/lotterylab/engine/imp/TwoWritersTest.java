package org.lotterylab.engine.imp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.RunLayout;
import org.lotterylab.api.store.StoredRun;
import org.lotterylab.engine.testdata.TinyData;

/** Two runners on the same spec and folder: the second stops at once with a clear message; the first completes. */
class TwoWritersTest {

    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void data() throws Exception {
        data = TinyData.write(tmp.resolve("tiny"), 400, 3);
    }

    @Test
    void theSecondWriterStopsAndTheFirstLosesNoRound() throws Exception {
        ExperimentSpec spec = ExperimentSpec.defaults().with(java.util.Map.of("name", "two", "dataset",
                data.toString(), "model", "mlp-small", "iterations", "30", "evalInterval", "10", "batchSize", "20",
                "rounds", "3", "branches", "ticket", "learningRate", "0.01"));
        Path out = tmp.resolve("runs");
        CountDownLatch training = new CountDownLatch(1);
        List<RunEvent> first = Collections.synchronizedList(new ArrayList<>());
        RunControl a = new ImpRunner(1, null).start(spec, out, e -> {
            first.add(e);
            if (e instanceof RunEvent.IterationProgress) {
                training.countDown();
            }
        });
        assertTrue(training.await(2, java.util.concurrent.TimeUnit.MINUTES));
        List<RunEvent> second = Collections.synchronizedList(new ArrayList<>());
        RunControl b = new ImpRunner(1, null).start(spec, out, second::add);
        assertTrue(b.await(Duration.ofMinutes(1)));
        assertEquals(1, second.size(), () -> "the second writer emits only its failure, not "
                + second.stream().map(e -> e.getClass().getSimpleName()).distinct().toList());
        RunEvent.RunFailed f = (RunEvent.RunFailed) second.get(0);
        Path dir = RunLayout.runDir(out, spec);
        assertTrue(f.reason().contains(dir.toString()) && f.reason().contains("is being written by"), f.reason());
        assertTrue(a.await(Duration.ofMinutes(3)));
        assertTrue(first.get(first.size() - 1) instanceof RunEvent.RunFinished, () -> first.get(first.size() - 1).toString());
        StoredRun run = StoredRun.open(dir);
        assertEquals(4, run.results().size(), "rounds 0..3 all finished");
        assertTrue(run.warnings().isEmpty(), run.warnings().toString());
        // and once the first is done, the folder is free: a rerun resumes with nothing to do
        List<RunEvent> third = Collections.synchronizedList(new ArrayList<>());
        RunControl c = new ImpRunner(1, null).start(spec, out, third::add);
        assertTrue(c.await(Duration.ofMinutes(1)));
        assertTrue(third.get(third.size() - 1) instanceof RunEvent.RunFinished, third::toString);
    }
}
