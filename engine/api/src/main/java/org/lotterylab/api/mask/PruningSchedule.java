package org.lotterylab.api.mask;

/**
 * The pruning schedule: after {@code n} rounds at rate {@code p} (fraction removed per round), a layer
 * of {@code N} weights keeps {@code Math.round(N * (1 - p)^n)} weights (round half up, computed from the
 * original count, so rounding errors never accumulate).
 */
public final class PruningSchedule {

    private PruningSchedule() {
    }

    /** Weights kept after {@code round} rounds of removing {@code rate} of the remaining weights. */
    public static int keptAfter(int total, double rate, int round) {
        if (round <= 0 || rate == 0) {
            return total;
        }
        return (int) Math.round(total * Math.pow(1.0 - rate, round));
    }

    /** Fraction remaining after {@code round} rounds at {@code rate} (before rounding to whole weights). */
    public static double fractionAfter(double rate, int round) {
        return Math.pow(1.0 - rate, Math.max(0, round));
    }
}
