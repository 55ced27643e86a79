package org.lotterylab.engine.util;

/**
 * Derives independent, reproducible seeds from the experiment seed and a purpose, so that, for example,
 * the data order of round 3 depends only on (seed, "order", 3) and never on state a crash could lose.
 */
public final class Seeds {

    private Seeds() {
    }

    /** A seed for {@code purpose} and {@code index}, mixed with SplitMix64's finaliser. */
    public static long derive(long seed, String purpose, long index) {
        long h = seed;
        h = mix(h ^ purpose.hashCode());
        h = mix(h + 0x9E3779B97F4A7C15L * (index + 1));
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
