package org.lotterylab.visuals.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Connections that a first-layer mask of shape (units, C*H*W) keeps per input pixel (inputs flattened
 * channel-major, as numpy's C order for (C, H, W)).
 */
public final class InputConnectivity {
    private InputConnectivity() {
    }

    /** Kept connections per pixel (index y * w + x), summed over units and channels. */
    public static int[] pixelCounts(boolean[] keep, int units, int c, int h, int w) {
        check(keep, units, c, h, w);
        int hw = h * w;
        int cols = c * hw;
        int[] counts = new int[hw];
        for (int u = 0; u < units; u++) {
            int base = u * cols;
            for (int ch = 0; ch < c; ch++) {
                int off = base + ch * hw;
                for (int p = 0; p < hw; p++) {
                    if (keep[off + p]) {
                        counts[p]++;
                    }
                }
            }
        }
        return counts;
    }

    /** Kept connections of one unit per pixel (0..c). */
    public static int[] unitCounts(boolean[] keep, int unit, int c, int h, int w) {
        int hw = h * w;
        int[] counts = new int[hw];
        int base = unit * c * hw;
        for (int ch = 0; ch < c; ch++) {
            for (int p = 0; p < hw; p++) {
                if (keep[base + ch * hw + p]) {
                    counts[p]++;
                }
            }
        }
        return counts;
    }

    /** Kept connections of every unit. */
    public static int[] unitTotals(boolean[] keep, int units, int cols) {
        int[] t = new int[units];
        for (int u = 0; u < units; u++) {
            int s = 0;
            for (int i = u * cols, e = i + cols; i < e; i++) {
                if (keep[i]) {
                    s++;
                }
            }
            t[u] = s;
        }
        return t;
    }

    /** Up to {@code n} units: the first ones, or those with the most kept connections (ties by index). */
    public static int[] chooseUnits(boolean[] keep, int units, int cols, int n, boolean mostConnected) {
        int k = Math.min(n, units);
        if (!mostConnected) {
            return IntStream.range(0, k).toArray();
        }
        int[] totals = unitTotals(keep, units, cols);
        return IntStream.range(0, units).boxed()
                .sorted(Comparator.<Integer>comparingInt(u -> -totals[u]).thenComparingInt(u -> u))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    /** Guesses (C, H, W) from a flattened input size: square greyscale, else square RGB; null otherwise. */
    public static int[] inferShape(int cols) {
        int s = (int) Math.round(Math.sqrt(cols));
        if (s * s == cols) {
            return new int[] {1, s, s};
        }
        if (cols % 3 == 0) {
            int s3 = (int) Math.round(Math.sqrt(cols / 3.0));
            if (s3 * s3 * 3 == cols) {
                return new int[] {3, s3, s3};
            }
        }
        return null;
    }

    /** Largest value in {@code a} (0 for empty). */
    public static int max(int[] a) {
        return Arrays.stream(a).max().orElse(0);
    }

    private static void check(boolean[] keep, int units, int c, int h, int w) {
        if ((long) units * c * h * w != keep.length) {
            throw new IllegalArgumentException("mask of " + keep.length + " flags is not " + units + " x " + c + "*" + h + "*" + w);
        }
    }
}
