package org.lotterylab.engine.lmc;

import org.lotterylab.api.store.LmcStore;
import org.lotterylab.engine.run.RunLifecycle;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.run.BackendInfo;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.LmcPlan;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.run.RunListener;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.RunLayout;
import org.lotterylab.api.store.RunStoreWriter;
import org.lotterylab.api.store.StoredRun;
import org.lotterylab.engine.context.ImpContext;
import org.lotterylab.engine.prune.Pruner;
import org.lotterylab.engine.train.RunGate;

/** One LMC analysis: resolves the network (dense or a stored ticket), then computes the missing curves. */
final class LmcExperiment {

    private final LmcPlan plan;
    private final Path outDir;
    private final BackendInfo backend;
    private final RunListener listener;
    private final RunGate gate;
    private final LmcObserver observer;
    private Path runDir;

    LmcExperiment(LmcPlan plan, Path outDir, BackendInfo backend, RunListener listener, RunGate gate,
                  LmcObserver observer) {
        this.plan = plan;
        this.outDir = outDir;
        this.backend = backend;
        this.listener = listener;
        this.gate = gate;
        this.observer = observer;
    }

    /** A bad input with a message for the user. */
    static final class LmcInputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LmcInputException(String message) {
            super(message);
        }
    }

    void run() {
        RunLifecycle.run(runDir, "curves", listener, this::execute, LmcInputException.class, IllegalArgumentException.class);
    }

    private void execute() throws IOException {
        ExperimentSpec spec;
        StoredRun source = null;
        if (plan.sourceRun() != null) {
            source = openSource(plan.sourceRun());
            spec = source.spec();
            if (plan.spec() != null && !plan.spec().nonDefaults().equals(spec.nonDefaults())) {
                throw new LmcInputException("the given spec differs from the stored run's spec.json in "
                        + differences(plan.spec(), spec) + ": a stored ticket is analysed with its own spec");
            }
            runDir = plan.sourceRun();
        } else {
            spec = plan.spec();
            runDir = RunLayout.runDir(outDir, spec);
        }
        try {
            plan.checkAgainst(spec);
        } catch (IllegalArgumentException e) {
            throw new LmcInputException(e.getMessage());
        }

        // what the network is: its mask, its theta_0 and the stored theta_k (tickets only)
        ImpContext ctx = ImpContext.prepare(spec, backend);
        float[] theta0 = ctx.theta0();
        boolean[][] mask = Pruner.dense(ctx.layout());
        String network = "dense";
        float[] storedThetaK = null;
        if (source != null) {
            int round = plan.round();
            network = PathMaker.ticketNetwork(round);
            mask = Pruner.fromMasks(ctx.layout(), source.masks(Branch.TICKET, round));
            List<Tensor> t0 = source.theta0().orElseThrow(() -> new LmcInputException("the stored run "
                    + plan.sourceRun() + " lacks theta-0.npz (theta_0), which every rewind point starts from"));
            Pruner.writeTensors(ctx.layout(), t0, theta0);
            int k0 = spec.rewindIteration();
            if (plan.ks().contains(k0)) {
                storedThetaK = storedThetaK(ctx, k0, theta0, source.thetaK());
            }
            if (plan.ks().stream().anyMatch(k -> k != k0)) {
                emit(new RunEvent.Note("the ticket's mask was found with rewinding to k = " + k0 + "; at other k it is "
                        + "evaluated with the same mask and that k's dense weights"));
            }
        } else {
            RunStoreWriter w = RunStoreWriter.open(runDir);
            w.writeSpec(spec);
            w.writeLayers(ctx.layout().layers());
        }
        double remaining = Pruner.fractionRemaining(mask);
        float[] flatMask = remaining == 1.0 ? null : Pruner.flatMask(ctx.layout(), mask);

        LmcStore store = new LmcStore(runDir);
        List<String> warnings = new ArrayList<>();
        List<LmcStore.StoredCurve> onDisk = store.read(warnings);
        for (String w : warnings) {
            emit(new RunEvent.Note(w));
        }
        try (PathMaker maker = new PathMaker(ctx, listener, gate, observer)) {
            List<LmcStore.StoredCurve> replay = new ArrayList<>();
            List<LmcStore.Key> todo = new ArrayList<>();
            for (int k : plan.ks()) {
                int iters = plan.copyIterations(spec, k);
                for (int p = 0; p < plan.seedPairs(); p++) {
                    LmcStore.Key key = new LmcStore.Key(network, k, p);
                    Optional<LmcStore.StoredCurve> d = onDisk.stream().filter(c -> c.key().equals(key)
                            && c.alphas().length == plan.alphas() && c.trainIterations() == iters
                            && c.testExamples() == maker.testSize() && c.trainExamples() == maker.trainSubsetSize())
                            .findFirst();
                    if (d.isPresent()) {
                        replay.add(d.get());
                    } else {
                        todo.add(key);
                    }
                }
            }
            emit(new LmcEvent.LmcStarted(runDir, ctx.backendInfo(backend), List.of(network), plan.ks(), plan.alphas(),
                    plan.seedPairs(), plan.threshold(), maker.testSize(), maker.trainSubsetSize(), replay.size()));
            if (!replay.isEmpty()) {
                emit(new RunEvent.Note("resuming: " + replay.size() + " finished curve(s) found in " + runDir));
            }
            for (LmcStore.StoredCurve c : replay) {
                maker.replay(c, plan.threshold());
            }
            if (todo.isEmpty()) {
                return;
            }
            TreeSet<Integer> needK = new TreeSet<>();
            todo.forEach(key -> needK.add(key.k()));
            if (storedThetaK != null) {
                needK.remove(spec.rewindIteration());
            }
            Map<Integer, float[]> wk = new LinkedHashMap<>(maker.rewindPoints(theta0, new ArrayList<>(needK), network));
            int k0 = spec.rewindIteration();
            if (storedThetaK != null) {
                wk.put(k0, storedThetaK);
            }
            for (LmcStore.Key key : todo) {
                // the ticket's own rewind point: pair 0's copy 1 is its round's training (as in the IMP run)
                int impRound = source != null && key.k() == k0 ? plan.round() : -1;
                maker.curve(store, network, key.k(), key.seedPair(), wk.get(key.k()), flatMask, remaining,
                        plan.copyIterations(spec, key.k()), plan.alphas(), plan.threshold(),
                        PathMaker.copyOrders(spec, impRound, key.seedPair()), null);
            }
        }
    }

    /**
     * The stored run's exact start at its own rewind point k0: every parameter (biases too) from
     * {@code theta-k-params.npz}, checked against {@code theta-k.npz}; a run written before that file existed
     * gets theta-k.npz's weights with W_k's biases retrained here (noted). At k0 = 0 without either file, theta_0.
     */
    private float[] storedThetaK(ImpContext ctx, int k0, float[] theta0, Optional<List<Tensor>> thetaK)
            throws IOException {
        Path full = runDir.resolve(org.lotterylab.api.store.RunLayout.THETA_K_PARAMS);
        if (java.nio.file.Files.exists(full)) {
            float[] params = org.lotterylab.api.store.Npz.readArrays(full).get(0).asFloats();
            if (params.length != ctx.layout().totalParams()) {
                throw new LmcInputException(full + " holds " + params.length + " parameters but the model has "
                        + ctx.layout().totalParams());
            }
            if (thetaK.isPresent()) {
                float[] check = params.clone();
                Pruner.writeTensors(ctx.layout(), thetaK.get(), check);
                if (!java.util.Arrays.equals(check, params)) {
                    throw new LmcInputException(full + " disagrees with theta-k.npz: the run directory was modified");
                }
            }
            return params;
        }
        if (k0 == 0) {
            return null;
        }
        List<Tensor> tk = thetaK.orElseThrow(() -> new LmcInputException("the stored run " + plan.sourceRun()
                + " lacks theta-k.npz (theta_k, the ticket's rewind weights at k = " + k0 + ")"));
        emit(new RunEvent.Note("the stored run has no " + full.getFileName() + " (an older run): W_k's biases are "
                + "retrained here, its weights come from theta-k.npz"));
        float[] stored = theta0.clone();
        Pruner.writeTensors(ctx.layout(), tk, stored);
        float[] trained;
        try (PathMaker retrain = new PathMaker(ctx, e -> { }, gate, null)) {
            trained = retrain.rewindPoints(theta0, List.of(k0), "W_k").get(k0);
        }
        return withStoredWeights(ctx, trained, stored);
    }

    /**
     * The trained W_k with the stored theta_k's weights (the ticket's own rewind point); theta-k.npz holds no
     * biases, so they come from the retrained W_k. A difference (other thread count) is reported.
     */
    private float[] withStoredWeights(ImpContext ctx, float[] trained, float[] stored) {
        float[] out = trained.clone();
        double maxDiff = 0;
        for (int i = 0; i < ctx.layout().size(); i++) {
            int off = (int) ctx.layout().offset(i);
            for (int j = off; j < off + ctx.layout().layers().get(i).size(); j++) {
                maxDiff = Math.max(maxDiff, Math.abs(out[j] - stored[j]));
                out[j] = stored[j];
            }
        }
        if (maxDiff > 0) {
            emit(new RunEvent.Note(String.format(java.util.Locale.ROOT, "theta_k retrained here differs from the "
                    + "stored theta-k.npz by up to %.3g (another thread count?); the stored weights are used", maxDiff)));
        }
        return out;
    }

    private StoredRun openSource(Path dir) throws IOException {
        StoredRun run;
        try {
            run = StoredRun.open(dir);
        } catch (NoSuchFileException e) {
            throw new LmcInputException("the stored run " + dir + " does not exist");
        } catch (IOException e) {
            throw new LmcInputException(e.getMessage());
        }
        int round = plan.round();
        if (run.result(Branch.TICKET, round).isEmpty()) {
            List<Integer> rounds = run.rounds(Branch.TICKET);
            throw new LmcInputException("the stored run " + dir + " has no finished ticket round " + round
                    + (rounds.isEmpty() ? " (it has no finished ticket rounds)"
                    : " (finished ticket rounds: " + rounds + ")"));
        }
        return run;
    }

    private static String differences(ExperimentSpec a, ExperimentSpec b) {
        Map<String, String> ma = a.toMap();
        Map<String, String> mb = b.toMap();
        List<String> diff = new ArrayList<>();
        for (String key : ma.keySet()) {
            if (!key.equals("name") && !ma.get(key).equals(mb.get(key))) {
                diff.add(key + " ('" + ma.get(key) + "' given, '" + mb.get(key) + "' stored)");
            }
        }
        return String.join(", ", diff);
    }


    private void emit(RunEvent e) {
        RunLifecycle.emit(listener, e);
    }

}
