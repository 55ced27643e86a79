package org.lotterylab.visuals.model;

/** A perceptually ordered dark-to-bright palette (viridis-like), for counts; ARGB ints. */
public final class SequentialPalette {
    private static final int[] STOPS = {0xFF440154, 0xFF3B528B, 0xFF21918C, 0xFF5EC962, 0xFFFDE725};

    private SequentialPalette() {
    }

    /** Colour for {@code t} in [0, 1] (clamped). */
    public static int at(double t) {
        if (!(t > 0)) {
            return STOPS[0];
        }
        if (t >= 1) {
            return STOPS[STOPS.length - 1];
        }
        double x = t * (STOPS.length - 1);
        int i = (int) Math.floor(x);
        return HeatmapPalette.lerp(STOPS[i], STOPS[i + 1], x - i);
    }

    /** Colour for {@code value} on the scale [0, max]. */
    public static int at(int value, int max) {
        return at(max <= 0 ? 0 : value / (double) max);
    }
}
