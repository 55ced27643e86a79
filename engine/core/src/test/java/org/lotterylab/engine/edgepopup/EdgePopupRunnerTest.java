package org.lotterylab.engine.edgepopup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.run.EdgePopupEvent;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.EdgePopupStore;
import org.lotterylab.api.store.Npz;
import org.lotterylab.api.store.RunLayout;
import org.lotterylab.api.store.StoredRun;
import org.lotterylab.engine.imp.ImpRunner;
import org.lotterylab.engine.model.Initializer;
import org.lotterylab.engine.testdata.TinyData;
import org.lotterylab.engine.util.Seeds;

/** Edge-popup sweeps end to end: events, the run store, resume, and supermasks of an IMP run. */
class EdgePopupRunnerTest {

    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void data() throws Exception {
        data = TinyData.write(tmp.resolve("tiny"), 400, 3);
    }

    static ExperimentSpec tiny(String... kv) {
        Map<String, String> m = new java.util.HashMap<>(Map.of("name", "t", "dataset", data.toString(),
                "model", "mlp-small", "init", "signed-kaiming-constant", "iterations", "24", "evalInterval", "8",
                "batchSize", "20", "rounds", "2", "hiddenRate", "0.5", "outputRate", "0.3"));
        m.put("learningRate", "0.01");
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return ExperimentSpec.defaults().with(m);
    }

    static List<RunEvent> run(RunControlStarter starter) throws InterruptedException {
        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        RunControl c = starter.start(events::add);
        assertTrue(c.await(Duration.ofMinutes(3)), "run did not finish");
        return events;
    }

    interface RunControlStarter {
        RunControl start(org.lotterylab.api.run.RunListener l);
    }

    static void assertOk(List<RunEvent> events) {
        RunEvent last = events.get(events.size() - 1);
        if (last instanceof RunEvent.RunFailed f) {
            throw new AssertionError("run failed: " + f.reason() + "\n" + f.detail());
        }
        assertTrue(last instanceof RunEvent.RunFinished, "last event " + last);
    }

    @Test
    void aSweepIsStoredWithFrozenWeightsAndResumes() throws Exception {
        ExperimentSpec spec = tiny();
        Path out = tmp.resolve("sweep");
        EdgePopupRunner runner = new EdgePopupRunner(2);
        List<RunEvent> events = run(l -> runner.start(spec, List.of(0.3, 0.7), EdgePopupOptions.defaults(), out, l));
        assertOk(events);

        EdgePopupEvent.Sweep sweep = only(events, EdgePopupEvent.Sweep.class);
        assertEquals(List.of(0, 1), sweep.rounds());
        assertEquals(List.of(0.7, 0.3), sweep.keeps(), "most edges first");
        List<RunEvent.RoundFinished> finished = all(events, RunEvent.RoundFinished.class);
        assertEquals(2, finished.size());
        for (RunEvent.RoundFinished f : finished) {
            assertEquals(Branch.EDGE_POPUP, f.result().branch());
        }
        List<EdgePopupEvent.MaskFlips> flips = all(events, EdgePopupEvent.MaskFlips.class);
        assertEquals(6, flips.size(), "24 iterations / 8 per report, two points");
        assertTrue(all(events, RunEvent.IterationProgress.class).stream().allMatch(p -> p.branch() == Branch.EDGE_POPUP));

        RunLayout layout = RunLayout.of(out, spec);
        StoredRun stored = StoredRun.open(layout.dir());
        assertEquals(List.of(Branch.EDGE_POPUP), stored.branches());
        // theta-0.npz is the seeded init, bit for bit, and each point's weights are theta_0 times its mask
        var info = stored.layers();
        float[] fresh = Initializer.draw(new org.lotterylab.engine.model.ParamLayout(info, offsets(info),
                totalParams(info)), spec.init(), Seeds.derive(spec.seed(), "init", 0));
        List<Tensor> theta0 = stored.theta0().orElseThrow();
        for (int l = 0; l < info.size(); l++) {
            float[] expected = java.util.Arrays.copyOfRange(fresh, (int) offsets(info)[l],
                    (int) offsets(info)[l] + info.get(l).size());
            assertBitIdentical(expected, theta0.get(l).data(), "theta-0 " + info.get(l).name());
        }
        EdgePopupStore files = new EdgePopupStore(layout);
        for (int round = 0; round < 2; round++) {
            double keep = sweep.keepOf(round);
            RoundResult r = stored.result(Branch.EDGE_POPUP, round).orElseThrow();
            List<Mask> masks = stored.masks(Branch.EDGE_POPUP, round);
            List<Tensor> weights = stored.finalWeights(Branch.EDGE_POPUP, round);
            long kept = 0;
            long total = 0;
            for (int l = 0; l < masks.size(); l++) {
                Mask m = masks.get(l);
                assertEquals(TopK.keptCount(m.size(), keep), m.kept(), "top-k count of " + m.name());
                float[] w = weights.get(l).data();
                float[] t0 = theta0.get(l).data();
                for (int j = 0; j < w.length; j++) {
                    float expected = m.keep()[j] ? t0[j] : 0f;
                    assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(w[j]),
                            "weights-final = theta_0 * mask at " + m.name() + "[" + j + "]");
                }
                kept += m.kept();
                total += m.size();
            }
            assertEquals(kept / (double) total, r.weightsRemaining(), 1e-12);
            List<EdgePopupEvent.MaskFlips> stFlips = files.readFlips(round);
            assertEquals(3, stFlips.size());
            assertEquals(8, stFlips.get(0).iteration());
            assertTrue(Files.exists(files.scoresFinal(round)));
            assertEquals(masks.size(), Npz.readTensors(files.scoresFinal(round)).size());
        }
        assertEquals(Map.of(0, 0.7, 1, 0.3), files.readKeeps());
        assertEquals("24", files.readOptions().get("iterations"));
        String summary = Files.readString(layout.summaryCsv());
        assertTrue(summary.contains("\nedge-popup,0,") && summary.contains("\nedge-popup,1,"), summary);

        // a rerun skips finished points; a new keep value gets the next round
        List<RunEvent> again = run(l -> runner.start(spec, List.of(0.5, 0.3), EdgePopupOptions.defaults(), out, l));
        assertOk(again);
        List<RunEvent.RoundStarted> started = all(again, RunEvent.RoundStarted.class);
        assertEquals(1, started.size(), "only the new point trains");
        assertEquals(2, started.get(0).round());
        assertEquals(2, only(again, RunEvent.RunStarted.class).resumedRounds().size());
        assertTrue(all(again, RunEvent.Note.class).stream().anyMatch(n -> n.text().contains("already on disk")));
        assertEquals(Map.of(0, 0.7, 1, 0.3, 2, 0.5), files.readKeeps());

        // other optimiser settings in the same run directory are refused with a clear message
        List<RunEvent> other = run(l -> runner.start(spec, List.of(0.5), EdgePopupOptions.defaults()
                .with("learningRate", "0.2"), out, l));
        RunEvent.RunFailed failed = only(other, RunEvent.RunFailed.class);
        assertTrue(failed.reason().contains("learningRate ('1.0' on disk, '0.2' now)"), failed.reason());

        // without keeps.csv a stored point is only reused when its masks keep what the keep value asks for
        Files.delete(files.keepsCsv());
        List<RunEvent> lost = run(l -> runner.start(spec, List.of(0.3), EdgePopupOptions.defaults(), out, l));
        assertOk(lost);
        assertEquals(List.of(0), all(lost, RunEvent.RoundStarted.class).stream().map(RunEvent.RoundStarted::round)
                .toList(), "round 0 held 0.7 kept: it is redone for 0.3");
        assertEquals(0.3, StoredRun.open(layout.dir()).result(Branch.EDGE_POPUP, 0).orElseThrow().weightsRemaining(),
                0.001);
    }

    @Test
    void edgePopupJoinsAnImpRunOfTheSameSpecAndSupermasksAreEvaluated() throws Exception {
        ExperimentSpec spec = tiny("init", "kaiming-normal", "branches", "ticket");
        Path out = tmp.resolve("joint");
        assertOk(run(l -> new ImpRunner(2).start(spec, out, l)));
        assertOk(run(l -> new EdgePopupRunner(2).start(spec, List.of(0.5),
                EdgePopupOptions.defaults().with("weightInit", "kaiming-normal"), out, l)));
        StoredRun stored = StoredRun.open(RunLayout.runDir(out, spec));
        assertEquals(List.of(Branch.TICKET, Branch.EDGE_POPUP), stored.branches(), "one summary.csv for both");

        Supermask.Report report = Supermask.evaluate(stored.dir(), Branch.TICKET, "", 2);
        assertEquals(3, report.rows().size(), "dense round 0 and two pruned rounds");
        assertEquals("large-final", report.criterion());
        for (org.lotterylab.api.store.SupermaskRow r : report.rows()) {
            assertTrue(r.supermaskAccuracy() >= 0 && r.supermaskAccuracy() <= 1);
            assertTrue(r.signedConstantAccuracy() >= 0 && r.signedConstantAccuracy() <= 1);
        }
        assertEquals(1.0, report.rows().get(0).weightsRemaining());
        assertTrue(report.rows().get(2).weightsRemaining() < report.rows().get(1).weightsRemaining());
        assertFalse(report.data().isBlank());
    }

    @Test
    void frozenWeightsDefaultToSignedKaimingConstantAndTheSpecSaysSo() throws Exception {
        ExperimentSpec spec = tiny("init", "glorot-normal");
        Path out = tmp.resolve("frozen-default");
        List<RunEvent> events = run(l -> new EdgePopupRunner(2).start(spec, List.of(0.5), EdgePopupOptions.defaults(),
                out, l));
        assertOk(events);
        RunEvent.RunStarted s = only(events, RunEvent.RunStarted.class);
        assertEquals(org.lotterylab.api.spec.InitKind.SIGNED_KAIMING_CONSTANT, s.spec().init(), "the event says it");
        ExperimentSpec frozen = EdgePopupRunner.frozenSpec(spec, EdgePopupOptions.defaults());
        assertEquals(RunLayout.runDir(out, frozen), s.runDir());
        StoredRun stored = StoredRun.open(s.runDir());
        assertEquals(frozen, stored.spec(), "spec.json records the frozen weights' init");
        float[] fc1 = stored.theta0().orElseThrow().get(0).data();
        float c = (float) Math.sqrt(2.0 / 784);
        for (float v : fc1) {
            assertEquals(c, Math.abs(v), 0f, "signed Kaiming constant: +-sqrt(2 / fan_in)");
        }
        assertEquals(spec, EdgePopupRunner.frozenSpec(spec, EdgePopupOptions.defaults().with("weightInit",
                "glorot-normal")), "another init is an explicit option");
    }

    @Test
    void badKeepValuesAndModelsFailAtOnceOrWithAClearEvent() throws Exception {
        EdgePopupRunner runner = new EdgePopupRunner(1);
        org.junit.jupiter.api.Assertions.assertThrows(org.lotterylab.api.spec.SpecException.class,
                () -> runner.start(tiny(), List.of(1.5), EdgePopupOptions.defaults(), tmp, e -> { }));
        org.junit.jupiter.api.Assertions.assertThrows(org.lotterylab.api.spec.SpecException.class,
                () -> runner.start(tiny(), List.of(), EdgePopupOptions.defaults(), tmp, e -> { }));
        // conv-2 needs images of at least 2x2: fine; a data set that does not exist fails with a message
        List<RunEvent> ev = run(l -> runner.start(tiny("dataset", tmp.resolve("missing").toString()), List.of(0.5),
                EdgePopupOptions.defaults(), tmp.resolve("bad"), l));
        RunEvent.RunFailed f = only(ev, RunEvent.RunFailed.class);
        assertFalse(f.reason().isBlank());
    }

    private static long[] offsets(List<org.lotterylab.api.mask.LayerInfo> layers) {
        // the mlp-small layout: fc1 weights, fc1 bias, output weights, output bias
        long[] off = new long[layers.size()];
        long pos = 0;
        for (int l = 0; l < layers.size(); l++) {
            off[l] = pos;
            pos += layers.get(l).size() + layers.get(l).rows();
        }
        return off;
    }

    private static long totalParams(List<org.lotterylab.api.mask.LayerInfo> layers) {
        long n = 0;
        for (var l : layers) {
            n += l.size() + l.rows();
        }
        return n;
    }

    private static void assertBitIdentical(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                throw new AssertionError(what + " differs at " + i + ": " + expected[i] + " vs " + actual[i]);
            }
        }
    }

    private static <T> T only(List<RunEvent> events, Class<T> type) {
        List<T> l = all(events, type);
        assertEquals(1, l.size(), "events of " + type.getSimpleName() + ": " + events);
        return l.get(0);
    }

    private static <T> List<T> all(List<RunEvent> events, Class<T> type) {
        List<T> out = new ArrayList<>();
        synchronized (events) {
            for (RunEvent e : events) {
                if (type.isInstance(e)) {
                    out.add(type.cast(e));
                }
            }
        }
        return out;
    }
}
