package org.lotterylab.engine.imp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotterylab.engine.context.ImpContext;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.run.BackendInfo;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.run.RunListener;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.NpyArray;
import org.lotterylab.api.store.Npz;
import org.lotterylab.api.store.RunLayout;
import org.lotterylab.api.store.RunStoreWriter;
import org.lotterylab.engine.lmc.ImpRoundLmc;
import org.lotterylab.engine.prune.Pruner;
import org.lotterylab.engine.train.RunGate;
import org.lotterylab.engine.train.StepBackend;
import org.lotterylab.engine.train.Trainer;
import org.lotterylab.engine.util.MemorySampler;
import org.lotterylab.engine.run.RunLifecycle;
import org.lotterylab.engine.util.Seeds;

/**
 * One IMP experiment: the dense round 0 (which also yields theta_k), then for each round the ticket
 * branch and the requested controls, all from the same seed and the same per-round data order. Rounds run
 * interleaved (round r of every branch before round r+1) so the curves grow together while live.
 */
final class ImpExperiment {

    /** File holding the whole flat parameter vector at the rewind point (weights and biases). */
    static final String THETA_K_PARAMS = ImpRunner.THETA_K_PARAMS;

    private final ExperimentSpec spec;
    private final Path runDir;
    private final BackendInfo backend;
    private final RunListener listener;
    private final RunGate gate;
    private final StepObserver observer;
    private final MemorySampler memory = MemorySampler.fromEnvironment();

    private final int parallel;
    private final Object storeLock = new Object();
    private final Object emitLock = new Object();

    ImpExperiment(ExperimentSpec spec, Path outDir, BackendInfo backend, RunListener listener, RunGate gate,
                  StepObserver observer, int parallel) {
        this.observer = observer;
        this.spec = spec;
        this.runDir = RunLayout.runDir(outDir, spec);
        this.backend = backend;
        this.listener = listener;
        this.gate = gate;
        this.parallel = parallel;
    }

    void run() {
        RunLifecycle.run(runDir, "rounds", listener, this::execute);
    }

    private void execute() throws IOException {
        ImpContext ctx = ImpContext.prepare(spec, backend);
        try (RoundWorkers workers = new RoundWorkers(parallel, ctx, runDir, this::emit, gate)) {
            execute(ctx, ctx.backendInfo(backend), workers);
        }
    }

    private void execute(ImpContext ctx, BackendInfo shown, RoundWorkers workers) throws IOException {
        RunStoreWriter store = RunStoreWriter.open(runDir);
        store.writeSpec(spec);
        store.writeLayers(ctx.layout().layers());
        Map<String, String> info = new LinkedHashMap<>();
        info.put("backend", shown.backend());
        info.put("threads", Integer.toString(shown.threads()));
        info.put("backend_detail", shown.detail());
        info.put("engine", shown.engine());
        info.put("parallel_trainings", Integer.toString(parallel));
        info.put("data", ctx.dataDescription());
        info.put("started", Instant.now().toString());
        store.writeRunInfo(info);

        Map<String, RoundResult> done = new HashMap<>();
        List<RoundResult> finished = store.finishedRounds();
        for (RoundResult r : finished) {
            done.put(key(r.branch(), r.round()), r);
        }
        float[] theta0 = ctx.theta0();
        var storedTheta0 = store.readTheta0();
        if (storedTheta0.isPresent()) {
            float[] fromDisk = theta0.clone();
            Pruner.writeTensors(ctx.layout(), storedTheta0.get(), fromDisk);
            if (!java.util.Arrays.equals(fromDisk, theta0)) {
                emit(new RunEvent.Note("theta_0 on disk differs from a fresh draw; continuing with the stored one"));
            }
            theta0 = fromDisk;
        } else {
            store.writeTheta0(Pruner.tensors(ctx.layout(), theta0));
        }
        emit(new RunEvent.RunStarted(runDir, spec, shown, ctx.layout().layers(),
                Pruner.tensors(ctx.layout(), theta0), finished));
        if (!finished.isEmpty()) {
            emit(new RunEvent.Note("resuming: " + finished.size() + " finished round(s) found in " + runDir));
        }
        List<Branch> branches = new ArrayList<>(spec.branches());
        if (!branches.contains(Branch.TICKET)) {
            branches.add(0, Branch.TICKET);
            emit(new RunEvent.Note("the ticket branch runs too: every control is derived from its masks"));
        }
        branches.remove(Branch.EDGE_POPUP);
        boolean earlyBird = branches.contains(Branch.EARLY_BIRD);

        // Round 0: the dense network; its snapshot after k iterations is theta_k.
        boolean[][] denseMask = Pruner.dense(ctx.layout());
        float[] thetaK;
        float[] denseFinal;
        float[] denseTrainedHere = null;
        float[] earlyBirdParams = null;
        RoundResult r0 = done.get(key(Branch.TICKET, 0));
        var storedK = store.readThetaK();
        java.nio.file.Path fullK = runDir.resolve(THETA_K_PARAMS);
        if (r0 != null && storedK.isPresent() && java.nio.file.Files.exists(fullK)) {
            thetaK = Npz.readArrays(fullK).get(0).asFloats();
            float[] check = thetaK.clone();
            Pruner.writeTensors(ctx.layout(), storedK.get(), check);
            if (!java.util.Arrays.equals(check, thetaK) || thetaK.length != ctx.layout().totalParams()) {
                throw new IOException(THETA_K_PARAMS + " disagrees with theta-k.npz in " + runDir);
            }
            denseFinal = loadFinal(store, ctx, Branch.TICKET, 0, thetaK);
            if (earlyBird) {
                earlyBirdParams = EarlyBirdFiles.readParams(runDir, thetaK.length);
            }
        } else {
            EarlyBirdWatch watch = earlyBird ? new EarlyBirdWatch(ctx.layout(), spec, theta0) : null;
            Trained t = train(ctx, workers.backend(), Branch.TICKET, 0, theta0, denseMask, spec.rewindIteration(), watch);
            Trainer.Outcome out = t.outcome();
            thetaK = out.snapshot();
            // every parameter at k (biases too), so a resumed run rewinds exactly as an uninterrupted one
            Npz.writeArrays(fullK, List.of(NpyArray.ofFloats("params", new int[] {thetaK.length}, thetaK)));
            store.writeThetaK(Pruner.tensors(ctx.layout(), thetaK));
            denseFinal = out.finalParams();
            denseTrainedHere = denseFinal;
            if (watch != null) {
                // written before round 0's summary row, so a finished round 0 always has its early-bird point
                earlyBirdParams = watch.drawnParams(denseFinal);
                EarlyBirdFiles.write(runDir, watch, earlyBirdParams, spec.iterations());
                emit(watch.summary(spec.iterations()));
                emit(new RunEvent.Note(watch.describe(spec.iterations())));
            }
            finishRound(store, ctx, Branch.TICKET, 0, denseMask, out, t.seconds());
        }
        if (spec.lmcEachRound()) {
            for (Branch b : spec.lmcBranches()) {
                if (!branches.contains(b)) {
                    emit(new RunEvent.Note("lmcBranches lists " + b.id() + ", which this run does not train: "
                            + "no LMC curves for it"));
                }
            }
            // the dense round is a copy from W_k only when k = 0 (with k > 0 it trained from theta_0)
            workers.lmc().measure(Branch.TICKET, 0, denseMask, thetaK,
                    spec.rewindIteration() == 0 ? denseTrainedHere : null);
        }

        BranchRegistry registry = new BranchRegistry(ctx, spec);
        boolean[][] ticketMask = denseMask;
        float[] ticketFinal = denseFinal;
        for (int round = 1; round <= spec.rounds(); round++) {
            boolean[][] mask = Pruner.prune(ctx.layout(), ticketMask, ticketFinal, thetaK, spec, round);
            noteEmptiedLayers(ctx, ticketMask, mask, round);
            RoundInputs in = new RoundInputs(ctx.layout(), round, theta0, thetaK, mask, denseFinal, earlyBirdParams);
            float[] nextTicketFinal = null;
            List<RoundWorkers.Task<float[]>> tasks = new ArrayList<>();
            List<Branch> trained = new ArrayList<>();
            for (Branch b : branches) {
                boolean measure = spec.lmcEachRound() && ImpRoundLmc.wants(spec, b, round);
                if (done.containsKey(key(b, round))) {
                    if (b == Branch.TICKET) {
                        nextTicketFinal = loadFinal(store, ctx, b, round, thetaK);
                        final int r = round;
                        boolean[][] stored = Pruner.fromMasks(ctx.layout(), store.readMasks(b, round).orElseThrow(
                                () -> new IOException("masks.npz of " + b.id() + " round " + r + " is missing")));
                        if (!java.util.Arrays.deepEquals(stored, mask)) {
                            throw new IllegalStateException("stored ticket mask of round " + round
                                    + " differs from the recomputed one: the run directory was modified");
                        }
                    }
                    if (measure) {
                        BranchStart st = registry.of(b).start(in);
                        workers.lmc().measure(b, round, st.mask(), st.start(), null);
                    }
                    continue;
                }
                final int r = round;
                trained.add(b);
                tasks.add(w -> {
                    // every branch of a round depends only on the round's inputs: the tasks may run concurrently
                    BranchStart st = registry.of(b).start(in);
                    Trained t = train(ctx, w.backend(), b, r, st.start(), st.mask(), -1, null);
                    finishRound(store, ctx, b, r, st.mask(), t.outcome(), t.seconds());
                    if (measure) {
                        // the round's own training is copy 1 of its LMC curve: one extra training (decision 0006)
                        w.lmc().measure(b, r, st.mask(), st.start(), t.outcome().finalParams());
                    }
                    return t.outcome().finalParams();
                });
            }
            List<float[]> finals = workers.runAll(tasks);
            int ticketIndex = trained.indexOf(Branch.TICKET);
            if (ticketIndex >= 0) {
                nextTicketFinal = finals.get(ticketIndex);
            }
            ticketMask = mask;
            ticketFinal = nextTicketFinal;
        }
        for (Branch b : branches) {
            emit(new RunEvent.BranchFinished(b));
        }
    }

    /** A training's outcome and its wall-clock seconds. */
    private record Trained(Trainer.Outcome outcome, double seconds) {
    }

    private Trained train(ImpContext ctx, StepBackend net, Branch b, int round, float[] start, boolean[][] mask,
                          int snapshotAt, EarlyBirdWatch watch) {
        double remaining = Pruner.fractionRemaining(mask);
        emit(new RunEvent.RoundStarted(b, round, remaining));
        int progressEvery = Math.max(1, Math.min(25, spec.iterations() / 100));
        // round 0 trains 1 .. T from theta_0; every later round restarts at k and trains k+1 .. T (T - k steps)
        int startIteration = round == 0 ? 0 : spec.rewindIteration();
        Trainer.Config cfg = new Trainer.Config(spec.batchSize(), spec.iterations(), spec.evalInterval(), snapshotAt,
                Seeds.derive(spec.seed(), "order", round), progressEvery, startIteration);
        float[] flatMask = round == 0 ? null : Pruner.flatMask(ctx.layout(), mask);
        long t0 = System.nanoTime();
        Trainer.Outcome out = ctx.trainer().train(net, start, flatMask, cfg, gate, new Trainer.Callback() {
            @Override
            public void progress(int iteration, double loss, double examplesPerSecond) {
                emit(new RunEvent.IterationProgress(b, round, iteration, spec.iterations(), loss, examplesPerSecond));
            }

            @Override
            public void evaluation(MetricPoint point) {
                emit(new RunEvent.Evaluation(b, round, point));
            }

            @Override
            public void evaluatedAt(int iteration, StepBackend n) {
                if (watch != null) {
                    emit(watch.observe(iteration, n.params()));
                }
            }

            @Override
            public void beforeFirstStep(StepBackend n) {
                if (observer != null) {
                    observer.beforeFirstStep(b, round, n.params(), mask);
                }
            }

            @Override
            public void afterStep(int iteration, StepBackend n) {
                float[] p = n.params();
                observer.afterStep(b, round, iteration, p, mask);
                if (observer.writesBack()) {
                    n.setParams(p);
                }
            }

            @Override
            public boolean wantsSteps() {
                return observer != null;
            }
        }, "round " + round + " of " + b.id());
        checkPrunedAreZero(ctx, mask, out.finalParams(), b, round);
        return new Trained(out, (System.nanoTime() - t0) / 1e9);
    }

    private void finishRound(RunStoreWriter store, ImpContext ctx, Branch b, int round, boolean[][] mask,
                             Trainer.Outcome out, double seconds) throws IOException {
        RoundResult result = new RoundResult(b, round, Pruner.fractionRemaining(mask), out.finalTestAccuracy(),
                out.earlyStopIteration(), out.earlyStopTestAccuracy(), seconds, Pruner.summaries(ctx.layout(), mask));
        List<Mask> masks = Pruner.toMasks(ctx.layout(), mask);
        List<Tensor> weights = Pruner.tensors(ctx.layout(), out.finalParams());
        synchronized (storeLock) {
            store.writeRound(result, masks, weights, Pruner.biases(ctx.layout(), out.finalParams()), out.metrics());
            emit(new RunEvent.RoundFinished(result, masks, weights));
            if (memory.log().isPresent()) {
                memory.sample(b.id() + "/" + round);
            }
        }
    }

    private static float[] loadFinal(RunStoreWriter store, ImpContext ctx, Branch b, int round, float[] template)
            throws IOException {
        float[] flat = template.clone();
        Pruner.writeTensors(ctx.layout(), store.readFinalWeights(b, round).orElseThrow(
                () -> new IOException("weights-final.npz of " + b.id() + " round " + round + " is missing")), flat);
        var biases = store.readFinalBiases(b, round); // absent in runs written before biases were stored
        if (biases.isPresent()) {
            Pruner.writeBiases(ctx.layout(), biases.get(), flat);
        }
        return flat;
    }

    /** The central invariant: a pruned weight is exactly 0.0 after training. A violation is a bug. */
    private static void checkPrunedAreZero(ImpContext ctx, boolean[][] mask, float[] params, Branch b, int round) {
        for (int i = 0; i < ctx.layout().size(); i++) {
            int off = (int) ctx.layout().offset(i);
            for (int j = 0; j < mask[i].length; j++) {
                if (!mask[i][j] && params[off + j] != 0f) {
                    throw new IllegalStateException("pruned weight " + j + " of layer "
                            + ctx.layout().layers().get(i).name() + " is " + params[off + j] + " after round " + round
                            + " of " + b.id());
                }
            }
        }
    }

    /** Says so when a layer loses its last weight (global pruning can do that): training goes on, bias only. */
    private void noteEmptiedLayers(ImpContext ctx, boolean[][] before, boolean[][] after, int round) {
        int[] was = Pruner.counts(before);
        int[] now = Pruner.counts(after);
        for (int i = 0; i < now.length; i++) {
            if (now[i] == 0 && was[i] > 0) {
                emit(new RunEvent.Note("round " + round + ": layer " + ctx.layout().layers().get(i).name()
                        + " has no weights left (pruning removed all of them); it passes only its biases on, so the "
                        + "network's output no longer depends on its input. Rounds go on; add the layer to "
                        + "globalIgnore or lower the rate to keep it"));
            }
        }
    }

    private static String key(Branch b, int round) {
        return b.id() + "/" + round;
    }


    private void emit(RunEvent e) {
        synchronized (emitLock) {
            RunLifecycle.emit(listener, e);
        }
    }

}
