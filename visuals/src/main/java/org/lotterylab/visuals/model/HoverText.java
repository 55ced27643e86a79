package org.lotterylab.visuals.model;

import java.util.Locale;

/** The hover/status text of the weight heatmap and of the input-pixel map. */
public final class HoverText {
    private HoverText() {
    }

    /**
     * Describes one weight.
     *
     * @param layer      layer name
     * @param row        output unit
     * @param col        flattened input
     * @param theta0     initial value (NaN when unknown)
     * @param current    final value at the shown round (NaN when not held in memory)
     * @param info       kept/pruned and when
     * @param shownRound the shown round
     */
    public static String weight(String layer, int row, int col, float theta0, float current, PrunedInfo info,
                                int shownRound) {
        StringBuilder sb = new StringBuilder();
        sb.append(layer).append("  row ").append(row).append(", col ").append(col);
        sb.append("  |  θ0 = ").append(num(theta0));
        sb.append("  |  value at round ").append(shownRound).append(" = ").append(num(current));
        sb.append("  |  ");
        if (info.kept()) {
            sb.append("kept through round ").append(shownRound);
        } else if (info.exact()) {
            sb.append("pruned in round ").append(info.round());
        } else {
            sb.append("pruned in round ").append(info.round()).append(" or earlier");
        }
        return sb.toString();
    }

    /** Describes one input pixel of the connectivity map. */
    public static String pixel(int x, int y, int count, int max) {
        return String.format(Locale.ROOT, "pixel (x %d, y %d): %d of %d connections kept", x, y, count, max);
    }

    /** A weight value with 4 significant decimals, or "n/a" when unknown. */
    public static String num(float v) {
        if (Float.isNaN(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%+.4f", v);
    }
}
