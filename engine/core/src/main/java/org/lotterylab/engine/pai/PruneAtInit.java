package org.lotterylab.engine.pai;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lotterylab.engine.data.ImageDataset;
import org.lotterylab.engine.model.ParamLayout;
import org.lotterylab.engine.train.BatchStream;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Prunes theta_0 once, globally, to a given number of kept weights by one of the {@link SaliencyMethod}s.
 * Scores that do not depend on the target (magnitude, SNIP, GraSP) are computed once and reused for every
 * round; SynFlow prunes iteratively towards each target from the dense network.
 *
 * <p>SNIP and GraSP score on {@link #SCORE_BATCHES} mini-batches of the training data drawn with their own
 * seed, so the result depends only on the spec. GraSP's Hessian-vector product is a central difference of
 * gradients over the same batches (see {@link GradientProbe#hessianTimes}).
 */
public final class PruneAtInit {

    /** Mini-batches SNIP and GraSP score on. */
    public static final int SCORE_BATCHES = 10;
    /** SynFlow's pruning steps per target (Tanaka et al. 2020: 100, exponential schedule). */
    public static final int SYNFLOW_STEPS = 100;

    private final ParamLayout layout;
    private final float[] theta0;
    private final Supplier<MultiLayerNetwork> networks;
    private final ImageDataset train;
    private final int batchSize;
    private final long dataSeed;
    private final Map<SaliencyMethod, double[][]> cache = new EnumMap<>(SaliencyMethod.class);
    private GradientProbe probe;

    /**
     * @param layout    the prunable layers
     * @param theta0    the initial flat parameters
     * @param networks  fresh networks of the experiment's architecture (used as scratch)
     * @param train     training data for SNIP and GraSP
     * @param batchSize mini-batch size
     * @param dataSeed  seed of the scoring batches' order
     */
    public PruneAtInit(ParamLayout layout, float[] theta0, Supplier<MultiLayerNetwork> networks, ImageDataset train,
                       int batchSize, long dataSeed) {
        this.layout = layout;
        this.theta0 = theta0.clone();
        this.networks = networks;
        this.train = train;
        this.batchSize = batchSize;
        this.dataSeed = dataSeed;
    }

    /** The mask of {@code method} keeping exactly {@code keep} weights in total (all layers ranked together). */
    public synchronized boolean[][] mask(SaliencyMethod method, long keep) {
        if (method == SaliencyMethod.SYNFLOW) {
            return synflow(keep);
        }
        return GlobalTopK.keep(scores(method), keep);
    }

    /** The (cached) scores of a one-shot method, per layer. */
    synchronized double[][] scores(SaliencyMethod method) {
        return cache.computeIfAbsent(method, m -> switch (m) {
            case MAGNITUDE_AT_INIT -> Saliency.magnitude(layout, theta0);
            case SNIP -> Saliency.snip(layout, theta0, probe().gradient(theta0));
            case GRASP -> {
                double[] g = probe().gradient(theta0);
                yield Saliency.grasp(layout, theta0, probe().hessianTimes(theta0, g, Saliency.HVP_STEP));
            }
            case SYNFLOW -> throw new IllegalArgumentException("SynFlow's scores depend on the target");
        });
    }

    private boolean[][] synflow(long keep) {
        long total = layout.prunableWeights();
        boolean[][] mask = new boolean[layout.size()][];
        for (int l = 0; l < layout.size(); l++) {
            mask[l] = new boolean[layout.layers().get(l).size()];
            java.util.Arrays.fill(mask[l], true);
        }
        if (keep == total) {
            return mask;
        }
        MultiLayerNetwork template = networks.get();
        double ratio = (double) keep / total;
        for (int step = 1; step <= SYNFLOW_STEPS; step++) {
            long target = step == SYNFLOW_STEPS ? keep : Math.round(total * Math.pow(ratio, (double) step / SYNFLOW_STEPS));
            double[][] s = Saliency.synflow(template, layout, theta0, mask);
            // pruned weights score 0 (|w| = 0); rank them below every kept weight so a step never revives one
            for (int l = 0; l < s.length; l++) {
                for (int i = 0; i < s[l].length; i++) {
                    if (!mask[l][i]) {
                        s[l][i] = Double.NEGATIVE_INFINITY;
                    }
                }
            }
            mask = GlobalTopK.keep(s, Math.max(keep, target));
        }
        return mask;
    }

    private GradientProbe probe() {
        if (probe == null) {
            probe = new GradientProbe(networks.get(), batches());
        }
        return probe;
    }

    private List<DataSet> batches() {
        int f = train.featureSize();
        int c = train.numClasses();
        BatchStream stream = new BatchStream(train, dataSeed);
        List<DataSet> out = new ArrayList<>();
        for (int i = 0; i < SCORE_BATCHES; i++) {
            float[] x = new float[batchSize * f];
            float[] y = new float[batchSize * c];
            stream.next(batchSize, x, y);
            out.add(new DataSet(Nd4j.create(x, new long[] {batchSize, f}, 'c'),
                    Nd4j.create(y, new long[] {batchSize, c}, 'c')));
        }
        return out;
    }
}
