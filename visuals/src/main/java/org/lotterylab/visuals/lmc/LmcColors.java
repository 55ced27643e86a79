package org.lotterylab.visuals.lmc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stable colours and marker shapes for LMC series: each new series name gets the next colour of the
 * colour-blind-safe Okabe-Ito set, in order of first use; seed pairs differ by marker shape.
 */
public final class LmcColors {
    private static final String[] COLORS = {"#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9",
        "#222222", "#b8a000", "#882255", "#44aa99", "#999933", "#aa4499"};
    private static final String[] MARKERS = {"circle", "rectangle", "diamond", "cross", "plus"};

    private final Map<String, String> assigned = new LinkedHashMap<>();

    /** The colour of {@code name} ({@code #rrggbb}), assigning the next free one on first use. */
    public String color(String name) {
        return assigned.computeIfAbsent(name, n -> COLORS[assigned.size() % COLORS.length]);
    }

    /** The marker shape of seed pair {@code pair}. */
    public static String marker(int pair) {
        return MARKERS[Math.floorMod(pair, MARKERS.length)];
    }

    /** A percentage for labels: {@code 2%}, {@code 0.5%}, {@code 1.25%} (at most two decimals). */
    public static String percent(double fraction) {
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(100 * fraction).setScale(2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return (d.scale() < 0 ? d.setScale(0) : d).toPlainString() + "%";
    }

    /** Forgets all assignments. */
    public void clear() {
        assigned.clear();
    }
}
