package org.lotterylab.engine.edgepopup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.engine.data.ImageDataset;
import org.lotterylab.engine.model.ParamLayout;
import org.lotterylab.engine.train.BatchStream;
import org.lotterylab.engine.train.DivergedException;
import org.lotterylab.engine.train.EvalSet;
import org.lotterylab.engine.train.RunGate;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Edge-popup (Ramanujan et al. 2020) on an ordinary DL4J {@link MultiLayerNetwork}: the weights stay frozen at
 * w0, every prunable weight has a score s, and each step the network computes with w0 masked to the top-k
 * |s| of each layer.
 *
 * <p>One step: the network holds {@code w_eff = w0 * m} (m = top-k mask of |s| per layer; biases frozen at
 * their initial value); {@code computeGradientAndScore()} gives dL/dw_eff for every weight, kept or not (a
 * dense layer's weight gradient is dense); the straight-through estimator treats the mask as the identity
 * in the backward pass, so {@code dL/ds = dL/dw_eff * w0 * sign(s)} (the sign from the |s| the mask is chosen
 * by); the scores take an optimiser step of this class's own ({@link ScoreOptimizer}); the new thresholds
 * are found by one selection per layer ({@link TopK}); the new w_eff is written into the network. DL4J's
 * updater is never called, so nothing but the scores ever changes. DL4J's raw gradient is summed over the
 * mini-batch (its updater divides by the batch size), so the trainer divides by the batch size itself.
 *
 * <p>Not thread-safe; one trainer call per thread.
 */
public final class EdgePopupTrainer {

    private final ParamLayout layout;
    private final ImageDataset train;
    private final EvalSet validation;
    private final EvalSet test;

    /** A trainer for networks with {@code layout} over the given data. */
    public EdgePopupTrainer(ParamLayout layout, ImageDataset train, EvalSet validation, EvalSet test) {
        if (layout.size() == 0) {
            throw new IllegalArgumentException("edge-popup needs a model with prunable layers (weights to choose "
                    + "edges from); this model has none");
        }
        this.layout = layout;
        this.train = train;
        this.validation = validation;
        this.test = test;
    }

    /**
     * Settings of one sweep point.
     *
     * @param keep          fraction of edges KEPT in every prunable layer, in (0, 1]
     * @param batchSize     mini-batch size
     * @param iterations    score updates
     * @param evalInterval  evaluate and count mask flips every N updates (and at 0 and at the end)
     * @param orderSeed     seed of the data order
     * @param scoreSeed     seed of the score init
     * @param progressEvery report progress every N updates
     * @param options       optimiser and score init
     */
    public record Config(double keep, int batchSize, int iterations, int evalInterval, long orderSeed,
                         long scoreSeed, int progressEvery, EdgePopupOptions options) {
        /** Checks the values. */
        public Config {
            if (!(keep > 0 && keep <= 1)) {
                throw new IllegalArgumentException("the fraction of edges kept must be in (0, 1] (got " + keep + ")");
            }
            if (batchSize < 1 || iterations < 1 || evalInterval < 1 || progressEvery < 1) {
                throw new IllegalArgumentException("batchSize, iterations, evalInterval and progressEvery must be >= 1");
            }
        }
    }

    /**
     * Mask changes between two reports.
     *
     * @param iteration score updates so far
     * @param epoch     passes over the training set so far
     * @param entered   edges in the mask now but not at the previous report
     * @param left      edges in the mask at the previous report but not now
     * @param kept      edges in the mask
     */
    public record FlipPoint(int iteration, double epoch, int entered, int left, long kept) {
    }

    /**
     * What a sweep point produced.
     *
     * @param mask                  final mask per prunable layer (numpy layout)
     * @param scores                final scores per prunable layer
     * @param metrics               evaluation points
     * @param flips                 mask changes per evaluation interval
     * @param earlyStopIteration    iteration of minimum validation loss
     * @param earlyStopTestAccuracy test accuracy there
     * @param finalTestAccuracy     test accuracy at the end
     * @param examplesPerSecond     training throughput over the whole run (evaluations excluded)
     * @param scoreMillisPerStep    mean wall time per step spent outside DL4J's forward and backward pass: reading
     *                              the gradient, the score update, the selections, the mask and writing w_eff
     * @param scoreCpuMillisPerStep the same as CPU time of the training thread (robust to a busy machine), or
     *                              NaN where the JVM cannot measure thread CPU time
     */
    public record Outcome(boolean[][] mask, float[][] scores, List<MetricPoint> metrics, List<FlipPoint> flips,
                          int earlyStopIteration, double earlyStopTestAccuracy, double finalTestAccuracy,
                          double examplesPerSecond, double scoreMillisPerStep, double scoreCpuMillisPerStep) {
    }

    /** Receives progress on the training thread. */
    public interface Callback {
        /** Called every {@code progressEvery} updates with the latest mini-batch loss. */
        default void progress(int iteration, double loss, double examplesPerSecond) {
        }

        /** Called at each evaluation point. */
        default void evaluation(MetricPoint point) {
        }

        /** Called at each evaluation point after the first, with the mask changes since the previous one. */
        default void flips(FlipPoint point) {
        }

        /**
         * Called after every update once the new masked weights are in the network (only when
         * {@link #wantsSteps()}); {@code params} is live: read it, do not keep it.
         */
        default void afterStep(int iteration, INDArray params) {
        }

        /** Whether {@link #afterStep} should be called. */
        default boolean wantsSteps() {
            return false;
        }
    }

    /** The number of edges each prunable layer keeps at {@code keep} ({@link TopK#keptCount}). */
    public int[] keptCounts(double keep) {
        int[] k = new int[layout.size()];
        for (int l = 0; l < k.length; l++) {
            k[l] = TopK.keptCount(layout.layers().get(l).size(), keep);
        }
        return k;
    }

    /**
     * Trains the scores of {@code net} (built for this trainer's layout; its updater is never used) over the
     * frozen flat parameters {@code w0}.
     *
     * @param where a phrase for error messages, e.g. "keep 0.5"
     */
    public Outcome train(MultiLayerNetwork net, float[] w0, Config cfg, RunGate gate, Callback cb, String where) {
        if (w0.length != layout.totalParams() || net.params().length() != layout.totalParams()) {
            throw new IllegalArgumentException("w0 has " + w0.length + " values, the network " + net.params().length()
                    + ", the layout " + layout.totalParams());
        }
        State st = new State(w0, cfg);
        INDArray params = net.params();
        FlatIo io = new FlatIo(params);
        st.rebuildMask();
        io.write(st.eff, params);
        boolean steps = cb.wantsSteps();

        int f = train.featureSize();
        int c = train.numClasses();
        int b = cfg.batchSize();
        float[] xb = new float[b * f];
        float[] yb = new float[b * c];
        BatchStream stream = new BatchStream(train, cfg.orderSeed());
        List<MetricPoint> metrics = new ArrayList<>();
        List<FlipPoint> flips = new ArrayList<>();
        boolean[] reported = st.mask.clone();

        MetricPoint p0 = evaluate(net, 0, Double.NaN);
        metrics.add(p0);
        cb.evaluation(p0);
        double bestVal = p0.valLoss();
        int bestIt = 0;
        double bestTest = p0.testAccuracy();
        double lossSum = 0;
        int lossCount = 0;
        long trainNanos = 0;
        long scoreNanos = 0;
        long scoreCpuNanos = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        int sinceProgress = 0;
        long progressNanos = 0;
        for (int it = 1; it <= cfg.iterations(); it++) {
            gate.checkpoint();
            long s0 = System.nanoTime();
            stream.next(b, xb, yb);
            INDArray x = Nd4j.create(xb, new long[] {b, f}, 'c');
            INDArray y = Nd4j.create(yb, new long[] {b, c}, 'c');
            net.setInput(x);
            net.setLabels(y);
            net.computeGradientAndScore();
            double loss = net.score();
            if (!Double.isFinite(loss)) {
                throw new DivergedException("edge-popup diverged: loss is " + loss + " at iteration " + it + " of "
                        + where + "; try a lower learning rate");
            }
            long s1 = System.nanoTime();
            long c1 = cpu ? threads.getCurrentThreadCpuTime() : 0;
            INDArray g = net.gradient().gradient();
            io.read(g, st.grad);
            st.update(it, b);
            st.rebuildMask();
            io.write(st.eff, params);
            long s2 = System.nanoTime();
            scoreNanos += s2 - s1;
            scoreCpuNanos += cpu ? threads.getCurrentThreadCpuTime() - c1 : 0;
            long dt = s2 - s0;
            trainNanos += dt;
            progressNanos += dt;
            if (steps) {
                cb.afterStep(it, params);
            }
            lossSum += loss;
            lossCount++;
            sinceProgress++;
            if (it % cfg.progressEvery() == 0 || it == cfg.iterations()) {
                double secs = progressNanos / 1e9;
                cb.progress(it, loss, secs > 0 ? sinceProgress * (double) b / secs : 0);
                sinceProgress = 0;
                progressNanos = 0;
            }
            if (it % cfg.evalInterval() == 0 || it == cfg.iterations()) {
                MetricPoint p = evaluate(net, it, lossSum / Math.max(1, lossCount));
                lossSum = 0;
                lossCount = 0;
                metrics.add(p);
                cb.evaluation(p);
                FlipPoint fp = st.flipsSince(reported, it, it * (double) b / train.count());
                flips.add(fp);
                cb.flips(fp);
                if (!Double.isFinite(p.valLoss())) {
                    throw new DivergedException("edge-popup diverged: validation loss is " + p.valLoss()
                            + " at iteration " + it + " of " + where + "; try a lower learning rate");
                }
                if (p.valLoss() < bestVal) {
                    bestVal = p.valLoss();
                    bestIt = it;
                    bestTest = p.testAccuracy();
                }
            }
        }
        double exs = trainNanos > 0 ? cfg.iterations() * (double) b / (trainNanos / 1e9) : 0;
        double finalTest = metrics.get(metrics.size() - 1).testAccuracy();
        return new Outcome(st.masks(), st.scoresPerLayer(), metrics, flips, bestIt, bestTest, finalTest, exs,
                scoreNanos / 1e6 / cfg.iterations(), cpu ? scoreCpuNanos / 1e6 / cfg.iterations() : Double.NaN);
    }

    private MetricPoint evaluate(MultiLayerNetwork net, int it, double trainLoss) {
        EvalSet.Result v = validation.evaluate(net);
        EvalSet.Result t = test.evaluate(net);
        return new MetricPoint(it, trainLoss, v.loss(), v.accuracy(), t.accuracy(), t.loss());
    }

    /** The scores' initial values for every prunable layer, concatenated in layer order. */
    static float[] initialScores(ParamLayout layout, float[] w0, ScoreInit init, long seed) {
        int total = Math.toIntExact(layout.prunableWeights());
        float[] s = new float[total];
        Random rng = new Random(seed);
        int pos = 0;
        for (int l = 0; l < layout.size(); l++) {
            LayerInfo info = layout.layers().get(l);
            int off = (int) layout.offset(l);
            int n = info.size();
            double bound = 1.0 / Math.sqrt(info.cols());
            for (int j = 0; j < n; j++) {
                s[pos + j] = switch (init) {
                    case KAIMING_UNIFORM -> (float) ((2 * rng.nextDouble() - 1) * bound);
                    case WEIGHT_MAGNITUDE -> Math.abs(w0[off + j]);
                };
            }
            pos += n;
        }
        return s;
    }

    /** All per-step arrays of one sweep point. Prunable weights are concatenated in layer order ("packed"). */
    private final class State {
        final int layers = layout.size();
        final int[] off = new int[layers];
        final int[] start = new int[layers + 1];
        final int[] k;
        final float[] w0;
        final float[] eff;
        final float[] grad;
        final float[] s;
        final float[] m1;
        final float[] m2;
        final int[] keys;
        final TopK.Hint[] hints;
        final boolean[] mask;
        final int[] ties = new int[64];
        final Config cfg;
        final EdgePopupOptions o;

        State(float[] w0, Config cfg) {
            this.cfg = cfg;
            this.o = cfg.options();
            this.w0 = w0.clone();
            this.eff = w0.clone();
            this.grad = new float[w0.length];
            for (int l = 0; l < layers; l++) {
                off[l] = (int) layout.offset(l);
                start[l + 1] = start[l] + layout.layers().get(l).size();
            }
            k = keptCounts(cfg.keep());
            if (o.scoreInit() == ScoreInit.WEIGHT_MAGNITUDE) {
                checkMagnitudesDiffer();
            }
            s = initialScores(layout, w0, o.scoreInit(), cfg.scoreSeed());
            m1 = new float[s.length];
            m2 = o.optimizer() == ScoreOptimizer.ADAM ? new float[s.length] : null;
            keys = new int[s.length];
            hints = new TopK.Hint[layers];
            for (int l = 0; l < layers; l++) {
                hints[l] = new TopK.Hint();
            }
            mask = new boolean[s.length];
        }

        private void checkMagnitudesDiffer() {
            for (int l = 0; l < layers; l++) {
                int n = start[l + 1] - start[l];
                float first = Math.abs(w0[off[l]]);
                boolean differ = false;
                for (int j = 1; j < n && !differ; j++) {
                    differ = Math.abs(w0[off[l] + j]) != first;
                }
                if (!differ && n > 1) {
                    throw new org.lotterylab.api.spec.SpecException("scoreInit", "weight-magnitude scores need weights "
                            + "of different magnitudes, but every weight of layer " + layout.layers().get(l).name()
                            + " has |w| = " + first + " (signed Kaiming constant init); use kaiming-uniform");
                }
            }
        }

        /** One optimiser step on every score, from the gradient in {@code grad}. */
        void update(int it, int batch) {
            float invB = 1f / batch;
            float wd = (float) o.weightDecay();
            if (o.optimizer() == ScoreOptimizer.SGD_COSINE) {
                double t = (it - 1) / (double) cfg.iterations();
                float lr = (float) (0.5 * o.learningRate() * (1 + Math.cos(Math.PI * t)));
                float mu = (float) o.momentum();
                for (int l = 0; l < layers; l++) {
                    int base = off[l] - start[l];
                    for (int i = start[l]; i < start[l + 1]; i++) {
                        float si = s[i];
                        float g = grad[base + i] * invB * signOf(si, w0[base + i]) + wd * si;
                        float v = mu * m1[i] + g;
                        m1[i] = v;
                        si -= lr * v;
                        s[i] = si;
                    }
                }
            } else {
                float b1 = 0.9f;
                float b2 = 0.999f;
                double c1 = 1 - Math.pow(0.9, it);
                double c2 = 1 - Math.pow(0.999, it);
                float step = (float) (o.learningRate() * Math.sqrt(c2) / c1);
                float eps = (float) (1e-8 * Math.sqrt(c2));
                for (int l = 0; l < layers; l++) {
                    int base = off[l] - start[l];
                    for (int i = start[l]; i < start[l + 1]; i++) {
                        float si = s[i];
                        float g = grad[base + i] * invB * signOf(si, w0[base + i]) + wd * si;
                        float a = b1 * m1[i] + (1 - b1) * g;
                        float v = b2 * m2[i] + (1 - b2) * g * g;
                        m1[i] = a;
                        m2[i] = v;
                        si -= step * a / ((float) Math.sqrt(v) + eps);
                        s[i] = si;
                    }
                }
            }
        }

        /** Finds each layer's threshold (one selection each), sets the mask and w_eff = w0 * mask. */
        void rebuildMask() {
            for (int l = 0; l < layers; l++) {
                int from = start[l];
                int n = start[l + 1] - from;
                int thr = TopK.kthLargestNear(s, from, n, k[l], keys, hints[l]);
                int base = off[l] - from;
                int taken = 0;
                int nTies = 0;
                int[] tieIdx = ties;
                // branch-free (about half the keys are kept, in no predictable order): m = -1 keeps, 0 prunes
                for (int i = from; i < from + n; i++) {
                    int key = Float.floatToRawIntBits(s[i]) & 0x7fffffff;
                    int m = (thr - key) >> 31;
                    taken -= m;
                    mask[i] = m != 0;
                    eff[base + i] = Float.intBitsToFloat(Float.floatToRawIntBits(w0[base + i]) & m);
                    if (key == thr) {
                        if (nTies == tieIdx.length) {
                            tieIdx = java.util.Arrays.copyOf(tieIdx, tieIdx.length * 2);
                        }
                        tieIdx[nTies++] = i;
                    }
                }
                for (int t = 0; t < nTies && taken < k[l]; t++) {
                    int i = tieIdx[t];
                    mask[i] = true;
                    eff[base + i] = w0[base + i];
                    taken++;
                }
                if (taken != k[l]) {
                    throw new IllegalStateException("layer " + layout.layers().get(l).name() + " kept " + taken
                            + " edges instead of " + k[l]);
                }
            }
        }

        /** w times the sign of s (s = -0.0 counts as negative), without a branch. */
        private static float signOf(float s, float w) {
            return Float.intBitsToFloat(Float.floatToRawIntBits(w) ^ (Float.floatToRawIntBits(s) & 0x80000000));
        }

        FlipPoint flipsSince(boolean[] reported, int it, double epoch) {
            int entered = 0;
            int left = 0;
            long kept = 0;
            for (int i = 0; i < mask.length; i++) {
                boolean now = mask[i];
                if (now != reported[i]) {
                    if (now) {
                        entered++;
                    } else {
                        left++;
                    }
                    reported[i] = now;
                }
                if (now) {
                    kept++;
                }
            }
            return new FlipPoint(it, epoch, entered, left, kept);
        }

        boolean[][] masks() {
            boolean[][] out = new boolean[layers][];
            for (int l = 0; l < layers; l++) {
                out[l] = java.util.Arrays.copyOfRange(mask, start[l], start[l + 1]);
            }
            return out;
        }

        float[][] scoresPerLayer() {
            float[][] out = new float[layers][];
            for (int l = 0; l < layers; l++) {
                out[l] = java.util.Arrays.copyOfRange(s, start[l], start[l + 1]);
            }
            return out;
        }
    }

    /**
     * Copies between a flat float array and an ND4J vector. On the CPU backend, a float vector that is its whole
     * buffer is
     * read and written with one native memory copy (about 0.05 ms for LeNet-300-100's 266,610 values); any
     * other array goes through {@code assign}/{@code toFloatVector}.
     */
    static final class FlatIo {
        private final boolean direct;

        FlatIo(INDArray params) {
            this.direct = Nd4j.getBackend().getClass().getName().toLowerCase(java.util.Locale.ROOT).contains("cpu")
                    && directOk(params);
        }

        static boolean directOk(INDArray a) {
            return a.dataType() == DataType.FLOAT && a.isVector() && a.elementWiseStride() == 1 && a.offset() == 0
                    && a.data().length() == a.length() && a.data().pointer() instanceof FloatPointer;
        }

        void write(float[] src, INDArray dst) {
            if (direct && directOk(dst)) {
                new FloatPointer(dst.data().pointer()).put(src, 0, src.length);
            } else {
                dst.assign(Nd4j.createFromArray(src).reshape(dst.shape()));
            }
        }

        void read(INDArray src, float[] dst) {
            if (dst.length != src.length()) {
                throw new IllegalArgumentException("gradient has " + src.length() + " values, expected " + dst.length);
            }
            if (direct && directOk(src)) {
                new FloatPointer(src.data().pointer()).get(dst, 0, dst.length);
            } else {
                float[] v = src.toFloatVector();
                System.arraycopy(v, 0, dst, 0, dst.length);
            }
        }
    }
}
