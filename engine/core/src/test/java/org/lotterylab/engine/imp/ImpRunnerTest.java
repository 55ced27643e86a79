package org.lotterylab.engine.imp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.PruningSchedule;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.Npz;
import org.lotterylab.api.store.RunLayout;
import org.lotterylab.api.store.SummaryCsv;
import org.lotterylab.engine.testdata.TinyData;

/** End-to-end invariants of IMP runs on tiny synthetic data. */
class ImpRunnerTest {

    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void data() throws Exception {
        data = TinyData.write(tmp.resolve("tiny"), 400, 3);
    }

    static ExperimentSpec tiny(String... kv) {
        Map<String, String> m = new java.util.HashMap<>(Map.of("name", "t", "dataset", data.toString(),
                "model", "mlp-small", "iterations", "24", "evalInterval", "8", "batchSize", "20", "rounds", "2",
                "hiddenRate", "0.5", "outputRate", "0.3", "learningRate", "0.01"));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return ExperimentSpec.defaults().with(m);
    }

    static List<RunEvent> run(ImpRunner runner, ExperimentSpec spec, Path out) throws InterruptedException {
        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        RunControl c = runner.start(spec, out, events::add);
        assertTrue(c.await(Duration.ofMinutes(3)), "run did not finish");
        RunEvent last = events.get(events.size() - 1);
        if (last instanceof RunEvent.RunFailed f) {
            throw new AssertionError("run failed: " + f.reason() + "\n" + f.detail());
        }
        return events;
    }

    @ParameterizedTest(name = "engine {0}")
    @ValueSource(strings = {"lean", "dl4j"})
    void prunedWeightsAreZeroAfterEveryStepAndTicketsStartFromThetaK(String engine) throws Exception {
        ExperimentSpec spec = tiny("branches", "ticket,random-reinit,random-pruning,same-sign-reinit,one-shot",
                "rewindIteration", "5", "optimizer", "adam", "engine", engine);
        AtomicInteger steps = new AtomicInteger();
        AtomicReference<String> violation = new AtomicReference<>();
        List<float[]> ticketStarts = Collections.synchronizedList(new ArrayList<>());
        StepObserver obs = new StepObserver() {
            @Override
            public void beforeFirstStep(Branch b, int round, float[] params, boolean[][] mask) {
                if (b == Branch.TICKET && round > 0) {
                    ticketStarts.add(params);
                }
            }

            @Override
            public void afterStep(Branch b, int round, int it, float[] params, boolean[][] mask) {
                steps.incrementAndGet();
                float[] p = params;
                // mlp-small: fc1 weights at offset 0 (100x784), bias 100, output weights (10x100) after it
                int[] offsets = {0, 78_400 + 100};
                for (int l = 0; l < mask.length; l++) {
                    for (int j = 0; j < mask[l].length; j++) {
                        if (!mask[l][j] && p[offsets[l] + j] != 0f) {
                            violation.compareAndSet(null, b + " round " + round + " it " + it + " layer " + l
                                    + " weight " + j + " = " + p[offsets[l] + j]);
                        }
                    }
                }
            }
        };
        Path out = tmp.resolve("inv-" + engine);
        List<RunEvent> events = run(new ImpRunner(2, obs), spec, out);
        RunEvent.RunStarted started = (RunEvent.RunStarted) events.stream()
                .filter(e -> e instanceof RunEvent.RunStarted).findFirst().orElseThrow();
        assertEquals(engine, started.backend().engine(), "the run says which engine trained it");
        assertEquals(null, violation.get());
        assertEquals(24 + 2 * 5 * (24 - 5), steps.get(),
                "every step of every round was observed: the dense round trains 24, each rewound round 24 - k");

        RunLayout layout = new RunLayout(RunLayout.runDir(out, spec));
        // theta_k on disk is bit-for-bit the start of every ticket round (masked).
        List<Tensor> thetaK = Npz.readTensors(layout.thetaK());
        assertEquals(2, ticketStarts.size());
        for (int r = 1; r <= 2; r++) {
            List<Mask> masks = Npz.readMasks(layout.masks(Branch.TICKET, r));
            float[] start = ticketStarts.get(r - 1);
            int[] offsets = {0, 78_400 + 100};
            for (int l = 0; l < 2; l++) {
                float[] k = thetaK.get(l).data();
                boolean[] keep = masks.get(l).keep();
                for (int j = 0; j < k.length; j++) {
                    if (keep[j]) {
                        assertEquals(Float.floatToIntBits(k[j]), Float.floatToIntBits(start[offsets[l] + j]),
                                "round " + r + " layer " + l + " weight " + j);
                    } else {
                        assertEquals(0f, start[offsets[l] + j], 0f, "pruned weight is zero at the start");
                    }
                }
            }
        }
        // per-layer sparsity follows the schedule, pruned weights are zero in weights-final.npz
        for (Branch b : spec.branches()) {
            for (int r = 1; r <= 2; r++) {
                List<Mask> masks = Npz.readMasks(layout.masks(b, r));
                List<Tensor> w = Npz.readTensors(layout.weightsFinal(b, r));
                assertEquals(PruningSchedule.keptAfter(78_400, 0.5, r), masks.get(0).kept(), b + " fc1 round " + r);
                assertEquals(PruningSchedule.keptAfter(1_000, 0.3, r), masks.get(1).kept(), b + " output round " + r);
                for (int l = 0; l < 2; l++) {
                    for (int j = 0; j < w.get(l).size(); j++) {
                        if (!masks.get(l).keep()[j]) {
                            assertEquals(0f, w.get(l).data()[j], 0f, b + " " + r + " " + l + " " + j);
                        }
                    }
                }
            }
        }
        // one iteration axis, the dense run's: rewound rounds of every branch evaluate k = 5 (their start) .. T
        assertEquals(List.of(0, 8, 16, 24), metricIterations(layout, Branch.TICKET, 0));
        for (Branch b : spec.branches()) {
            for (int r = 1; r <= 2; r++) {
                assertEquals(List.of(5, 8, 16, 24), metricIterations(layout, b, r), b + " round " + r);
            }
        }
        for (RunEvent e : events) {
            if (e instanceof RunEvent.RoundFinished f && f.result().round() > 0) {
                assertTrue(f.result().earlyStopIteration() >= 5, "early stop on the same axis: " + f.result());
            }
        }
        long finished = events.stream().filter(e -> e instanceof RunEvent.RoundFinished).count();
        assertEquals(1 + 2 * 5, finished);
        assertTrue(events.get(events.size() - 1) instanceof RunEvent.RunFinished);
    }

    @ParameterizedTest(name = "engine {0}")
    @ValueSource(strings = {"lean", "dl4j"})
    void sameSeedGivesIdenticalMasksAndMetricsAndAResumedRunEndsIdentical(String engine) throws Exception {
        ExperimentSpec spec = tiny("branches", "ticket,random-reinit", "rounds", "3", "rewindIteration", "5",
                "engine", engine);
        ImpRunner runner = new ImpRunner(2);
        Path a = tmp.resolve("a-" + engine);
        Path b = tmp.resolve("b-" + engine);
        run(runner, spec, a);
        run(runner, spec, b);
        assertRunsIdentical(spec, a, b);

        // interrupted run: cancel once round 1 of random-reinit is stored, then run again
        Path c = tmp.resolve("c-" + engine);
        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<RunControl> ctl = new AtomicReference<>();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        RunControl control = runner.start(spec, c, e -> {
            events.add(e);
            try {
                started.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            if (e instanceof RunEvent.RoundFinished f && f.result().round() == 1
                    && f.result().branch() == Branch.RANDOM_REINIT) {
                ctl.get().cancel();
            }
        });
        ctl.set(control);
        started.countDown();
        assertTrue(control.await(Duration.ofMinutes(2)));
        RunEvent last = events.get(events.size() - 1);
        assertTrue(last instanceof RunEvent.RunFinished rf && rf.cancelled(), "cancelled: " + last);
        List<RunEvent> resumed = run(runner, spec, c);
        RunEvent.RunStarted rs = (RunEvent.RunStarted) resumed.stream()
                .filter(e -> e instanceof RunEvent.RunStarted).findFirst().orElseThrow();
        assertEquals(3, rs.resumedRounds().size(), "dense round + round 1 of both branches were kept");
        assertRunsIdentical(spec, a, c);
    }

    @Test
    void badDataFailsWithTheFileNamed() throws Exception {
        Path bad = tmp.resolve("bad");
        Files.createDirectories(bad);
        Files.write(bad.resolve("images-idx3-ubyte"), new byte[] {0, 0, 8, 1, 0, 0});
        Files.write(bad.resolve("labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        RunControl c = new ImpRunner(2).start(tiny("dataset", bad.toString()), tmp.resolve("bad-out"), events::add);
        assertTrue(c.await(Duration.ofMinutes(1)));
        RunEvent last = events.get(events.size() - 1);
        assertTrue(last instanceof RunEvent.RunFailed, "expected failure, got " + last);
        assertTrue(((RunEvent.RunFailed) last).reason().contains("images-idx3-ubyte"), ((RunEvent.RunFailed) last).reason());
    }

    static List<Integer> metricIterations(RunLayout layout, Branch b, int round) throws Exception {
        List<String> lines = Files.readAllLines(layout.metrics(b, round));
        return lines.subList(1, lines.size()).stream().map(l -> Integer.parseInt(l.split(",")[0])).toList();
    }

    static void assertRunsIdentical(ExperimentSpec spec, Path outA, Path outB) throws Exception {
        RunLayout a = new RunLayout(RunLayout.runDir(outA, spec));
        RunLayout b = new RunLayout(RunLayout.runDir(outB, spec));
        List<RoundResult> ra = SummaryCsv.read(a.summaryCsv()).rows();
        List<RoundResult> rb = SummaryCsv.read(b.summaryCsv()).rows();
        assertEquals(ra.size(), rb.size());
        for (int i = 0; i < ra.size(); i++) {
            RoundResult x = ra.get(i);
            RoundResult y = rb.get(i);
            assertEquals(x.branch(), y.branch());
            assertEquals(x.round(), y.round());
            assertEquals(x.testAccuracy(), y.testAccuracy(), 0.0);
            assertEquals(x.earlyStopIteration(), y.earlyStopIteration());
            assertEquals(x.weightsRemaining(), y.weightsRemaining(), 0.0);
            List<Mask> ma = Npz.readMasks(a.masks(x.branch(), x.round()));
            List<Mask> mb = Npz.readMasks(b.masks(x.branch(), x.round()));
            assertEquals(ma, mb, "masks of " + x.branch() + " round " + x.round());
            List<Tensor> wa = Npz.readTensors(a.weightsFinal(x.branch(), x.round()));
            List<Tensor> wb = Npz.readTensors(b.weightsFinal(x.branch(), x.round()));
            for (int l = 0; l < wa.size(); l++) {
                assertArrayEquals(wa.get(l).data(), wb.get(l).data(), "weights of " + x.branch() + " " + x.round());
            }
            assertEquals(Files.readString(a.metrics(x.branch(), x.round())),
                    Files.readString(b.metrics(x.branch(), x.round())));
        }
        assertNotNull(ra);
        assertFalse(ra.isEmpty());
    }
}
