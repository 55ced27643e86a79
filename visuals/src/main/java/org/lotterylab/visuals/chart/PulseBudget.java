package org.lotterylab.visuals.chart;

/**
 * The window's one rule for heavy work per pulse: at most one unit of it (a view's redraw, a batch of engine
 * events, a side view's update) per JavaFX pulse. Under software rendering one such unit with the layout and
 * painting it causes is most of a frame's budget; two in the same pulse made the longest frames of a live run
 * (measured with {@code -Djavafx.pulseLogger=true}: a finished round's accuracy redraw and the side views' update
 * in one pulse, 60 to 87 ms). Every scheduler that runs work from an {@code AnimationTimer} asks here first, with
 * the pulse's timestamp, and waits for a later pulse when the pulse is taken. FX thread only.
 */
public final class PulseBudget {
    private static long claimed = Long.MIN_VALUE;

    private PulseBudget() {
    }

    /**
     * Claims the pulse stamped {@code now} (the value an {@code AnimationTimer} is handed, the same for every
     * timer of one pulse): true when nobody had claimed it yet, false when this pulse's unit is taken.
     */
    public static boolean tryClaim(long now) {
        if (now == claimed) {
            return false;
        }
        claimed = now;
        return true;
    }
}
