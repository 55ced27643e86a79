package org.lotterylab.engine.prune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.mask.LayerSummary;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.PruningSchedule;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.LayerKind;
import org.lotterylab.api.spec.MaskCriterion;
import org.lotterylab.api.spec.PruningStyle;
import org.lotterylab.engine.model.ParamLayout;

/**
 * Magnitude pruning on plain arrays. Masks are {@code boolean[layer][weight]} in numpy layout; biases are
 * never pruned (they are not in the masks at all). Ties in magnitude are broken by the lower flat index, so
 * the same weights always give the same mask.
 */
public final class Pruner {

    private Pruner() {
    }

    /** A mask set that keeps everything. */
    public static boolean[][] dense(ParamLayout layout) {
        boolean[][] m = new boolean[layout.size()][];
        for (int i = 0; i < layout.size(); i++) {
            m[i] = new boolean[layout.layers().get(i).size()];
            Arrays.fill(m[i], true);
        }
        return m;
    }

    /**
     * Weights each layer keeps after {@code round} rounds under the spec's schedule. For the global style the
     * per-layer split is not known in advance, so this returns -1 for pruned layers and the caller uses
     * {@link #globalTarget}.
     */
    public static int[] layerTargets(ParamLayout layout, ExperimentSpec spec, int round) {
        int[] t = new int[layout.size()];
        for (int i = 0; i < layout.size(); i++) {
            LayerInfo l = layout.layers().get(i);
            if (spec.pruning() == PruningStyle.LAYERWISE) {
                t[i] = PruningSchedule.keptAfter(l.size(), spec.layerwiseRate(l.kind()), round);
            } else {
                t[i] = ignored(spec, l) ? l.size() : -1;
            }
        }
        return t;
    }

    /** Weights kept in total over the non-ignored layers after {@code round} rounds of global pruning. */
    public static int globalTarget(ParamLayout layout, ExperimentSpec spec, int round) {
        int total = 0;
        for (LayerInfo l : layout.layers()) {
            if (!ignored(spec, l)) {
                total += l.size();
            }
        }
        return PruningSchedule.keptAfter(total, spec.globalRate(), round);
    }

    /** Whether global pruning leaves this layer alone. */
    public static boolean ignored(ExperimentSpec spec, LayerInfo l) {
        for (String s : spec.globalIgnore()) {
            if (s.equals(l.name()) || (s.equals("output") && l.kind() == LayerKind.OUTPUT)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The mask after {@code round} rounds: keeps, among the weights {@code current} keeps, those with the
     * largest score until the schedule's count is reached.
     *
     * @param trained   flat parameters after training (the scores' source)
     * @param reference flat parameters at the rewind point (for the magnitude-increase criterion)
     */
    public static boolean[][] prune(ParamLayout layout, boolean[][] current, float[] trained, float[] reference,
                                    ExperimentSpec spec, int round) {
        float[][] scores = scores(layout, current, trained, reference, spec.maskCriterion());
        boolean[][] next = new boolean[layout.size()][];
        if (spec.pruning() == PruningStyle.LAYERWISE) {
            int[] targets = layerTargets(layout, spec, round);
            for (int i = 0; i < layout.size(); i++) {
                next[i] = keepTop(new float[][] {scores[i]}, new boolean[][] {current[i]}, targets[i])[0];
            }
        } else {
            List<Integer> pruned = new ArrayList<>();
            for (int i = 0; i < layout.size(); i++) {
                if (ignored(spec, layout.layers().get(i))) {
                    next[i] = current[i].clone();
                } else {
                    pruned.add(i);
                }
            }
            float[][] s = new float[pruned.size()][];
            boolean[][] c = new boolean[pruned.size()][];
            for (int j = 0; j < pruned.size(); j++) {
                s[j] = scores[pruned.get(j)];
                c[j] = current[pruned.get(j)];
            }
            boolean[][] kept = keepTop(s, c, globalTarget(layout, spec, round));
            for (int j = 0; j < pruned.size(); j++) {
                next[pruned.get(j)] = kept[j];
            }
        }
        return next;
    }

    /** A uniformly random mask with exactly {@code counts[i]} weights kept in layer {@code i}. */
    public static boolean[][] random(ParamLayout layout, int[] counts, long seed) {
        Random rng = new Random(seed);
        boolean[][] m = new boolean[layout.size()][];
        for (int i = 0; i < layout.size(); i++) {
            int n = layout.layers().get(i).size();
            int[] idx = new int[n];
            for (int j = 0; j < n; j++) {
                idx[j] = j;
            }
            for (int j = 0; j < counts[i]; j++) {
                int k = j + rng.nextInt(n - j);
                int t = idx[j];
                idx[j] = idx[k];
                idx[k] = t;
            }
            m[i] = new boolean[n];
            for (int j = 0; j < counts[i]; j++) {
                m[i][idx[j]] = true;
            }
        }
        return m;
    }

    /** Kept weights per layer. */
    public static int[] counts(boolean[][] masks) {
        int[] c = new int[masks.length];
        for (int i = 0; i < masks.length; i++) {
            for (boolean b : masks[i]) {
                if (b) {
                    c[i]++;
                }
            }
        }
        return c;
    }

    /** Flat multiplicative mask over all parameters: 1 for biases and kept weights, 0 for pruned weights. */
    public static float[] flatMask(ParamLayout layout, boolean[][] masks) {
        float[] flat = new float[Math.toIntExact(layout.totalParams())];
        Arrays.fill(flat, 1f);
        for (int i = 0; i < layout.size(); i++) {
            int off = (int) layout.offset(i);
            for (int j = 0; j < masks[i].length; j++) {
                if (!masks[i][j]) {
                    flat[off + j] = 0f;
                }
            }
        }
        return flat;
    }

    /** The masks as API records. */
    public static List<Mask> toMasks(ParamLayout layout, boolean[][] masks) {
        List<Mask> out = new ArrayList<>();
        for (int i = 0; i < layout.size(); i++) {
            LayerInfo l = layout.layers().get(i);
            out.add(new Mask(l.name(), l.shape(), masks[i].clone()));
        }
        return out;
    }

    /** API masks back to arrays, checking names and shapes against the layout. */
    public static boolean[][] fromMasks(ParamLayout layout, List<Mask> masks) {
        if (masks.size() != layout.size()) {
            throw new IllegalArgumentException("expected " + layout.size() + " masks, found " + masks.size());
        }
        boolean[][] out = new boolean[layout.size()][];
        for (int i = 0; i < layout.size(); i++) {
            LayerInfo l = layout.layers().get(i);
            Mask m = masks.get(i);
            if (!m.name().equals(l.name()) || !Arrays.equals(m.shape(), l.shape())) {
                throw new IllegalArgumentException("mask " + m + " does not match layer " + l);
            }
            out[i] = m.keep().clone();
        }
        return out;
    }

    /** The prunable layers' weights of a flat parameter vector as tensors (copies). */
    public static List<Tensor> tensors(ParamLayout layout, float[] flat) {
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < layout.size(); i++) {
            LayerInfo l = layout.layers().get(i);
            int off = (int) layout.offset(i);
            out.add(new Tensor(l.name(), l.shape(), Arrays.copyOfRange(flat, off, off + l.size())));
        }
        return out;
    }

    /**
     * The prunable layers' biases of a flat parameter vector as tensors {@code <layer>.bias} of shape
     * {@code (out,)} (copies); empty when the layout does not know where the biases are.
     */
    public static List<Tensor> biases(ParamLayout layout, float[] flat) {
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < layout.size(); i++) {
            int off = (int) layout.biasOffset(i);
            if (off < 0) {
                return List.of();
            }
            int n = layout.biasSize(i);
            out.add(new Tensor(org.lotterylab.api.store.Npz.biasName(layout.layers().get(i).name()), new int[] {n},
                    Arrays.copyOfRange(flat, off, off + n)));
        }
        return out;
    }

    /** Writes bias tensors (as {@link #biases}) into a flat parameter vector (other entries unchanged). */
    public static void writeBiases(ParamLayout layout, List<Tensor> biases, float[] flat) {
        for (int i = 0; i < layout.size(); i++) {
            Tensor t = biases.get(i);
            if (!t.name().equals(org.lotterylab.api.store.Npz.biasName(layout.layers().get(i).name()))
                    || t.size() != layout.biasSize(i) || layout.biasOffset(i) < 0) {
                throw new IllegalArgumentException("bias tensor " + t + " does not match layer "
                        + layout.layers().get(i));
            }
            System.arraycopy(t.data(), 0, flat, (int) layout.biasOffset(i), t.size());
        }
    }

    /** Writes tensors into a flat parameter vector (other entries unchanged). */
    public static void writeTensors(ParamLayout layout, List<Tensor> tensors, float[] flat) {
        for (int i = 0; i < layout.size(); i++) {
            LayerInfo l = layout.layers().get(i);
            Tensor t = tensors.get(i);
            if (!t.name().equals(l.name()) || t.size() != l.size()) {
                throw new IllegalArgumentException("tensor " + t + " does not match layer " + l);
            }
            System.arraycopy(t.data(), 0, flat, (int) layout.offset(i), l.size());
        }
    }

    /** Per-layer weights remaining. */
    public static List<LayerSummary> summaries(ParamLayout layout, boolean[][] masks) {
        int[] c = counts(masks);
        List<LayerSummary> out = new ArrayList<>();
        for (int i = 0; i < layout.size(); i++) {
            out.add(new LayerSummary(layout.layers().get(i).name(), masks[i].length, c[i]));
        }
        return out;
    }

    /** Fraction of all prunable weights remaining. */
    public static double fractionRemaining(boolean[][] masks) {
        long total = 0;
        long kept = 0;
        for (boolean[] m : masks) {
            total += m.length;
            for (boolean b : m) {
                if (b) {
                    kept++;
                }
            }
        }
        return total == 0 ? 1.0 : kept / (double) total;
    }

    private static float[][] scores(ParamLayout layout, boolean[][] current, float[] trained, float[] reference,
                                    MaskCriterion criterion) {
        float[][] s = new float[layout.size()][];
        for (int i = 0; i < layout.size(); i++) {
            int off = (int) layout.offset(i);
            int n = current[i].length;
            s[i] = new float[n];
            for (int j = 0; j < n; j++) {
                float w = Math.abs(trained[off + j]);
                s[i][j] = criterion == MaskCriterion.MAGNITUDE_INCREASE ? w - Math.abs(reference[off + j]) : w;
            }
        }
        return s;
    }

    /**
     * Keeps the {@code target} highest-scoring currently-kept entries across the given layers; ties go to the
     * lower (layer, index). Sorting packed 64-bit keys keeps this fast for hundreds of thousands of weights.
     */
    static boolean[][] keepTop(float[][] scores, boolean[][] current, int target) {
        int candidates = 0;
        for (boolean[] c : current) {
            for (boolean b : c) {
                if (b) {
                    candidates++;
                }
            }
        }
        if (target > candidates) {
            throw new IllegalStateException("cannot keep " + target + " weights: only " + candidates + " remain");
        }
        long[] keys = new long[candidates];
        int[] layerStart = new int[scores.length + 1];
        for (int i = 0; i < scores.length; i++) {
            layerStart[i + 1] = layerStart[i] + scores[i].length;
        }
        int k = 0;
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < scores[i].length; j++) {
                if (current[i][j]) {
                    int bits = Float.floatToIntBits(scores[i][j] == 0f ? 0f : scores[i][j]);
                    int sortable = bits ^ ((bits >> 31) & 0x7fffffff);
                    keys[k++] = ((long) ~sortable << 32) | ((layerStart[i] + j) & 0xffffffffL);
                }
            }
        }
        Arrays.sort(keys);
        boolean[][] out = new boolean[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            out[i] = new boolean[scores[i].length];
        }
        for (int t = 0; t < target; t++) {
            int flat = (int) (keys[t] & 0xffffffffL);
            int layer = 0;
            while (flat >= layerStart[layer + 1]) {
                layer++;
            }
            out[layer][flat - layerStart[layer]] = true;
        }
        return out;
    }
}
