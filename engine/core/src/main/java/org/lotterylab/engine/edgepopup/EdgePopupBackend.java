package org.lotterylab.engine.edgepopup;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lotterylab.engine.model.ParamLayout;
import org.lotterylab.engine.train.EvalSet;
import org.lotterylab.engine.train.StepBackend;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Edge-popup's score-to-mask step as a {@link StepBackend}, so the one training loop
 * ({@link org.lotterylab.engine.train.Trainer}) drives it like any other network: the "parameters" the loop
 * loads are the frozen weights w0, and each step trains the scores instead of the weights.
 *
 * <p>One step: the network holds {@code w_eff = w0 * m} (m = top-k mask of |s| per layer; biases frozen at
 * their initial value); {@code computeGradientAndScore()} gives dL/dw_eff for every weight, kept or not (a
 * dense layer's weight gradient is dense); the straight-through estimator treats the mask as the identity in
 * the backward pass, so {@code dL/ds = dL/dw_eff * w0 * sign(s)}; the scores take an optimiser step of
 * {@link ScoreState}'s own ({@link ScoreOptimizer}); the new thresholds come from one selection per layer
 * ({@link TopK}); the new w_eff is written into the network. DL4J's updater is never called, so nothing but
 * the scores ever changes. DL4J's raw gradient is summed over the mini-batch, so the update divides by the
 * batch size. A step whose loss is not finite changes nothing (the loop stops on it).
 *
 * <p>It also times the part of each step outside DL4J's forward and backward pass (reading the gradient, the
 * score update, the selections, the mask and writing w_eff), in wall and thread CPU time.
 */
final class EdgePopupBackend implements StepBackend {

    private final MultiLayerNetwork net;
    private final ParamLayout layout;
    private final double keep;
    private final int iterations;
    private final long scoreSeed;
    private final EdgePopupOptions options;
    private final INDArray params;
    private final FlatIo io;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean cpu = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
    private ScoreState state;
    private int steps;
    private long scoreNanos;
    private long scoreCpuNanos;

    /**
     * A backend over {@code net} (built for {@code layout}; its updater is never used).
     *
     * @param keep       fraction of edges kept in every prunable layer
     * @param iterations score updates of the whole run (the cosine schedule's length)
     * @param scoreSeed  seed of the score init
     */
    EdgePopupBackend(MultiLayerNetwork net, ParamLayout layout, double keep, int iterations, long scoreSeed,
                     EdgePopupOptions options) {
        this.net = net;
        this.layout = layout;
        this.keep = keep;
        this.iterations = iterations;
        this.scoreSeed = scoreSeed;
        this.options = options;
        this.params = net.params();
        this.io = new FlatIo(params);
    }

    @Override
    public String engine() {
        return "dl4j";
    }

    @Override
    public String trainingLabel() {
        return "edge-popup";
    }

    @Override
    public int paramCount() {
        return (int) params.length();
    }

    /** Takes {@code w0} as the frozen weights with fresh scores (from the score seed), moments and timers. */
    @Override
    public void load(float[] w0) {
        if (w0.length != layout.totalParams() || params.length() != layout.totalParams()) {
            throw new IllegalArgumentException("w0 has " + w0.length + " values, the network " + params.length()
                    + ", the layout " + layout.totalParams());
        }
        state = new ScoreState(layout, w0, keep, iterations, scoreSeed, options);
        state.rebuildMask();
        state.markReported();
        io.write(state.eff, params);
        steps = 0;
        scoreNanos = 0;
        scoreCpuNanos = 0;
    }

    /** Replaces the frozen weights, keeping the scores and their moments. */
    @Override
    public void setParams(float[] w0) {
        state().replaceWeights(w0);
        state.rebuildMask();
        io.write(state.eff, params);
    }

    /** Edge-popup chooses its own mask: only null (none from outside) is accepted. */
    @Override
    public void setMask(float[] flatMask) {
        if (flatMask != null) {
            throw new IllegalArgumentException("edge-popup trains its own mask from the scores; it takes none");
        }
    }

    @Override
    public double step(float[] x, float[] y, int batch) {
        ScoreState st = state();
        INDArray xa = Nd4j.create(x, new long[] {batch, x.length / batch}, 'c');
        INDArray ya = Nd4j.create(y, new long[] {batch, y.length / batch}, 'c');
        net.setInput(xa);
        net.setLabels(ya);
        net.computeGradientAndScore();
        double loss = net.score();
        if (!Double.isFinite(loss)) {
            return loss;
        }
        long s1 = System.nanoTime();
        long c1 = cpu ? threads.getCurrentThreadCpuTime() : 0;
        io.read(net.gradient().gradient(), st.grad);
        st.update(++steps, batch);
        st.rebuildMask();
        io.write(st.eff, params);
        scoreNanos += System.nanoTime() - s1;
        scoreCpuNanos += cpu ? threads.getCurrentThreadCpuTime() - c1 : 0;
        return loss;
    }

    /** A copy of the effective parameters w0 * mask. */
    @Override
    public float[] params() {
        return state().eff.clone();
    }

    /** The network's live flat parameters (read them, do not keep them). */
    INDArray liveParams() {
        return params;
    }

    @Override
    public EvalSet.Result evaluate(EvalSet set) {
        return set.evaluate(net);
    }

    /** The scores, mask and flips of the current sweep point. */
    ScoreState state() {
        if (state == null) {
            throw new IllegalStateException("load the frozen weights first");
        }
        return state;
    }

    /** Mean wall time per step outside DL4J's forward and backward pass, in ms (0 before any step). */
    double scoreMillisPerStep() {
        return steps == 0 ? 0 : scoreNanos / 1e6 / steps;
    }

    /** The same as CPU time of the training thread, or NaN where the JVM cannot measure it. */
    double scoreCpuMillisPerStep() {
        return !cpu ? Double.NaN : steps == 0 ? 0 : scoreCpuNanos / 1e6 / steps;
    }

    /** The network belongs to the caller: nothing to free here. */
    @Override
    public void close() {
        state = null;
    }

    /**
     * Copies between a flat float array and an ND4J vector. On the CPU backend, a float vector that is its whole
     * buffer is read and written with one native memory copy (about 0.05 ms for LeNet-300-100's 266,610 values);
     * any other array goes through {@code assign}/{@code toFloatVector}.
     */
    static final class FlatIo {
        private final boolean direct;

        FlatIo(INDArray params) {
            this.direct = Nd4j.getBackend().getClass().getName().toLowerCase(Locale.ROOT).contains("cpu")
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
