package org.lotterylab.engine.lmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.run.Instability;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.LmcPlan;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.LmcStore;
import org.lotterylab.api.store.Npz;
import org.lotterylab.api.store.RunLayout;
import org.lotterylab.engine.Backend;
import org.lotterylab.engine.context.ImpContext;
import org.lotterylab.engine.imp.ImpRunner;
import org.lotterylab.engine.prune.Pruner;
import org.lotterylab.engine.testdata.TinyData;
import org.lotterylab.engine.train.RunGate;

/** LMC end to end on tiny synthetic data: exact endpoints, masks along the path, storage, resume, bad input. */
class LmcRunnerTest {

    @TempDir
    static Path tmp;
    static Path data;
    static Path impOut;
    static ExperimentSpec impSpec;

    @BeforeAll
    static void setUp() throws Exception {
        data = TinyData.write(tmp.resolve("tiny"), 400, 3);
        // one stored IMP run (rewinding to k = 4, one pruning round) for the ticket tests
        impSpec = tiny("rounds", "1", "rewindIteration", "4", "branches", "ticket");
        impOut = tmp.resolve("imp");
        List<RunEvent> ev = Collections.synchronizedList(new ArrayList<>());
        RunControl c = new ImpRunner(2).start(impSpec, impOut, ev::add);
        assertTrue(c.await(Duration.ofMinutes(2)));
        assertTrue(ev.get(ev.size() - 1) instanceof RunEvent.RunFinished, "IMP run failed: " + ev.get(ev.size() - 1));
    }

    static ExperimentSpec tiny(String... kv) {
        Map<String, String> m = new HashMap<>(Map.of("name", "t", "dataset", data.toString(), "model", "mlp-small",
                "iterations", "24", "evalInterval", "8", "batchSize", "20", "rounds", "1", "hiddenRate", "0.5",
                "outputRate", "0.3", "learningRate", "0.01"));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return ExperimentSpec.defaults().with(m);
    }

    /** Records the copies and the evaluated points. */
    static final class Recorder implements LmcObserver {
        final Map<String, float[]> trained = new ConcurrentHashMap<>();
        final Map<String, float[]> points = new ConcurrentHashMap<>();
        final Map<String, float[]> starts = new ConcurrentHashMap<>();

        @Override
        public void start(LmcStore.Key key, float[] wk) {
            starts.put(key.network() + "/" + key.k() + "/" + key.seedPair(), wk);
        }

        @Override
        public void trained(LmcStore.Key key, int copy, float[] params) {
            trained.put(key.network() + "/" + key.k() + "/" + key.seedPair() + "/" + copy, params);
        }

        @Override
        public void point(LmcStore.Key key, int index, double alpha, float[] params) {
            points.put(key.network() + "/" + key.k() + "/" + key.seedPair() + "@" + index, params);
        }
    }

    static List<RunEvent> run(LmcRunner runner, LmcPlan plan, Path out) throws InterruptedException {
        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        RunControl c = runner.start(plan, out, events::add);
        assertTrue(c.await(Duration.ofMinutes(2)), "analysis did not finish");
        return events;
    }

    static List<RunEvent> runOk(LmcRunner runner, LmcPlan plan, Path out) throws InterruptedException {
        List<RunEvent> events = run(runner, plan, out);
        RunEvent last = events.get(events.size() - 1);
        if (last instanceof RunEvent.RunFailed f) {
            throw new AssertionError("analysis failed: " + f.reason() + "\n" + f.detail());
        }
        assertTrue(last instanceof RunEvent.RunFinished rf && !rf.cancelled(), "last event " + last);
        return events;
    }

    static <T> List<T> of(List<RunEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void denseEndpointsAreTheTrainedNetworksAndTheFilesMatchTheEvents() throws Exception {
        ExperimentSpec spec = tiny();
        Recorder rec = new Recorder();
        Path out = tmp.resolve("dense");
        LmcPlan plan = new LmcPlan(spec, List.of(6, 0), 5, 2, 0, 0.02, null, -1);
        List<RunEvent> events = runOk(new LmcRunner(2, rec), plan, out);

        List<LmcEvent.LmcCurveDone> done = of(events, LmcEvent.LmcCurveDone.class);
        assertEquals(4, done.size(), "2 k x 2 seed pairs");
        for (LmcEvent.LmcCurveDone d : done) {
            String c = "dense/" + d.k() + "/" + d.seedPair();
            float[] w1 = rec.trained.get(c + "/1");
            float[] w2 = rec.trained.get(c + "/2");
            assertNotNull(w1, c);
            assertFalse(java.util.Arrays.equals(w1, w2), "different data orders give different copies");
            assertArrayEquals(w1, rec.points.get(c + "@4"), "alpha = 1 is copy 1, bit for bit: " + c);
            assertArrayEquals(w2, rec.points.get(c + "@0"), "alpha = 0 is copy 2, bit for bit: " + c);
            assertEquals(1.0, d.weightsRemaining(), 0.0);
            assertEquals(24 - d.k(), d.trainIterations(), "copies train iterations - k");
            assertTrue(d.evalSeconds() > 0);
            assertFalse(d.stored());
        }
        // the data orders depend on the seed pair only: k = 0 and k = 6 differ in W_k
        assertFalse(java.util.Arrays.equals(rec.trained.get("dense/0/0/1"), rec.trained.get("dense/6/0/1")));

        List<LmcEvent.LmcPoint> points = of(events, LmcEvent.LmcPoint.class);
        assertEquals(4 * 5, points.size());
        RunLayout layout = new RunLayout(RunLayout.runDir(out, spec));
        List<String> lmc = Files.readAllLines(layout.lmcCsv());
        assertEquals(LmcStore.LMC_HEADER, lmc.get(0));
        assertEquals(1 + 4 * 5 * 2, lmc.size());
        for (LmcEvent.LmcPoint p : points) {
            assertEquals(p.index() / 4.0, p.alpha(), 0.0);
            assertEquals(p.testMisclassified() / (double) p.testCount(), p.testError(), 0.0);
            String prefix = "dense," + p.k() + "," + p.seedPair() + "," + p.alpha() + ",";
            assertTrue(lmc.contains(prefix + "test," + p.testError()), prefix + " test " + p.testError());
            assertTrue(lmc.contains(prefix + "train," + p.trainError()), prefix + " train");
            assertEquals(40, p.testCount(), "tiny data: 40 test images");
            assertEquals(320, p.trainCount(), "the whole training split (80% of 400)");
        }
        List<String> inst = Files.readAllLines(layout.instabilityCsv());
        assertEquals(LmcStore.INSTABILITY_HEADER, inst.get(0));
        assertEquals(5, inst.size());
        for (LmcEvent.LmcCurveDone d : done) {
            String row = inst.stream().filter(l -> l.startsWith("dense," + d.k() + "," + d.seedPair() + ","))
                    .findFirst().orElseThrow();
            String[] cells = row.split(",");
            assertEquals(d.instability(), Double.parseDouble(cells[3]), 0.0);
            assertEquals(d.maxError(), Double.parseDouble(cells[4]), 0.0);
            assertEquals(d.endpointMeanError(), Double.parseDouble(cells[5]), 0.0);
            assertEquals(Boolean.toString(d.stable()), cells[6]);
            double[] curve = points.stream().filter(p -> p.k() == d.k() && p.seedPair() == d.seedPair())
                    .mapToDouble(LmcEvent.LmcPoint::testError).toArray();
            assertEquals(Instability.of(curve).instability(), d.instability(), 0.0);
        }
        assertTrue(Files.isRegularFile(layout.specJson()), "the run directory holds its spec");
    }

    @Test
    void aRerunSkipsFinishedCurvesAndComputesOnlyNewOnes() throws Exception {
        ExperimentSpec spec = tiny("seed", "7");
        Path out = tmp.resolve("resume");
        LmcRunner runner = new LmcRunner(2);
        runOk(runner, new LmcPlan(spec, List.of(0), 4, 1, 0, 0.02, null, -1), out);
        RunLayout layout = new RunLayout(RunLayout.runDir(out, spec));
        String lmcBefore = Files.readString(layout.lmcCsv());
        String instBefore = Files.readString(layout.instabilityCsv());

        List<RunEvent> again = runOk(runner, new LmcPlan(spec, List.of(0), 4, 1, 0, 0.02, null, -1), out);
        assertEquals(0, of(again, LmcEvent.LmcTraining.class).size(), "nothing is trained again");
        assertEquals(1, of(again, LmcEvent.LmcStarted.class).get(0).storedCurves());
        List<LmcEvent.LmcCurveDone> replayed = of(again, LmcEvent.LmcCurveDone.class);
        assertEquals(1, replayed.size());
        assertTrue(replayed.get(0).stored());
        assertEquals(4, of(again, LmcEvent.LmcPoint.class).size(), "stored points are replayed for the views");
        assertEquals(lmcBefore, Files.readString(layout.lmcCsv()));
        assertEquals(instBefore, Files.readString(layout.instabilityCsv()));

        // a second seed pair: only its curve is computed, the first stays byte for byte
        List<RunEvent> more = runOk(runner, new LmcPlan(spec, List.of(0), 4, 2, 0, 0.02, null, -1), out);
        List<LmcEvent.LmcCurveDone> d = of(more, LmcEvent.LmcCurveDone.class);
        assertEquals(2, d.size());
        assertTrue(d.get(0).stored() && d.get(0).seedPair() == 0);
        assertTrue(!d.get(1).stored() && d.get(1).seedPair() == 1);
        assertTrue(Files.readString(layout.lmcCsv()).startsWith(lmcBefore), "pair 0 rows unchanged and first");

        // a half-written curve (its points without its instability row) is recomputed, not trusted
        List<String> lines = new ArrayList<>(Files.readAllLines(layout.instabilityCsv()));
        lines.remove(2);
        Files.writeString(layout.instabilityCsv(), String.join("\n", lines) + "\n");
        List<RunEvent> third = runOk(runner, new LmcPlan(spec, List.of(0), 4, 2, 0, 0.02, null, -1), out);
        assertEquals(1, of(third, LmcEvent.LmcStarted.class).get(0).storedCurves());
        assertEquals(1, of(third, LmcEvent.LmcCurveDone.class).stream().filter(x -> !x.stored()).count());

        // a file from before the example-count columns (train split then = the first test-size images): recomputed
        List<String> old = new ArrayList<>();
        for (String l : Files.readAllLines(layout.instabilityCsv())) {
            String[] c = l.split(",");
            old.add(String.join(",", java.util.Arrays.copyOf(c, c.length - 4)));
        }
        Files.writeString(layout.instabilityCsv(), String.join("\n", old) + "\n");
        List<RunEvent> fourth = runOk(runner, new LmcPlan(spec, List.of(0), 4, 2, 0, 0.02, null, -1), out);
        assertEquals(0, of(fourth, LmcEvent.LmcStarted.class).get(0).storedCurves());
        assertEquals(2, of(fourth, LmcEvent.LmcCurveDone.class).stream().filter(x -> !x.stored()).count());
        assertTrue(Files.readAllLines(layout.instabilityCsv()).get(0).endsWith(",test_examples,train_examples"));
    }

    @Test
    void aTicketKeepsItsMaskAlongThePathAndStartsFromTheStoredThetaK() throws Exception {
        Path runDir = RunLayout.runDir(impOut, impSpec);
        Recorder rec = new Recorder();
        LmcPlan plan = new LmcPlan(null, List.of(4), 5, 1, 0, 0.02, runDir, 1);
        List<RunEvent> events = runOk(new LmcRunner(2, rec), plan, tmp.resolve("unused"));
        LmcEvent.LmcCurveDone d = of(events, LmcEvent.LmcCurveDone.class).get(0);
        assertEquals("ticket-round-01", d.network());
        assertEquals(20, d.trainIterations());
        assertTrue(d.weightsRemaining() < 0.6 && d.weightsRemaining() > 0.4, "one round at 50%: " + d.weightsRemaining());
        assertTrue(Files.readString(new RunLayout(runDir).instabilityCsv()).contains("ticket-round-01,4,0,"));

        // the stored mask, flattened the engine's way
        ImpContext ctx = ImpContext.prepare(impSpec, Backend.current(2));
        boolean[][] mask = Pruner.fromMasks(ctx.layout(), Npz.readMasks(new RunLayout(runDir).masks(Branch.TICKET, 1)));
        float[] flat = Pruner.flatMask(ctx.layout(), mask);
        int pruned = 0;
        for (int i = 0; i < 5; i++) {
            float[] p = rec.points.get("ticket-round-01/4/0@" + i);
            for (int j = 0; j < flat.length; j++) {
                if (flat[j] == 0f) {
                    assertEquals(0, Float.floatToRawIntBits(p[j]), "pruned entry " + j + " at point " + i);
                    pruned++;
                }
            }
        }
        assertTrue(pruned > 10_000, "the mask prunes: " + pruned);
        for (int copy = 1; copy <= 2; copy++) {
            float[] trained = rec.trained.get("ticket-round-01/4/0/" + copy);
            float[] end = rec.points.get("ticket-round-01/4/0@" + (copy == 1 ? 4 : 0));
            for (int j = 0; j < flat.length; j++) {
                if (flat[j] == 0f) {
                    assertEquals(0f, trained[j], 0f, "the trainer kept pruned weights at zero");
                } else {
                    assertEquals(Float.floatToRawIntBits(trained[j]), Float.floatToRawIntBits(end[j]),
                            "copy " + copy + " entry " + j);
                }
            }
        }
        // the copies started from the stored theta_k: W_k's weights are theta-k.npz (checked via the trainer's
        // start, which is the masked W_k: retrain one step-free copy is not observable, so compare W_k directly)
        List<Tensor> thetaK = Npz.readTensors(new RunLayout(runDir).thetaK());
        PathMaker maker = new PathMaker(ctx, e -> { }, new RunGate(), null);
        float[] w4 = maker.rewindPoints(ctx.theta0(), List.of(4), "dense").get(4);
        for (int l = 0; l < thetaK.size(); l++) {
            int off = (int) ctx.layout().offset(l);
            float[] k = thetaK.get(l).data();
            for (int j = 0; j < k.length; j++) {
                assertEquals(Float.floatToRawIntBits(k[j]), Float.floatToRawIntBits(w4[off + j]),
                        "W_k retrained here equals the IMP run's theta_k, layer " + l + " weight " + j);
            }
        }
    }

    @Test
    void impRunsMeasureEachRoundOfTheTicketAndAControlWithOneExtraTrainingPerRound() throws Exception {
        ExperimentSpec spec = tiny("rounds", "1", "branches", "ticket,random-reinit", "lmcEachRound", "true",
                "lmcBranches", "ticket,random-reinit", "lmcAlphas", "3", "seed", "11");
        List<RunEvent> ev = Collections.synchronizedList(new ArrayList<>());
        Path out = tmp.resolve("imp-lmc");
        RunControl c = new ImpRunner(2).start(spec, out, ev::add);
        assertTrue(c.await(Duration.ofMinutes(2)));
        assertTrue(ev.get(ev.size() - 1) instanceof RunEvent.RunFinished, "" + ev.get(ev.size() - 1));
        List<LmcEvent.LmcCurveDone> done = of(ev, LmcEvent.LmcCurveDone.class);
        assertEquals(List.of("ticket-round-00", "ticket-round-01", "random-reinit-round-01"),
                done.stream().map(LmcEvent.LmcCurveDone::network).toList());
        assertEquals(1.0, done.get(0).weightsRemaining(), 0.0);
        assertTrue(done.get(1).weightsRemaining() < 1.0);
        // cheap: each round's own training is copy 1 (k = 0 here, so the dense round's too); only copy 2 trains
        List<LmcEvent.LmcTraining> trainings = of(ev, LmcEvent.LmcTraining.class);
        assertTrue(trainings.stream().noneMatch(t -> t.phase().equals("copy 1")), "copy 1 is never retrained");
        assertEquals(3, trainings.stream().filter(t -> t.phase().equals("copy 2")).map(LmcEvent::network).distinct()
                .count());

        // the dashboard's events: branch, round, weights remaining, alphas, errors, instability and its error
        List<LmcEvent.RoundCurve> rounds = of(ev, LmcEvent.RoundCurve.class);
        assertEquals(3, rounds.size());
        LmcEvent.RoundCurve rr = rounds.get(2);
        assertEquals(Branch.RANDOM_REINIT, rr.branch());
        assertEquals(1, rr.round());
        assertEquals(done.get(2).weightsRemaining(), rr.weightsRemaining(), 0.0);
        assertArrayEquals(new double[] {0, 0.5, 1}, rr.alphas(), 0.0);
        assertEquals(Instability.of(rr.testError()).instability(), rr.instability(), 0.0);
        assertEquals(done.get(2).instability(), rr.instability(), 0.0);
        assertEquals(Instability.of(rr.trainError()).instability(), rr.trainInstability(), 0.0);
        assertEquals(40, rr.testCount());
        assertEquals(320, rr.trainCount());
        assertEquals(Instability.standardError(rr.testError(), 40), rr.instabilitySe(), 0.0);
        assertEquals(Instability.standardError(rr.trainError(), 320), rr.trainInstabilitySe(), 0.0);
        assertFalse(rr.stored());

        RunLayout layout = RunLayout.of(out, spec);
        List<String> inst = Files.readAllLines(layout.instabilityCsv());
        assertEquals(4, inst.size());
        assertTrue(inst.get(1).startsWith("random-reinit-round-01,0,0,"), inst.get(1));
        assertTrue(inst.get(2).startsWith("ticket-round-00,0,0,"));
        assertTrue(inst.get(3).startsWith("ticket-round-01,0,0,"));
        String[] cells = inst.get(1).split(",");
        assertEquals(Double.toString(rr.instabilitySe()), cells[14], "instability_se");
        assertEquals("40", cells[16], "test_examples");
        assertEquals("320", cells[17], "train_examples");
        assertEquals(1 + 3 * 3 * 2, Files.readAllLines(layout.lmcCsv()).size());

        // a rerun replays the stored curves to the dashboard and trains nothing
        List<RunEvent> again = Collections.synchronizedList(new ArrayList<>());
        assertTrue(new ImpRunner(2).start(spec, out, again::add).await(Duration.ofMinutes(2)));
        assertEquals(0, of(again, LmcEvent.LmcTraining.class).size());
        assertEquals(3, of(again, LmcEvent.RoundCurve.class).stream().filter(LmcEvent.RoundCurve::stored).count());

        // rounds finished but curves lost: copy 1 is retrained from the round's start with the round's data
        // order, and gives the very curve the reused round training gave
        String lmcBefore = Files.readString(layout.lmcCsv());
        Files.delete(layout.lmcCsv());
        Files.delete(layout.instabilityCsv());
        List<RunEvent> third = Collections.synchronizedList(new ArrayList<>());
        assertTrue(new ImpRunner(2).start(spec, out, third::add).await(Duration.ofMinutes(2)));
        assertEquals(3, of(third, LmcEvent.LmcTraining.class).stream().filter(t -> t.phase().equals("copy 1"))
                .map(LmcEvent::network).distinct().count(), "copy 1 retrained for each curve");
        assertEquals(lmcBefore, Files.readString(layout.lmcCsv()));
    }

    @Test
    void perRoundLmcAndAStoredTicketAnalysisGiveTheSameInstability() throws Exception {
        // the same ticket (rewinding to k = 4), seeds and data: measured inside IMP, and afterwards from the store;
        // a short, slow training keeps the errors away from 0 so that equal curves mean equal networks
        ExperimentSpec plain = impSpec.with(Map.of("learningRate", "0.0003", "iterations", "16"));
        Path plainOut = tmp.resolve("imp-plain-k4");
        assertTrue(new ImpRunner(2).start(plain, plainOut, e -> { }).await(Duration.ofMinutes(2)));
        ExperimentSpec withLmc = plain.with(Map.of("lmcEachRound", "true", "lmcAlphas", "5"));
        List<RunEvent> ev = Collections.synchronizedList(new ArrayList<>());
        Path out = tmp.resolve("imp-lmc-k4");
        assertTrue(new ImpRunner(2).start(withLmc, out, ev::add).await(Duration.ofMinutes(2)));
        assertTrue(ev.get(ev.size() - 1) instanceof RunEvent.RunFinished, "" + ev.get(ev.size() - 1));
        Map<String, LmcEvent.LmcCurveDone> inImp = new HashMap<>();
        of(ev, LmcEvent.LmcCurveDone.class).forEach(d -> inImp.put(d.network(), d));
        // with k > 0 the dense round trained from theta_0, so both of its copies are trained: 1 + 2 trainings
        assertEquals(2, of(ev, LmcEvent.LmcTraining.class).stream().filter(t -> t.network().equals("ticket-round-00"))
                .map(LmcEvent.LmcTraining::phase).distinct().count());

        Path copy = RunLayout.runDir(plainOut, plain);
        for (int round = 0; round <= 1; round++) {
            List<RunEvent> st = runOk(new LmcRunner(2), new LmcPlan(null, List.of(4), 5, 1, 0, 0.02, copy, round),
                    tmp.resolve("unused"));
            LmcEvent.LmcCurveDone d = of(st, LmcEvent.LmcCurveDone.class).get(0);
            LmcEvent.LmcCurveDone m = inImp.get(d.network());
            assertFalse(d.stored(), "computed, not replayed");
            assertEquals(m.trainIterations(), d.trainIterations(), "both train T - k");
            assertEquals(m.instability(), d.instability(), 0.0, d.network());
            assertEquals(m.trainInstability(), d.trainInstability(), 0.0, d.network());
            assertEquals(m.maxError(), d.maxError(), 0.0, d.network());
            assertTrue(m.endpointMeanError() > 0.05 && m.trainEndpointMeanError() > 0.05,
                    "errors well above 0 (else equal curves prove nothing): " + m);
        }
        String a = Files.readString(RunLayout.of(out, withLmc).lmcCsv());
        String b = Files.readString(new RunLayout(copy).lmcCsv());
        assertEquals(a, b, "the same curves, point for point");
    }

    @Test
    void aStoredTicketStartsFromTheExactStoredParametersBiasesIncluded() throws Exception {
        Path copy = tmp.resolve("edited-biases");
        copyTree(RunLayout.runDir(impOut, impSpec), copy);
        ImpContext ctx = ImpContext.prepare(impSpec, Backend.current(2));
        Path full = copy.resolve(ImpRunner.THETA_K_PARAMS);
        float[] params = Npz.readArrays(full).get(0).asFloats();
        boolean[] isWeight = new boolean[params.length];
        for (int l = 0; l < ctx.layout().size(); l++) {
            int off = (int) ctx.layout().offset(l);
            java.util.Arrays.fill(isWeight, off, off + ctx.layout().layers().get(l).size(), true);
        }
        int biases = 0;
        for (int j = 0; j < params.length; j++) {
            if (!isWeight[j]) {
                params[j] += 0.25f;
                biases++;
            }
        }
        assertTrue(biases > 100, "mlp-small has biases: " + biases);
        Npz.writeArrays(full, List.of(org.lotterylab.api.store.NpyArray.ofFloats("params",
                new int[] {params.length}, params)));
        Recorder rec = new Recorder();
        runOk(new LmcRunner(2, rec), new LmcPlan(null, List.of(4), 3, 1, 0, 0.02, copy, 1), tmp.resolve("unused"));
        float[] start = rec.starts.get("ticket-round-01/4/0");
        assertNotNull(start);
        for (int j = 0; j < params.length; j++) {
            assertEquals(Float.floatToRawIntBits(params[j]), Float.floatToRawIntBits(start[j]),
                    "W_k entry " + j + " is theta-k-params.npz's, bit for bit");
        }
    }

    @Test
    void badInputsGetClearMessages() throws Exception {
        ExperimentSpec spec = tiny();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LmcPlan(spec, List.of(0, 30), 5, 1, 0, 0.02, null, -1));
        assertTrue(e.getMessage().contains("k = 30 is larger than the training length (iterations = 24)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LmcPlan(spec, List.of(24), 5, 1, 0, 0.02, null, -1));
        assertTrue(e.getMessage().contains("leaves no training"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LmcPlan(spec, List.of(0), 1, 1, 0, 0.02, null, -1));
        assertTrue(e.getMessage().contains("at least 2 points"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LmcPlan(spec, List.of(0), 5, 0, 0, 0.02, null, -1));
        assertTrue(e.getMessage().contains("at least 1 seed pair"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LmcPlan(spec, List.of(-1), 5, 1, 0, 0.02, null, -1));
        assertTrue(e.getMessage().contains(">= 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new LmcPlan(spec, List.of(0), 5, 1, 0, 2, null, -1));
        assertTrue(e.getMessage().contains("threshold"), e.getMessage());

        // stored runs: a round that was never finished, a run without theta_k, a missing directory, k too large
        Path runDir = RunLayout.runDir(impOut, impSpec);
        assertTrue(failure(new LmcPlan(null, List.of(4), 3, 1, 0, 0.02, runDir, 5))
                .contains("has no finished ticket round 5 (finished ticket rounds: [0, 1])"));
        Path copy = tmp.resolve("no-theta-k");
        copyTree(runDir, copy);
        Files.delete(new RunLayout(copy).thetaK());
        Files.delete(copy.resolve(ImpRunner.THETA_K_PARAMS));
        assertTrue(failure(new LmcPlan(null, List.of(4), 3, 1, 0, 0.02, copy, 1)).contains("lacks theta-k.npz"));
        assertTrue(failure(new LmcPlan(null, List.of(0), 3, 1, 0, 0.02, tmp.resolve("nowhere"), 1))
                .contains("does not exist"));
        assertTrue(failure(new LmcPlan(null, List.of(40), 3, 1, 0, 0.02, runDir, 1))
                .contains("k = 40 is larger than the training length"));
    }

    private static String failure(LmcPlan plan) throws InterruptedException {
        List<RunEvent> events = run(new LmcRunner(2), plan, tmp.resolve("fail"));
        RunEvent last = events.get(events.size() - 1);
        assertTrue(last instanceof RunEvent.RunFailed, "expected a failure, got " + last);
        return ((RunEvent.RunFailed) last).reason();
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
