package org.lotterylab.engine.lmc;

import org.lotterylab.engine.model.BatchNormStats;
import org.lotterylab.engine.train.EvalSet;
import org.lotterylab.engine.train.RunGate;
import org.lotterylab.engine.train.StepBackend;

/**
 * Points on the straight path between two trained networks and their evaluation, with no retraining: each
 * point's parameters are written into one reusable evaluator (a {@link StepBackend}; on the lean path its
 * buffers are allocated once), which is then evaluated on the test set and on a fixed subset of the training set.
 *
 * <p>A point is {@code alpha*W1 + (1 - alpha)*W2}, computed in float. Alphas are evenly spaced,
 * {@code alpha_i = i / (n - 1)}, so the path starts at W2 (alpha = 0) and ends at W1 (alpha = 1); both
 * endpoints are copies of W2 and W1 bit for bit. Under a mask (1 = kept, 0 = pruned, biases 1), pruned
 * entries are exactly +0.0 at every point.
 */
public final class Interpolation {

    private final StepBackend net;
    private final EvalSet test;
    private final EvalSet train;
    private final BatchNormStats.Batches batchNormBatches;

    /**
     * An evaluator that writes each point into {@code net} (whose parameters and mask are overwritten).
     *
     * @param net   a backend of the right architecture (its optimiser is never used)
     * @param test  the test set
     * @param train the training subset
     */
    public Interpolation(StepBackend net, EvalSet test, EvalSet train) {
        this(net, test, train, null);
    }

    /**
     * As {@link #Interpolation(StepBackend, EvalSet, EvalSet)}; when the network has batch norm and
     * {@code batchNormBatches} is given, every point's batch-norm running statistics are recomputed on those
     * training batches before it is evaluated (Frankle et al. 2020): the interpolated statistics are not the
     * interpolated network's. Endpoints are treated like every other point.
     *
     * @param batchNormBatches training batches for the statistics, or null to evaluate the interpolated ones
     */
    public Interpolation(StepBackend net, EvalSet test, EvalSet train, BatchNormStats.Batches batchNormBatches) {
        this.net = net;
        this.test = test;
        this.train = train;
        this.batchNormBatches = batchNormBatches;
    }

    /**
     * {@code n} evenly spaced alphas in [0, 1], exactly 0 first and exactly 1 last: the rule the LMC store
     * rebuilds them by ({@link org.lotterylab.api.store.LmcStore#alphas}).
     */
    public static double[] alphas(int n) {
        return org.lotterylab.api.store.LmcStore.alphas(n);
    }

    /**
     * Point {@code i} of {@code n} on the path from W2 (i = 0) to W1 (i = n - 1). The endpoints are copies of
     * W2 and W1; pruned entries (mask 0) are +0.0 everywhere.
     *
     * @param mask flat multiplicative mask, or null for a dense network
     */
    public static float[] point(float[] w1, float[] w2, float[] mask, int i, int n) {
        check(w1, w2, mask);
        if (i < 0 || i >= n) {
            throw new IllegalArgumentException("point " + i + " is not on a path of " + n + " points");
        }
        float[] out;
        if (i == n - 1) {
            out = w1.clone();
        } else if (i == 0) {
            out = w2.clone();
        } else {
            out = blend(w1, w2, (float) (i / (double) (n - 1)));
        }
        applyMask(out, mask);
        return out;
    }

    /** The point {@code alpha*W1 + (1 - alpha)*W2} for any alpha (0 and 1 give exact copies). */
    public static float[] point(float[] w1, float[] w2, float[] mask, double alpha) {
        check(w1, w2, mask);
        float[] out = alpha == 1.0 ? w1.clone() : alpha == 0.0 ? w2.clone() : blend(w1, w2, (float) alpha);
        applyMask(out, mask);
        return out;
    }

    /** Sets entries whose mask is 0 to +0.0 (in place); no-op for a null mask. Returns {@code w}. */
    public static float[] applyMask(float[] w, float[] mask) {
        if (mask != null) {
            for (int j = 0; j < w.length; j++) {
                if (mask[j] == 0f) {
                    w[j] = 0f;
                }
            }
        }
        return w;
    }

    private static float[] blend(float[] w1, float[] w2, float a) {
        float b = 1f - a;
        float[] out = new float[w1.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = a * w1[j] + b * w2[j];
        }
        return out;
    }

    private static void check(float[] w1, float[] w2, float[] mask) {
        if (w1.length != w2.length || (mask != null && mask.length != w1.length)) {
            throw new IllegalArgumentException("parameter vectors differ in length: " + w1.length + ", " + w2.length
                    + (mask == null ? "" : ", mask " + mask.length));
        }
    }

    /** Receives each evaluated point (on the evaluating thread). */
    @FunctionalInterface
    public interface PointListener {
        /**
         * @param params the parameters just evaluated, as read back from the network, when
         *               {@link #wantsParams()}; else null
         */
        void point(int index, double alpha, EvalSet.Result test, EvalSet.Result train, float[] params);

        /** Whether {@link #point} should get the parameters read back from the network (a copy per point). */
        default boolean wantsParams() {
            return false;
        }
    }

    /**
     * The errors along one path.
     *
     * @param alphas             alpha of each point
     * @param testError          test error (1 - accuracy) per point
     * @param trainError         training-subset error per point
     * @param testMisclassified  misclassified test examples per point
     * @param trainMisclassified misclassified training examples per point
     * @param testCount          test examples
     * @param trainCount         training examples
     * @param seconds            time spent interpolating and evaluating
     */
    public record Curve(double[] alphas, double[] testError, double[] trainError, int[] testMisclassified,
                        int[] trainMisclassified, int testCount, int trainCount, double seconds) {

        /** The test instability. */
        public org.lotterylab.api.run.Instability testInstability(double threshold) {
            return org.lotterylab.api.run.Instability.of(testError, threshold);
        }

        /** The training-subset instability. */
        public org.lotterylab.api.run.Instability trainInstability(double threshold) {
            return org.lotterylab.api.run.Instability.of(trainError, threshold);
        }
    }

    /**
     * Evaluates {@code n} evenly spaced points from W2 to W1.
     *
     * @param mask     flat mask or null
     * @param gate     checked before every point (pause/cancel), or null
     * @param listener gets each point as it is evaluated, or null
     */
    public Curve evaluate(float[] w1, float[] w2, float[] mask, int n, RunGate gate, PointListener listener) {
        double[] alphas = alphas(n);
        double[] te = new double[n];
        double[] tr = new double[n];
        int[] tm = new int[n];
        int[] rm = new int[n];
        long t0 = System.nanoTime();
        long paused = 0;
        net.setMask(null);
        for (int i = 0; i < n; i++) {
            if (gate != null) {
                long g = System.nanoTime();
                gate.checkpoint();
                paused += System.nanoTime() - g;
            }
            float[] p = point(w1, w2, mask, i, n);
            net.setParams(p);
            if (batchNormBatches != null && net.hasBatchNorm()) {
                net.recomputeBatchNorm(batchNormBatches);
            }
            EvalSet.Result rt = net.evaluate(test);
            EvalSet.Result rr = net.evaluate(train);
            te[i] = rt.errors() / (double) test.size();
            tr[i] = rr.errors() / (double) train.size();
            tm[i] = rt.errors();
            rm[i] = rr.errors();
            if (listener != null) {
                long l = System.nanoTime();
                listener.point(i, alphas[i], rt, rr, listener.wantsParams() ? net.params() : null);
                paused += System.nanoTime() - l;
            }
        }
        double secs = (System.nanoTime() - t0 - paused) / 1e9;
        return new Curve(alphas, te, tr, tm, rm, test.size(), train.size(), secs);
    }
}
