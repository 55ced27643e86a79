package org.lotterylab.engine.lean;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.FloatPointer;

/**
 * A fully-connected ReLU network with a softmax output, its parameters in DL4J's flat layout, trained with
 * cross-entropy (mean over the batch) by an {@link Update} rule. Every buffer is allocated once: parameters,
 * gradient and optimiser state as float arrays (the element-wise loops vectorise), and native mirrors of
 * the weights, inputs, activations and deltas for {@code cblas_sgemm}. A step allocates nothing.
 *
 * <p>One step on a batch X of B rows: forward {@code Z_l = A_{l-1} W_l^T} (GEMM) then one fused pass
 * {@code A_l = relu(Z_l + b_l)} (softmax on the output); output delta {@code P - Y}; backward
 * {@code dW_l = D_l^T A_{l-1}}, {@code db_l = column sums of D_l}, {@code D_{l-1} = (D_l W_l) * [A_{l-1} > 0]};
 * then the optimiser over all parameters with the mask multiply fused into the same loop. Not thread-safe.
 */
public final class LeanMlp implements AutoCloseable {

    private final MlpShape shape;
    private final int layers;
    private final Update update;
    private final int rows;
    private final int params;
    private final float[] w;
    private final float[] g;
    private final float[] s1;
    private final float[] s2;
    private float[] mask;
    private int t;
    private final FloatPointer wN;
    private final FloatPointer gN;
    private final FloatPointer xN;
    private final FloatPointer[] wL;
    private final FloatPointer[] gL;
    private final FloatPointer[] aN;
    private final FloatPointer[] dN;
    private final float[][] a;
    private final float[][] d;
    private final List<FloatPointer> owned = new ArrayList<>();
    private boolean closed;

    /**
     * A network of {@code shape} whose buffers hold up to {@code rows} examples at once (larger evaluation
     * chunks are processed in pieces).
     *
     * @param update the optimiser rule, or null for a network that only evaluates
     */
    public LeanMlp(MlpShape shape, Update update, int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be >= 1 (got " + rows + ")");
        }
        this.shape = shape;
        this.layers = shape.layers();
        this.update = update;
        this.rows = rows;
        this.params = shape.paramCount();
        this.w = new float[params];
        boolean train = update != null;
        this.g = train ? new float[params] : null;
        this.s1 = train && update.hasFirstState() ? new float[params] : null;
        this.s2 = train && update.hasSecondState() ? new float[params] : null;
        this.wN = alloc(params);
        this.gN = train ? alloc(params) : null;
        this.xN = alloc((long) rows * shape.in(0));
        this.wL = new FloatPointer[layers];
        this.gL = new FloatPointer[layers];
        this.aN = new FloatPointer[layers];
        this.dN = new FloatPointer[layers];
        this.a = new float[layers][];
        this.d = new float[layers][];
        for (int l = 0; l < layers; l++) {
            int out = shape.out(l);
            wL[l] = view(wN, shape.weightOffset(l));
            aN[l] = alloc((long) rows * out);
            a[l] = new float[rows * out];
            if (train) {
                gL[l] = view(gN, shape.weightOffset(l));
                dN[l] = alloc((long) rows * out);
                d[l] = new float[rows * out];
            }
        }
    }

    private FloatPointer alloc(long n) {
        FloatPointer p = new FloatPointer(n);
        owned.add(p);
        return p;
    }

    private static FloatPointer view(FloatPointer base, long offset) {
        return new FloatPointer(base).position(offset);
    }

    /** The network's shape. */
    public MlpShape shape() {
        return shape;
    }

    /** Number of flat parameters. */
    public int paramCount() {
        return params;
    }

    /** Loads {@code p} (times the mask, if one is set), keeping the optimiser state. */
    public void setParams(float[] p) {
        if (p.length != params) {
            throw new IllegalArgumentException("expected " + params + " parameters, got " + p.length);
        }
        System.arraycopy(p, 0, w, 0, params);
        if (mask != null) {
            for (int i = 0; i < params; i++) {
                w[i] *= mask[i];
            }
        }
        wN.put(w, 0, params);
    }

    /** Loads {@code p} and resets the optimiser state and step count. */
    public void load(float[] p) {
        if (s1 != null) {
            Arrays.fill(s1, 0f);
        }
        if (s2 != null) {
            Arrays.fill(s2, 0f);
        }
        t = 0;
        setParams(p);
    }

    /** Sets the flat mask applied after every step (null = none) and applies it now. */
    public void setMask(float[] flatMask) {
        if (flatMask != null && flatMask.length != params) {
            throw new IllegalArgumentException("mask has " + flatMask.length + " entries for " + params + " parameters");
        }
        mask = flatMask == null ? null : flatMask.clone();
        setParams(w.clone());
    }

    /** A copy of the flat parameters. */
    public float[] params() {
        return w.clone();
    }

    /** Copies the flat parameters into {@code out}. */
    public void paramsInto(float[] out) {
        System.arraycopy(w, 0, out, 0, params);
    }

    /** Steps taken since the last {@link #load}. */
    public int steps() {
        return t;
    }

    /**
     * One optimiser step on {@code batch} examples ({@code x} row-major, {@code y} one-hot row-major).
     *
     * @return the batch's mean cross-entropy before the step
     */
    public double step(float[] x, float[] y, int batch) {
        if (update == null) {
            throw new IllegalStateException("this network only evaluates");
        }
        checkOpen();
        if (batch < 1 || batch > rows) {
            throw new IllegalArgumentException("batch " + batch + " outside 1.." + rows);
        }
        int in0 = shape.in(0);
        xN.put(x, 0, batch * in0);
        forward(batch);
        int last = layers - 1;
        int c = shape.out(last);
        float[] p = a[last];
        float[] dl = d[last];
        double loss = 0;
        for (int b = 0; b < batch; b++) {
            int o = b * c;
            for (int k = 0; k < c; k++) {
                float yk = y[o + k];
                if (yk != 0f) {
                    loss -= yk * Math.log(Math.max(p[o + k], 1e-10f));
                }
                dl[o + k] = p[o + k] - yk;
            }
        }
        dN[last].put(dl, 0, batch * c);
        for (int l = last; l >= 0; l--) {
            int in = shape.in(l);
            int out = shape.out(l);
            FloatPointer prev = l == 0 ? xN : aN[l - 1];
            Gemm.sgemm(true, false, out, in, batch, dN[l], out, prev, in, 0f, gL[l], in);
            int bo = shape.biasOffset(l);
            float[] dl2 = d[l];
            Arrays.fill(g, bo, bo + out, 0f);
            for (int b = 0; b < batch; b++) {
                int o = b * out;
                for (int k = 0; k < out; k++) {
                    g[bo + k] += dl2[o + k];
                }
            }
            if (l > 0) {
                Gemm.sgemm(false, false, batch, in, out, dN[l], out, wL[l], in, 0f, dN[l - 1], in);
                float[] dp = d[l - 1];
                float[] ap = a[l - 1];
                dN[l - 1].get(dp, 0, batch * in);
                for (int i = 0; i < batch * in; i++) {
                    dp[i] = ap[i] > 0f ? dp[i] : 0f;
                }
                dN[l - 1].put(dp, 0, batch * in);
            }
        }
        for (int l = 0; l < layers; l++) {
            gL[l].get(g, shape.weightOffset(l), shape.in(l) * shape.out(l));
        }
        update.apply(w, g, s1, s2, mask, params, t, batch);
        t++;
        wN.put(w, 0, params);
        return loss / batch;
    }

    /**
     * Only the GEMMs of one training step on {@code batch} rows (forward, weight gradients, input deltas) on the
     * current buffers, nothing else: the arithmetic floor of {@link #step}, for benchmarks.
     */
    public void gemmsOfOneStep(int batch) {
        checkOpen();
        for (int l = 0; l < layers; l++) {
            int in = shape.in(l);
            FloatPointer src = l == 0 ? xN : aN[l - 1];
            Gemm.sgemm(false, true, batch, shape.out(l), in, src, in, wL[l], in, 0f, aN[l], shape.out(l));
        }
        for (int l = layers - 1; l >= 0; l--) {
            int in = shape.in(l);
            int out = shape.out(l);
            FloatPointer prev = l == 0 ? xN : aN[l - 1];
            Gemm.sgemm(true, false, out, in, batch, dN[l], out, prev, in, 0f, gL[l], in);
            if (l > 0) {
                Gemm.sgemm(false, false, batch, in, out, dN[l], out, wL[l], in, 0f, dN[l - 1], in);
            }
        }
    }

    /**
     * Softmax probabilities of {@code n} examples of {@code pixels} from example {@code start} (row-major)
     * into {@code probs} (n x classes, row-major).
     */
    public void probabilities(float[] pixels, int start, int n, float[] probs) {
        checkOpen();
        int in0 = shape.in(0);
        int c = shape.out(layers - 1);
        for (int done = 0; done < n; done += rows) {
            int m = Math.min(rows, n - done);
            xN.put(pixels, (start + done) * in0, m * in0);
            forward(m);
            System.arraycopy(a[layers - 1], 0, probs, done * c, m * c);
        }
    }

    private void forward(int n) {
        for (int l = 0; l < layers; l++) {
            int in = shape.in(l);
            int out = shape.out(l);
            FloatPointer src = l == 0 ? xN : aN[l - 1];
            Gemm.sgemm(false, true, n, out, in, src, in, wL[l], in, 0f, aN[l], out);
            float[] al = a[l];
            aN[l].get(al, 0, n * out);
            int bo = shape.biasOffset(l);
            if (l < layers - 1) {
                for (int b = 0; b < n; b++) {
                    int o = b * out;
                    for (int k = 0; k < out; k++) {
                        float z = al[o + k] + w[bo + k];
                        al[o + k] = z > 0f ? z : 0f;
                    }
                }
                aN[l].put(al, 0, n * out);
            } else {
                softmaxRows(al, n, out, bo);
            }
        }
    }

    private void softmaxRows(float[] z, int n, int c, int bo) {
        for (int b = 0; b < n; b++) {
            int o = b * c;
            float max = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < c; k++) {
                float v = z[o + k] + w[bo + k];
                z[o + k] = v;
                if (v > max) {
                    max = v;
                }
            }
            float sum = 0f;
            for (int k = 0; k < c; k++) {
                float e = (float) Math.exp(z[o + k] - max);
                z[o + k] = e;
                sum += e;
            }
            for (int k = 0; k < c; k++) {
                z[o + k] /= sum;
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the network was closed");
        }
    }

    /** Frees the native buffers. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            for (FloatPointer p : owned) {
                p.close();
            }
            owned.clear();
        }
    }
}
