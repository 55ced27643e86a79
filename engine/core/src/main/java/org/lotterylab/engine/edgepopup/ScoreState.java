package org.lotterylab.engine.edgepopup;

import java.util.Arrays;
import java.util.Random;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.engine.model.ParamLayout;

/**
 * Edge-popup's per-step arrays for one sweep point: the frozen weights w0, the scores and their optimiser
 * moments, the top-k mask of |s| per layer and the effective weights {@code eff = w0 * mask}. Prunable weights
 * are concatenated in layer order ("packed"); {@code eff} and {@code grad} are flat (DL4J's parameter layout).
 * Not thread-safe.
 */
final class ScoreState {

    private final ParamLayout layout;
    private final int layers;
    private final int[] off;
    private final int[] start;
    private final int[] k;
    private final int iterations;
    private final EdgePopupOptions o;
    private final float[] w0;
    /** Effective flat parameters, w0 times the mask (biases: w0). */
    final float[] eff;
    /** Flat gradient of the summed mini-batch loss in eff, filled by the caller before {@link #update}. */
    final float[] grad;
    private final float[] s;
    private final float[] m1;
    private final float[] m2;
    private final int[] keys;
    private final TopK.Hint[] hints;
    private final boolean[] mask;
    private final boolean[] reported;
    private int[] ties = new int[64];

    /**
     * Fresh state: scores drawn from {@code scoreSeed}, optimiser moments zero, mask and eff not yet built
     * ({@link #rebuildMask}).
     *
     * @param keep       fraction of edges kept per layer
     * @param iterations the score updates of the whole run (the cosine schedule's length)
     * @throws SpecException when weight-magnitude scores would all tie (every |w0| of a layer equal)
     */
    ScoreState(ParamLayout layout, float[] w0, double keep, int iterations, long scoreSeed, EdgePopupOptions o) {
        this.layout = layout;
        this.layers = layout.size();
        this.off = new int[layers];
        this.start = new int[layers + 1];
        this.iterations = iterations;
        this.o = o;
        this.w0 = w0.clone();
        this.eff = w0.clone();
        this.grad = new float[w0.length];
        for (int l = 0; l < layers; l++) {
            off[l] = (int) layout.offset(l);
            start[l + 1] = start[l] + layout.layers().get(l).size();
        }
        k = keptCounts(layout, keep);
        if (o.scoreInit() == ScoreInit.WEIGHT_MAGNITUDE) {
            checkMagnitudesDiffer();
        }
        s = initialScores(layout, w0, o.scoreInit(), scoreSeed);
        m1 = new float[s.length];
        m2 = o.optimizer() == ScoreOptimizer.ADAM ? new float[s.length] : null;
        keys = new int[s.length];
        hints = new TopK.Hint[layers];
        for (int l = 0; l < layers; l++) {
            hints[l] = new TopK.Hint();
        }
        mask = new boolean[s.length];
        reported = new boolean[s.length];
    }

    /** The number of edges each prunable layer of {@code layout} keeps at {@code keep} ({@link TopK#keptCount}). */
    static int[] keptCounts(ParamLayout layout, double keep) {
        int[] k = new int[layout.size()];
        for (int l = 0; l < k.length; l++) {
            k[l] = TopK.keptCount(layout.layers().get(l).size(), keep);
        }
        return k;
    }

    /** The scores' initial values for every prunable layer, concatenated in layer order. */
    static float[] initialScores(ParamLayout layout, float[] w0, ScoreInit init, long seed) {
        int total = Math.toIntExact(layout.prunableWeights());
        float[] s = new float[total];
        Random rng = new Random(seed);
        int pos = 0;
        for (int l = 0; l < layout.size(); l++) {
            LayerInfo info = layout.layers().get(l);
            int offset = (int) layout.offset(l);
            int n = info.size();
            double bound = 1.0 / Math.sqrt(info.cols());
            for (int j = 0; j < n; j++) {
                s[pos + j] = switch (init) {
                    case KAIMING_UNIFORM -> (float) ((2 * rng.nextDouble() - 1) * bound);
                    case WEIGHT_MAGNITUDE -> Math.abs(w0[offset + j]);
                };
            }
            pos += n;
        }
        return s;
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
                throw new SpecException("scoreInit", "weight-magnitude scores need weights "
                        + "of different magnitudes, but every weight of layer " + layout.layers().get(l).name()
                        + " has |w| = " + first + " (signed Kaiming constant init); use kaiming-uniform");
            }
        }
    }

    /** Replaces the frozen weights (scores and moments kept); call {@link #rebuildMask} to refresh eff. */
    void replaceWeights(float[] w) {
        if (w.length != w0.length) {
            throw new IllegalArgumentException("got " + w.length + " parameters, expected " + w0.length);
        }
        System.arraycopy(w, 0, w0, 0, w.length);
        System.arraycopy(w, 0, eff, 0, w.length);
    }

    /**
     * One optimiser step on every score from the gradient in {@link #grad} (summed over {@code batch}
     * examples, so divided by it here).
     *
     * @param it the step's number, 1 for the first (Adam's bias correction, the cosine schedule)
     */
    void update(int it, int batch) {
        float invB = 1f / batch;
        float wd = (float) o.weightDecay();
        if (o.optimizer() == ScoreOptimizer.SGD_COSINE) {
            double t = (it - 1) / (double) iterations;
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

    /** Finds each layer's threshold (one selection each), sets the mask and eff = w0 * mask. */
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
                        tieIdx = Arrays.copyOf(tieIdx, tieIdx.length * 2);
                        ties = tieIdx;
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

    /** Remembers the current mask as the one flips are counted from. */
    void markReported() {
        System.arraycopy(mask, 0, reported, 0, mask.length);
    }

    /** The mask changes since the last report (or {@link #markReported}); the current mask becomes the reported one. */
    EdgePopupTrainer.FlipPoint flipsSinceReport(int it, double epoch) {
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
        return new EdgePopupTrainer.FlipPoint(it, epoch, entered, left, kept);
    }

    /** The mask per prunable layer (copies, numpy layout). */
    boolean[][] masks() {
        boolean[][] out = new boolean[layers][];
        for (int l = 0; l < layers; l++) {
            out[l] = Arrays.copyOfRange(mask, start[l], start[l + 1]);
        }
        return out;
    }

    /** The scores per prunable layer (copies). */
    float[][] scoresPerLayer() {
        float[][] out = new float[layers][];
        for (int l = 0; l < layers; l++) {
            out[l] = Arrays.copyOfRange(s, start[l], start[l + 1]);
        }
        return out;
    }
}
