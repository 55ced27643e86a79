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

    /** Colour of a kept weight {@code w} when the layer's largest kept |w| is {@code maxAbs}. */
    public static int kept(float w, float maxAbs) {
        if (!Float.isFinite(w)) {
            return KEPT_UNKNOWN;
        }
        double t = maxAbs > 0 ? Math.min(1.0, Math.abs(w) / maxAbs) : 0.0;
        t = Math.sqrt(t);
        return w < 0 ? lerp(NEG_LOW, NEG_HIGH, t) : lerp(POS_LOW, POS_HIGH, t);
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
     * @return number of weights pruned in the shown round
     */
    public static int render(long[] keep, long[] previous, float[] values, float maxAbs, int[] out, int size) {
        int newly = 0;
        for (int i = 0; i < size; i++) {
            if (Bits.get(keep, i)) {
                out[i] = values == null ? KEPT_UNKNOWN : kept(values[i], maxAbs);
            } else if (previous != null && Bits.get(previous, i)) {
                out[i] = NEWLY_PRUNED;
                newly++;
            } else {
                out[i] = PRUNED;
            }
        }
        return newly;
    }

    /** CSS hex ({@code #rrggbb}) of an ARGB colour. */
    public static String hex(int argb) {
        return String.format("#%06x", argb & 0xFFFFFF);
    }
}
