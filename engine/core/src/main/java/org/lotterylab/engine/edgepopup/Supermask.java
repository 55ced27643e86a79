package org.lotterylab.engine.edgepopup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.run.BackendInfo;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.api.store.StoredRun;
import org.lotterylab.api.store.SupermaskRow;
import org.lotterylab.engine.Backend;
import org.lotterylab.engine.context.ImpContext;
import org.lotterylab.engine.model.ParamLayout;
import org.lotterylab.engine.prune.Pruner;
import org.lotterylab.engine.train.EvalSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Supermasks (Zhou et al. 2019): a stored round's mask applied to the untrained initial weights theta_0,
 * evaluated with no training at all. Which weights a mask keeps depends on the run's mask criterion
 * ({@code maskCriterion}: {@code large-final}, Zhou et al.'s best-known criterion and the default, or
 * {@code magnitude-increase}); run IMP with {@code --set maskCriterion=...} to compare them.
 *
 * <p>Two variants are evaluated per round: the kept weights at their theta_0 values, and Zhou et al.'s
 * "signed constant": each kept weight set to sign(theta_0) times the standard deviation of its layer's
 * theta_0. Biases are zero, as at init.
 */
public final class Supermask {

    private Supermask() {
    }

    /**
     * The supermask report of one branch of a stored run.
     *
     * @param runDir      the run
     * @param branch      the branch whose masks were used
     * @param criterion   the run's mask criterion id
     * @param data        the data used (the test set is the one reported)
     * @param rows        one row per finished round, in round order
     */
    public record Report(Path runDir, Branch branch, String criterion, String data, List<SupermaskRow> rows) {
        /** Copies the rows. */
        public Report {
            rows = List.copyOf(rows);
        }
    }

    /**
     * Evaluates every finished round of {@code branch} in {@code runDir}.
     *
     * @param testData a directory with another test set (e.g. the official MNIST t10k files), or blank for the
     *                 run's own
     * @throws IOException   when the run cannot be read or lacks theta-0.npz
     * @throws SpecException when the branch has no finished rounds
     */
    public static Report evaluate(Path runDir, Branch branch, String testData, int threads) throws IOException {
        StoredRun run = StoredRun.open(runDir);
        ExperimentSpec spec = run.spec();
        if (testData != null && !testData.isBlank()) {
            spec = spec.with("testData", testData);
        }
        List<RoundResult> rounds = run.results().stream().filter(r -> r.branch() == branch).toList();
        if (rounds.isEmpty()) {
            throw new SpecException("branch", runDir + " has no finished rounds of " + branch.id()
                    + (run.branches().isEmpty() ? "" : "; it has " + run.branches().stream().map(Branch::id).toList()));
        }
        List<Tensor> theta0Tensors = run.theta0().orElseThrow(() -> new IOException(runDir
                + " has no theta-0.npz: the initial weights are needed to evaluate supermasks"));
        BackendInfo backend = Backend.current(threads);
        ImpContext ctx = ImpContext.prepare(spec, backend);
        ParamLayout layout = ctx.layout();
        float[] theta0 = ctx.theta0();
        Pruner.writeTensors(layout, theta0Tensors, theta0);
        float[] signed = signedConstant(layout, theta0);
        MultiLayerNetwork net = ctx.newNetwork();
        EvalSet test = ctx.trainer().test();
        List<SupermaskRow> rows = new ArrayList<>();
        for (RoundResult r : rounds) {
            boolean[][] mask = Pruner.fromMasks(layout, run.masks(branch, r.round()));
            float[] flatMask = Pruner.flatMask(layout, mask);
            double acc = accuracy(net, test, theta0, flatMask);
            double sc = accuracy(net, test, signed, flatMask);
            rows.add(new SupermaskRow(r.round(), Pruner.fractionRemaining(mask), acc, sc, r.earlyStopTestAccuracy()));
        }
        return new Report(runDir, branch, spec.maskCriterion().id(), ctx.dataDescription(), rows);
    }

    /** Test accuracy of {@code params * mask} with no training. */
    static double accuracy(MultiLayerNetwork net, EvalSet test, float[] params, float[] flatMask) {
        float[] p = params.clone();
        for (int i = 0; i < p.length; i++) {
            p[i] *= flatMask[i];
        }
        net.setParams(Nd4j.createFromArray(p));
        return test.evaluate(net).accuracy();
    }

    /** sign(theta_0) * std of the layer's theta_0 for every prunable weight; other parameters unchanged. */
    static float[] signedConstant(ParamLayout layout, float[] theta0) {
        float[] out = theta0.clone();
        for (int l = 0; l < layout.size(); l++) {
            int off = (int) layout.offset(l);
            int n = layout.layers().get(l).size();
            double sum = 0;
            double sq = 0;
            for (int j = off; j < off + n; j++) {
                sum += theta0[j];
                sq += (double) theta0[j] * theta0[j];
            }
            double mean = sum / n;
            float std = (float) Math.sqrt(Math.max(0, sq / n - mean * mean));
            for (int j = off; j < off + n; j++) {
                out[j] = theta0[j] < 0 ? -std : theta0[j] > 0 ? std : 0f;
            }
        }
        return out;
    }
}
