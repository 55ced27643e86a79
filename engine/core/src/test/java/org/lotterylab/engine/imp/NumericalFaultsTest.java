package org.lotterylab.engine.imp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.RunLayout;
import org.lotterylab.api.store.StoredRun;
import org.lotterylab.engine.data.DataFormatException;
import org.lotterylab.engine.data.ImageDataset;
import org.lotterylab.engine.testdata.TinyData;

/** Numerical faults end with a clear message and keep every finished round; an emptied layer is reported. */
class NumericalFaultsTest {

    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void data() throws Exception {
        data = TinyData.write(tmp.resolve("tiny"), 300, 4);
    }

    static ExperimentSpec spec(String... kv) {
        Map<String, String> m = new HashMap<>(Map.of("name", "num", "dataset", data.toString(), "model", "mlp-small",
                "iterations", "20", "evalInterval", "10", "batchSize", "20", "rounds", "3", "branches", "ticket",
                "learningRate", "0.01"));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return ExperimentSpec.defaults().with(m);
    }

    static List<RunEvent> run(ExperimentSpec spec, Path out, StepObserver observer) throws Exception {
        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        RunControl c = new ImpRunner(1, observer).start(spec, out, events::add);
        assertTrue(c.await(Duration.ofMinutes(3)));
        return events;
    }

    @Test
    void divergenceMidRoundStopsWithAClearMessageAndKeepsFinishedRounds() throws Exception {
        ExperimentSpec spec = spec();
        Path out = tmp.resolve("diverge");
        // the parameters blow up in round 2 at iteration 7, as with a learning rate that is too high
        StepObserver blowUp = new StepObserver() {
            @Override
            public boolean writesBack() {
                return true;
            }

            @Override
            public void afterStep(Branch b, int round, int iteration, float[] params, boolean[][] mask) {
                if (round == 2 && iteration == 7) {
                    params[params.length - 1] = Float.POSITIVE_INFINITY; // an output bias
                }
            }
        };
        List<RunEvent> events = run(spec, out, blowUp);
        RunEvent last = events.get(events.size() - 1);
        assertTrue(last instanceof RunEvent.RunFailed, last::toString);
        String reason = ((RunEvent.RunFailed) last).reason();
        assertTrue(reason.contains("training diverged") && reason.contains("iteration 8 of round 2 of ticket")
                && reason.contains("lower learning rate") && reason.contains("Finished rounds are saved"), reason);
        Path dir = RunLayout.runDir(out, spec);
        assertEquals(List.of(0, 1), StoredRun.open(dir).rounds(Branch.TICKET), "rounds 0 and 1 kept");
        // the same spec resumes after the kept rounds and completes
        List<RunEvent> resumed = run(spec, out, null);
        assertTrue(resumed.get(resumed.size() - 1) instanceof RunEvent.RunFinished);
        assertTrue(resumed.stream().noneMatch(e -> e instanceof RunEvent.RoundStarted s && s.round() < 2),
                "finished rounds are not retrained");
        assertEquals(List.of(0, 1, 2, 3), StoredRun.open(dir).rounds(Branch.TICKET));
    }

    @Test
    void theHighestLearningRateEitherTrainsOnOrStopsWithTheDivergenceMessage() throws Exception {
        // SGD at the spec's limit (10): DL4J's softmax cross-entropy tends to stay finite (the round is kept, at
        // chance accuracy); if the loss does turn non-finite the run stops with the divergence message
        ExperimentSpec spec = spec("optimizer", "sgd", "learningRate", "10");
        Path out = tmp.resolve("lr");
        List<RunEvent> events = run(spec, out, null);
        RunEvent last = events.get(events.size() - 1);
        if (last instanceof RunEvent.RunFailed f) {
            assertTrue(f.reason().startsWith("training diverged") && f.reason().contains("try a lower learning rate"),
                    f.reason());
        } else {
            assertTrue(last instanceof RunEvent.RunFinished, last::toString);
            assertEquals(4, StoredRun.open(RunLayout.runDir(out, spec)).results().size());
        }
    }

    @Test
    void nanInDataIsRejectedBeforeTrainingWithTheSource() {
        float[] pixels = new float[2 * 4];
        pixels[5] = Float.NaN;
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> new ImageDataset(pixels, new int[] {0, 1}, 2, 1, 2, 2, 2, "my-data"));
        assertEquals("my-data", e.source());
        assertTrue(e.getMessage().contains("NaN in image 1"), e.getMessage());
    }

    @Test
    void globalPruningThatEmptiesALayerIsReportedAndTheRunCompletes() throws Exception {
        // prune everything globally, 90% a round: after 3 rounds 0.1% of the weights remain, all in one layer
        ExperimentSpec spec = spec("pruning", "global", "globalRate", "0.9", "globalIgnore", "");
        Path out = tmp.resolve("empty");
        List<RunEvent> events = run(spec, out, null);
        RunEvent last = events.get(events.size() - 1);
        assertTrue(last instanceof RunEvent.RunFinished, last::toString);
        StoredRun run = StoredRun.open(RunLayout.runDir(out, spec));
        RoundResult r3 = run.result(Branch.TICKET, 3).orElseThrow();
        boolean emptied = r3.layers().stream().anyMatch(l -> l.remaining() == 0);
        assertTrue(emptied, "a layer was emptied: " + r3.layers());
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.Note n && n.text().contains("no weights left")),
                "the emptied layer is reported");
        assertTrue(run.warnings().isEmpty(), run.warnings().toString());
    }
}
