package org.lotterylab.visuals.model;

/**
 * Colours of the weight heatmap as opaque ARGB ints: kept weights by sign (blue negative, red positive)
 * with brightness growing with |w| relative to the layer's largest kept |w|; pruned weights near black;
 * weights pruned in the shown round (kept in the round before) yellow.
 */
public final class HeatmapPalette {
    /** Pruned weight. */
    public static final int PRUNED = 0xFF0E0E10;
    /** Weight pruned in the shown round. */
    public static final int NEWLY_PRUNED = 0xFFFFD91A;
    /** Smallest negative kept weight. */
    public static final int NEG_LOW = 0xFF1C3557;
    /** Largest negative kept weight. */
    public static final int NEG_HIGH = 0xFF7CC4FF;
    /** Smallest positive kept weight. */
    public static final int POS_LOW = 0xFF5A1F1C;
    /** Largest positive kept weight. */
    public static final int POS_HIGH = 0xFFFF7A5C;
    /** A kept weight whose value is unknown. */
    public static final int KEPT_UNKNOWN = 0xFF8A8A8A;

    private HeatmapPalette() {
    }

    /** Levels per sign: |w| / max is quantised to 256 steps, then mapped through sqrt for contrast. */
    private static final int LEVELS = 256;
    private static final int[] NEG_LUT = new int[LEVELS];
    private static final int[] POS_LUT = new int[LEVELS];

    static {
        for (int i = 0; i < LEVELS; i++) {
            double t = Math.sqrt(i / (double) (LEVELS - 1));
            NEG_LUT[i] = lerp(NEG_LOW, NEG_HIGH, t);
            POS_LUT[i] = lerp(POS_LOW, POS_HIGH, t);
        }
    }

    /** Colour of a kept weight {@code w} when the layer's largest kept |w| is {@code maxAbs}. */
    public static int kept(float w, float maxAbs) {
        if (!Float.isFinite(w)) {
            return KEPT_UNKNOWN;
        }
        float scale = maxAbs > 0 ? (LEVELS - 1) / maxAbs : 0f;
        return keptScaled(w, scale);
    }

    private static int keptScaled(float w, float scale) {
        float a = Math.abs(w) * scale + 0.5f;
        int level = a >= LEVELS - 1 ? LEVELS - 1 : (int) a;
        return w < 0 ? NEG_LUT[level] : POS_LUT[level];
    }

    /** Linear blend of two opaque colours, {@code t} in [0, 1]. */
    public static int lerp(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xFF) + (((b >> 16) & 0xFF) - ((a >> 16) & 0xFF)) * t);
        int g = (int) Math.round(((a >> 8) & 0xFF) + (((b >> 8) & 0xFF) - ((a >> 8) & 0xFF)) * t);
        int bl = (int) Math.round((a & 0xFF) + ((b & 0xFF) - (a & 0xFF)) * t);
        return 0xFF000000 | (r << 16) | (g << 8) | bl;
    }

    /**
     * Fills {@code out} (one ARGB per weight, row-major) for one layer.
     *
     * @param keep     mask bits of the shown round
     * @param previous mask bits of the round before, or null when unknown (no highlighting)
     * @param values   values that set kept weights' colours (final weights of the shown round, or theta_0),
     *                 or null (then kept weights are grey)
     * @param maxAbs   largest kept |value| of the layer
     * @param out      output, at least as long as the layer
     * @param size     number of weights
     * @return number of weights pruned in the shown round
     */
    public static int render(long[] keep, long[] previous, float[] values, float maxAbs, int[] out, int size) {
        int newly = 0;
        float scale = maxAbs > 0 ? (LEVELS - 1) / maxAbs : 0f;
        for (int word = 0, base = 0; base < size; word++, base += 64) {
            long k = keep[word];
            long p = previous == null ? 0L : previous[word];
            int end = Math.min(size, base + 64);
            for (int i = base; i < end; i++) {
                long bit = 1L << (i - base);
                if ((k & bit) != 0) {
                    if (values == null) {
                        out[i] = KEPT_UNKNOWN;
                    } else {
                        float w = values[i];
                        out[i] = Float.isFinite(w) ? keptScaled(w, scale) : KEPT_UNKNOWN;
                    }
                } else if ((p & bit) != 0) {
                    out[i] = NEWLY_PRUNED;
                    newly++;
                } else {
                    out[i] = PRUNED;
                }
            }
        }
        return newly;
    }

    /** CSS hex ({@code #rrggbb}) of an ARGB colour. */
    public static String hex(int argb) {
        return String.format("#%06x", argb & 0xFFFFFF);
    }
}
