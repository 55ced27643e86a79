package org.lotterylab.engine.imp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
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
import org.lotterylab.engine.model.Initializer;
import org.lotterylab.engine.model.ModelFactory;
import org.lotterylab.engine.prune.Pruner;
import org.lotterylab.engine.train.RunGate;
import org.lotterylab.engine.train.Trainer;
import org.lotterylab.engine.util.MemorySampler;
import org.lotterylab.engine.util.RunLifecycle;
import org.lotterylab.engine.util.Seeds;

/**
 * One IMP experiment: the dense round 0 (which also yields theta_k), then for each round the ticket
 * branch and the requested controls, all from the same seed and the same per-round data order. Rounds run
 * interleaved (round r of every branch before round r+1) so the curves grow together while live.
 */
final class ImpExperiment {

    /** File holding the whole flat parameter vector at the rewind point (weights and biases). */
    static final String THETA_K_PARAMS = "theta-k-params.npz";

    private final ExperimentSpec spec;
    private final Path runDir;
    private final BackendInfo backend;
    private final RunListener listener;
    private final RunGate gate;
    private final StepObserver observer;
    private final MemorySampler memory = MemorySampler.fromEnvironment();

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
        RunStoreWriter store = RunStoreWriter.open(runDir);
        store.writeSpec(spec);
        store.writeLayers(ctx.layout().layers());
        Map<String, String> info = new LinkedHashMap<>();
        info.put("backend", backend.backend());
        info.put("threads", Integer.toString(backend.threads()));
        info.put("backend_detail", backend.detail());
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
        emit(new RunEvent.RunStarted(runDir, spec, backend, ctx.layout().layers(),
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
            finishRound(store, ctx, Branch.TICKET, 0, denseMask, out);
        }
        if (spec.lmcEachRound()) {
            org.lotterylab.engine.lmc.ImpRoundLmc.measure(ctx, runDir, 0, denseMask, thetaK, listener, gate);
        }

        boolean[][] ticketMask = denseMask;
        float[] ticketFinal = denseFinal;
        for (int round = 1; round <= spec.rounds(); round++) {
            boolean[][] mask = Pruner.prune(ctx.layout(), ticketMask, ticketFinal, thetaK, spec, round);
            noteEmptiedLayers(ctx, ticketMask, mask, round);
            float[] nextTicketFinal = null;
            for (Branch b : branches) {
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
                    continue;
                }
                boolean[][] m = mask;
                float[] start = thetaK;
                switch (b) {
                    case TICKET -> { }
                    case RANDOM_REINIT -> start = Initializer.draw(ctx.layout(), spec.init(),
                            Seeds.derive(spec.seed(), "reinit", round));
                    case SAME_SIGN_REINIT -> start = sameSign(ctx, thetaK,
                            Initializer.draw(ctx.layout(), spec.init(), Seeds.derive(spec.seed(), "same-sign", round)));
                    case RANDOM_PRUNING -> m = Pruner.random(ctx.layout(), Pruner.counts(mask),
                            Seeds.derive(spec.seed(), "random-pruning", round));
                    case ONE_SHOT -> m = Pruner.prune(ctx.layout(), denseMask, denseFinal, thetaK, spec, round);
                    default -> throw new IllegalStateException("branch " + b + " is not an IMP branch");
                }
                Trainer.Outcome out = train(ctx, b, round, start, m, -1);
                finishRound(store, ctx, b, round, m, out);
                if (b == Branch.TICKET) {
                    nextTicketFinal = out.finalParams();
                }
            }
            ticketMask = mask;
            ticketFinal = nextTicketFinal;
            if (spec.lmcEachRound()) {
                org.lotterylab.engine.lmc.ImpRoundLmc.measure(ctx, runDir, round, mask, thetaK, listener, gate);
            }
        }
        for (Branch b : branches) {
            emit(new RunEvent.BranchFinished(b));
        }
    }

    private Trainer.Outcome train(ImpContext ctx, Branch b, int round, float[] start, boolean[][] mask, int snapshotAt) {
        double remaining = Pruner.fractionRemaining(mask);
        emit(new RunEvent.RoundStarted(b, round, remaining));
        MultiLayerNetwork net = ctx.newNetwork();
        int progressEvery = Math.max(1, Math.min(25, spec.iterations() / 100));
        Trainer.Config cfg = new Trainer.Config(spec.batchSize(), spec.iterations(), spec.evalInterval(), snapshotAt,
                Seeds.derive(spec.seed(), "order", round), progressEvery);
        float[] flatMask = round == 0 ? null : Pruner.flatMask(ctx.layout(), mask);
        long t0 = System.nanoTime();
        Trainer.Outcome out;
        try {
            out = trainNetwork(ctx, net, start, flatMask, cfg, b, round, mask);
        } finally {
            // frees the parameters, gradients and optimiser state now, not when a garbage collection gets to them
            net.close();
        }
        checkPrunedAreZero(ctx, mask, out.finalParams(), b, round);
        lastSeconds = (System.nanoTime() - t0) / 1e9;
        return out;
    }

    private Trainer.Outcome trainNetwork(ImpContext ctx, MultiLayerNetwork net, float[] start, float[] flatMask,
                                         Trainer.Config cfg, Branch b, int round, boolean[][] mask) {
        return ctx.trainer().train(net, start, flatMask, cfg, gate, new Trainer.Callback() {
            @Override
            public void progress(int iteration, double loss, double examplesPerSecond) {
                emit(new RunEvent.IterationProgress(b, round, iteration, spec.iterations(), loss, examplesPerSecond));
            }

            @Override
            public void evaluation(MetricPoint point) {
                emit(new RunEvent.Evaluation(b, round, point));
            }

            @Override
            public void beforeFirstStep(org.nd4j.linalg.api.ndarray.INDArray params) {
                if (observer != null) {
                    observer.beforeFirstStep(b, round, params, mask);
                }
            }

            @Override
            public void afterStep(int iteration, org.nd4j.linalg.api.ndarray.INDArray params) {
                observer.afterStep(b, round, iteration, params, mask);
            }

            @Override
            public boolean wantsSteps() {
                return observer != null;
            }
        }, "round " + round + " of " + b.id());
    }

    private double lastSeconds;

    private void finishRound(RunStoreWriter store, ImpContext ctx, Branch b, int round, boolean[][] mask,
                             Trainer.Outcome out) throws IOException {
        RoundResult result = new RoundResult(b, round, Pruner.fractionRemaining(mask), out.finalTestAccuracy(),
                out.earlyStopIteration(), out.earlyStopTestAccuracy(), lastSeconds, Pruner.summaries(ctx.layout(), mask));
        List<Mask> masks = Pruner.toMasks(ctx.layout(), mask);
        List<Tensor> weights = Pruner.tensors(ctx.layout(), out.finalParams());
        store.writeRound(result, masks, weights, out.metrics());
        emit(new RunEvent.RoundFinished(result, masks, weights));
        if (memory.log().isPresent()) {
            memory.sample(b.id() + "/" + round);
        }
    }

    private static float[] loadFinal(RunStoreWriter store, ImpContext ctx, Branch b, int round, float[] template)
            throws IOException {
        float[] flat = template.clone();
        Pruner.writeTensors(ctx.layout(), store.readFinalWeights(b, round).orElseThrow(
                () -> new IOException("weights-final.npz of " + b.id() + " round " + round + " is missing")), flat);
        return flat;
    }

    /** Fresh magnitudes with the signs of {@code reference} (Zhou et al. 2019); biases from the reference. */
    private static float[] sameSign(ImpContext ctx, float[] reference, float[] fresh) {
        float[] out = reference.clone();
        for (int i = 0; i < ctx.layout().size(); i++) {
            int off = (int) ctx.layout().offset(i);
            int n = ctx.layout().layers().get(i).size();
            for (int j = off; j < off + n; j++) {
                float mag = Math.abs(fresh[j]);
                out[j] = reference[j] < 0 ? -mag : mag;
            }
        }
        return out;
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
        RunLifecycle.emit(listener, e);
    }

}
