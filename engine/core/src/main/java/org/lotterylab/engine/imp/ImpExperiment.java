package org.lotterylab.engine.imp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.lotterylab.engine.model.Initializer;
import org.lotterylab.engine.model.ModelFactory;
import org.lotterylab.engine.prune.Pruner;
import org.lotterylab.engine.train.RunGate;
import org.lotterylab.engine.train.StepBackend;
import org.lotterylab.engine.train.Trainer;
import org.lotterylab.engine.util.RunLifecycle;
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

    ImpExperiment(ExperimentSpec spec, Path outDir, BackendInfo backend, RunListener listener, RunGate gate,
                  StepObserver observer) {
        this.observer = observer;
        this.spec = spec;
        this.runDir = RunLayout.runDir(outDir, spec);
        this.backend = backend;
        this.listener = listener;
        this.gate = gate;
    }

    void run() {
        RunLifecycle.run(runDir, "rounds", listener, this::execute);
    }

    private void execute() throws IOException {
        ImpContext ctx = ImpContext.prepare(spec, backend);
        try (StepBackend n = ctx.newBackend()) {
            net = n;
            execute(ctx, ctx.backendInfo(backend));
        } finally {
            net = null;
        }
    }

    private void execute(ImpContext ctx, BackendInfo shown) throws IOException {
        RunStoreWriter store = RunStoreWriter.open(runDir);
        store.writeSpec(spec);
        store.writeLayers(ctx.layout().layers());
        Map<String, String> info = new LinkedHashMap<>();
        info.put("backend", shown.backend());
        info.put("threads", Integer.toString(shown.threads()));
        info.put("backend_detail", shown.detail());
        info.put("engine", shown.engine());
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

        // Round 0: the dense network; its snapshot after k iterations is theta_k.
        boolean[][] denseMask = Pruner.dense(ctx.layout());
        float[] thetaK;
        float[] denseFinal;
        float[] denseTrainedHere = null;
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
        } else {
            Trainer.Outcome out = train(ctx, Branch.TICKET, 0, theta0, denseMask, spec.rewindIteration());
            thetaK = out.snapshot();
            // every parameter at k (biases too), so a resumed run rewinds exactly as an uninterrupted one
            Npz.writeArrays(fullK, List.of(NpyArray.ofFloats("params", new int[] {thetaK.length}, thetaK)));
            store.writeThetaK(Pruner.tensors(ctx.layout(), thetaK));
            denseFinal = out.finalParams();
            denseTrainedHere = denseFinal;
            finishRound(store, ctx, Branch.TICKET, 0, denseMask, out);
        }
        ImpRoundLmc lmc = spec.lmcEachRound() ? new ImpRoundLmc(ctx, runDir, listener, gate) : null;
        if (lmc != null) {
            for (Branch b : spec.lmcBranches()) {
                if (!branches.contains(b)) {
                    emit(new RunEvent.Note("lmcBranches lists " + b.id() + ", which this run does not train: "
                            + "no LMC curves for it"));
                }
            }
            // the dense round is a copy from W_k only when k = 0 (with k > 0 it trained from theta_0)
            lmc.measure(Branch.TICKET, 0, denseMask, thetaK, spec.rewindIteration() == 0 ? denseTrainedHere : null);
        }

        boolean[][] ticketMask = denseMask;
        float[] ticketFinal = denseFinal;
        for (int round = 1; round <= spec.rounds(); round++) {
            boolean[][] mask = Pruner.prune(ctx.layout(), ticketMask, ticketFinal, thetaK, spec, round);
            float[] nextTicketFinal = null;
            for (Branch b : branches) {
                boolean[][] m = mask;
                float[] start = thetaK;
                switch (b) {
                    case TICKET -> { }
                    case RANDOM_REINIT -> start = Controls.randomReinit(ctx.layout(), spec, round, thetaK);
                    case SAME_SIGN_REINIT -> start = Controls.sameSign(ctx.layout(), spec, round, theta0, thetaK);
                    case RANDOM_PRUNING -> m = Controls.randomPruning(ctx.layout(), spec, round, mask);
                    case ONE_SHOT -> m = Controls.oneShot(ctx.layout(), spec, round, denseFinal, thetaK);
                    default -> throw new IllegalStateException("branch " + b + " is not an IMP branch");
                }
                boolean measure = lmc != null && ImpRoundLmc.wants(spec, b, round);
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
                        lmc.measure(b, round, m, start, null);
                    }
                    continue;
                }
                Trainer.Outcome out = train(ctx, b, round, start, m, -1);
                finishRound(store, ctx, b, round, m, out);
                if (b == Branch.TICKET) {
                    nextTicketFinal = out.finalParams();
                }
                if (measure) {
                    // the round's own training is copy 1 of its LMC curve: one extra training (decision 0006)
                    lmc.measure(b, round, m, start, out.finalParams());
                }
            }
            ticketMask = mask;
            ticketFinal = nextTicketFinal;
        }
        for (Branch b : branches) {
            emit(new RunEvent.BranchFinished(b));
        }
    }

    private Trainer.Outcome train(ImpContext ctx, Branch b, int round, float[] start, boolean[][] mask, int snapshotAt) {
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
            public void beforeFirstStep(StepBackend n) {
                if (observer != null) {
                    observer.beforeFirstStep(b, round, n.params(), mask);
                }
            }

            @Override
            public void afterStep(int iteration, StepBackend n) {
                observer.afterStep(b, round, iteration, n.params(), mask);
            }

            @Override
            public boolean wantsSteps() {
                return observer != null;
            }
        }, "round " + round + " of " + b.id());
        checkPrunedAreZero(ctx, mask, out.finalParams(), b, round);
        lastSeconds = (System.nanoTime() - t0) / 1e9;
        return out;
    }

    private double lastSeconds;
    /** The step backend of the running experiment, reused by every round (each load resets its optimiser). */
    private StepBackend net;

    private void finishRound(RunStoreWriter store, ImpContext ctx, Branch b, int round, boolean[][] mask,
                             Trainer.Outcome out) throws IOException {
        RoundResult result = new RoundResult(b, round, Pruner.fractionRemaining(mask), out.finalTestAccuracy(),
                out.earlyStopIteration(), out.earlyStopTestAccuracy(), lastSeconds, Pruner.summaries(ctx.layout(), mask));
        List<Mask> masks = Pruner.toMasks(ctx.layout(), mask);
        List<Tensor> weights = Pruner.tensors(ctx.layout(), out.finalParams());
        store.writeRound(result, masks, weights, Pruner.biases(ctx.layout(), out.finalParams()), out.metrics());
        emit(new RunEvent.RoundFinished(result, masks, weights));
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

    private static String key(Branch b, int round) {
        return b.id() + "/" + round;
    }


    private void emit(RunEvent e) {
        RunLifecycle.emit(listener, e);
    }

}
