package org.lotterylab.engine.edgepopup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.run.BackendInfo;
import org.lotterylab.api.run.EdgePopupEvent;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.run.RunListener;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.api.store.EdgePopupStore;
import org.lotterylab.api.store.Npz;
import org.lotterylab.api.store.RunLayout;
import org.lotterylab.api.store.RunStoreWriter;
import org.lotterylab.engine.context.ImpContext;
import org.lotterylab.engine.prune.Pruner;
import org.lotterylab.engine.train.RunGate;
import org.lotterylab.engine.run.RunLifecycle;
import org.lotterylab.engine.util.Seeds;

/**
 * One edge-popup sweep into a run directory: every keep value is a round of the {@code edge-popup} branch.
 * All points share theta_0 (the frozen weights, from the spec's seed and init, so the same w0 as an IMP run of
 * the same spec), the score init and the data order, so they differ only in the fraction kept.
 */
final class EdgePopupExperiment {

    private final ExperimentSpec spec;
    private final List<Double> keeps;
    private final EdgePopupOptions options;
    private final Path runDir;
    private final BackendInfo backend;
    private final RunListener listener;
    private final RunGate gate;
    private final EdgePopupTrainer.Callback stepHook;

    EdgePopupExperiment(ExperimentSpec spec, List<Double> keeps, EdgePopupOptions options, Path outDir,
                        BackendInfo backend, RunListener listener, RunGate gate, EdgePopupTrainer.Callback stepHook) {
        this.spec = spec;
        this.keeps = keeps;
        this.options = options;
        this.runDir = RunLayout.runDir(outDir, spec);
        this.backend = backend;
        this.listener = listener;
        this.gate = gate;
        this.stepHook = stepHook;
    }

    void run() {
        RunLifecycle.run(runDir, "points", listener, this::execute);
    }

    private void execute() throws IOException {
        List<Double> points = EdgePopupRunner.checkKeeps(keeps);
        ImpContext ctx = ImpContext.prepare(spec, backend);
        if (ctx.layout().size() == 0) {
            throw new SpecException("model", spec.model().id() + " has no prunable layers: edge-popup has no edges to "
                    + "choose from");
        }
        int iterations = options.iterations(spec);
        int evalInterval = options.evalInterval(spec);
        RunStoreWriter store = RunStoreWriter.open(runDir);
        RunLayout layout = store.layout();
        EdgePopupStore files = new EdgePopupStore(layout);
        store.writeSpec(spec);
        store.writeLayers(ctx.layout().layers());
        if (!Files.exists(layout.runJson())) {
            Map<String, String> info = new LinkedHashMap<>();
            info.put("backend", backend.backend());
            info.put("threads", Integer.toString(backend.threads()));
            info.put("backend_detail", backend.detail());
            info.put("data", ctx.dataDescription());
            info.put("started", Instant.now().toString());
            store.writeRunInfo(info);
        }
        Map<String, String> resolved = options.resolvedMap(spec);
        Map<String, String> stored = files.readOptions();
        if (!stored.isEmpty() && !stored.equals(resolved)) {
            List<String> diffs = new ArrayList<>();
            resolved.forEach((k, v) -> {
                if (!v.equals(stored.get(k))) {
                    diffs.add(k + " ('" + stored.get(k) + "' on disk, '" + v + "' now)");
                }
            });
            throw new SpecException("edge-popup", "the edge-popup points in " + runDir + " were made with other "
                    + "settings: " + (diffs.isEmpty() ? "options.json differs" : String.join(", ", diffs))
                    + "; give the run another name (--name) or output directory");
        }
        files.writeOptions(resolved);

        float[] w0 = ctx.theta0();
        var storedTheta0 = store.readTheta0();
        if (storedTheta0.isPresent()) {
            float[] fromDisk = w0.clone();
            Pruner.writeTensors(ctx.layout(), storedTheta0.get(), fromDisk);
            if (!Arrays.equals(fromDisk, w0)) {
                emit(new RunEvent.Note("theta_0 on disk differs from a fresh draw; using the stored one as the "
                        + "frozen weights"));
            }
            w0 = fromDisk;
        } else {
            store.writeTheta0(Pruner.tensors(ctx.layout(), w0));
        }

        TreeMap<Integer, Double> registry = files.readKeeps();
        List<Integer> rounds = EdgePopupStore.assignRounds(points, registry);
        files.writeKeeps(registry);

        // a stored point counts as done only if its masks keep exactly what its registered keep value asks for
        // (guards against a keeps.csv that was lost or edited)
        EdgePopupTrainer counter = new EdgePopupTrainer(ctx.layout(), ctx.splits().train(), ctx.trainer().validation(),
                ctx.trainer().test());
        List<RoundResult> finished = new ArrayList<>();
        Set<Integer> done = new HashSet<>();
        for (RoundResult r : store.finishedRounds()) {
            if (r.branch() == Branch.EDGE_POPUP && registry.containsKey(r.round())
                    && keepsExactly(r, counter.keptCounts(registry.get(r.round())))) {
                finished.add(r);
                done.add(r.round());
            }
        }
        emit(new RunEvent.RunStarted(runDir, spec, backend, ctx.layout().layers(), Pruner.tensors(ctx.layout(), w0),
                finished));
        emit(new EdgePopupEvent.Sweep(rounds, points));
        for (int i = 0; i < points.size(); i++) {
            if (done.contains(rounds.get(i))) {
                emit(new RunEvent.Note(String.format(Locale.ROOT, "keep %s (round %d) is already on disk; skipped",
                        points.get(i), rounds.get(i))));
            }
        }

        EdgePopupTrainer trainer = counter;
        int progressEvery = Math.max(1, Math.min(25, iterations / 100));
        for (int i = 0; i < points.size(); i++) {
            int round = rounds.get(i);
            if (done.contains(round)) {
                continue;
            }
            double keep = points.get(i);
            runPoint(store, files, ctx, trainer, w0, round, keep, iterations, evalInterval, progressEvery);
        }
        emit(new RunEvent.BranchFinished(Branch.EDGE_POPUP));
    }

    private void runPoint(RunStoreWriter store, EdgePopupStore files, ImpContext ctx, EdgePopupTrainer trainer,
                          float[] w0, int round, double keep, int iterations, int evalInterval, int progressEvery)
            throws IOException {
        int[] k = trainer.keptCounts(keep);
        long kept = 0;
        for (int c : k) {
            kept += c;
        }
        emit(new RunEvent.RoundStarted(Branch.EDGE_POPUP, round, kept / (double) ctx.layout().prunableWeights()));
        long t0 = System.nanoTime();
        MultiLayerNetwork net = ctx.newNetwork();
        EdgePopupTrainer.Config cfg = new EdgePopupTrainer.Config(keep, spec.batchSize(), iterations, evalInterval,
                Seeds.derive(spec.seed(), "edge-popup-order", 0), Seeds.derive(spec.seed(), "edge-popup-scores", 0),
                progressEvery, options);
        List<EdgePopupEvent.MaskFlips> flips = new ArrayList<>();
        EdgePopupTrainer.Outcome out = trainer.train(net, w0, cfg, gate, new EdgePopupTrainer.Callback() {
            @Override
            public void progress(int iteration, double loss, double examplesPerSecond) {
                emit(new RunEvent.IterationProgress(Branch.EDGE_POPUP, round, iteration, iterations, loss,
                        examplesPerSecond));
            }

            @Override
            public void evaluation(MetricPoint point) {
                emit(new RunEvent.Evaluation(Branch.EDGE_POPUP, round, point));
            }

            @Override
            public void flips(EdgePopupTrainer.FlipPoint p) {
                EdgePopupEvent.MaskFlips f = new EdgePopupEvent.MaskFlips(round, p.iteration(), p.epoch(), p.entered(),
                        p.left(), p.kept());
                flips.add(f);
                emit(f);
            }

            @Override
            public void afterStep(int iteration, org.nd4j.linalg.api.ndarray.INDArray params) {
                stepHook.afterStep(iteration, params);
            }

            @Override
            public boolean wantsSteps() {
                return stepHook != null && stepHook.wantsSteps();
            }
        }, "keep " + keep);
        double seconds = (System.nanoTime() - t0) / 1e9;
        float[] masked = w0.clone();
        float[] flatMask = Pruner.flatMask(ctx.layout(), out.mask());
        for (int j = 0; j < masked.length; j++) {
            masked[j] = flatMask[j] == 0f ? 0f : masked[j]; // +0.0, never -0.0
        }
        RoundResult result = new RoundResult(Branch.EDGE_POPUP, round, Pruner.fractionRemaining(out.mask()),
                out.finalTestAccuracy(), out.earlyStopIteration(), out.earlyStopTestAccuracy(), seconds,
                Pruner.summaries(ctx.layout(), out.mask()));
        List<Mask> masks = Pruner.toMasks(ctx.layout(), out.mask());
        List<Tensor> weights = Pruner.tensors(ctx.layout(), masked);
        List<Tensor> scores = new ArrayList<>();
        for (int l = 0; l < ctx.layout().size(); l++) {
            var info = ctx.layout().layers().get(l);
            scores.add(new Tensor(info.name(), info.shape(), out.scores()[l]));
        }
        // extra files first: the summary row written by writeRound is the commit marker
        files.writeFlips(round, flips);
        Files.createDirectories(files.scoresFinal(round).getParent());
        Npz.write(files.scoresFinal(round), scores);
        store.writeRound(result, masks, weights, Pruner.biases(ctx.layout(), w0), out.metrics());
        emit(new RunEvent.RoundFinished(result, masks, weights));
    }

    private static boolean keepsExactly(RoundResult r, int[] counts) {
        if (r.layers().size() != counts.length) {
            return false;
        }
        for (int l = 0; l < counts.length; l++) {
            if (r.layers().get(l).remaining() != counts[l]) {
                return false;
            }
        }
        return true;
    }


    private void emit(RunEvent e) {
        RunLifecycle.emit(listener, e);
    }

}
