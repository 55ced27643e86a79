package org.lotterylab.engine.theory;

/**
 * Exact best-subset search by meet in the middle: the candidates are split in two halves, all 2^(n/2) sums of
 * each half are listed and sorted once, and a query walks the two sorted lists against each other (one
 * ascending, one descending), which finds the subset whose sum is nearest the target among all 2^n subsets in
 * O(2^(n/2)) steps. The empty subset (sum 0) counts as a subset.
 *
 * <p>Memory is 2 * 2^(n/2) doubles and ints; n is limited to {@link #MAX_CANDIDATES}.
 */
public final class SubsetSumIndex {
    /** The largest number of candidates (2 * 2^20 sums). */
    public static final int MAX_CANDIDATES = 40;

    private final double[] candidates;
    private final int lowCount;
    private final double[] lowSums;
    private final int[] lowMasks;
    private final double[] highSums;
    private final int[] highMasks;

    /** The best subset found for a target. */
    public record Best(long mask, double sum, double error) {
        /** Whether candidate {@code i} is in the subset. */
        public boolean contains(int i) {
            return (mask >>> i & 1L) != 0;
        }
    }

    /** Lists and sorts the half sums of {@code candidates} (copied). */
    public SubsetSumIndex(double[] candidates) {
        if (candidates.length > MAX_CANDIDATES) {
            throw new IllegalArgumentException("at most " + MAX_CANDIDATES + " candidates, got " + candidates.length);
        }
        this.candidates = candidates.clone();
        this.lowCount = candidates.length / 2;
        int highCount = candidates.length - lowCount;
        Half low = half(0, lowCount);
        Half high = half(lowCount, highCount);
        lowSums = low.sums();
        lowMasks = low.masks();
        highSums = high.sums();
        highMasks = high.masks();
    }

    /** The candidates. */
    public double[] candidates() {
        return candidates.clone();
    }

    /** The subset of the candidates whose sum is nearest {@code target} (exact). */
    public Best best(double target) {
        int i = 0;
        int j = highSums.length - 1;
        double bestErr = Double.POSITIVE_INFINITY;
        int bi = 0;
        int bj = 0;
        while (i < lowSums.length && j >= 0) {
            double s = lowSums[i] + highSums[j];
            double err = Math.abs(s - target);
            if (err < bestErr) {
                bestErr = err;
                bi = i;
                bj = j;
            }
            if (s > target) {
                j--;
            } else if (s < target) {
                i++;
            } else {
                break;
            }
        }
        long mask = (lowMasks[bi] & 0xffffffffL) | ((long) highMasks[bj] & 0xffffffffL) << lowCount;
        // the sum recomputed from the chosen candidates, in index order (what a network computing it adds)
        double sum = sumOf(candidates, mask);
        return new Best(mask, sum, Math.abs(sum - target));
    }

    /** The sum of the candidates selected by {@code mask}, added in index order. */
    public static double sumOf(double[] candidates, long mask) {
        double s = 0;
        for (int k = 0; k < candidates.length; k++) {
            if ((mask >>> k & 1L) != 0) {
                s += candidates[k];
            }
        }
        return s;
    }

    /**
     * The sums of all subsets of candidates[from, from + count) in ascending order, with their masks
     * (relative to {@code from}): the sorted list is doubled once per candidate by merging it with itself
     * shifted by that candidate, O(2^count) in all.
     */
    private Half half(int from, int count) {
        int size = 1 << count;
        double[] sums = new double[size];
        int[] masks = new int[size];
        double[] nextSums = new double[size];
        int[] nextMasks = new int[size];
        int len = 1;
        for (int c = 0; c < count; c++) {
            double add = candidates[from + c];
            int bit = 1 << c;
            int a = 0;
            int b = 0;
            int o = 0;
            while (a < len || b < len) {
                boolean takeA = b >= len || (a < len && sums[a] <= sums[b] + add);
                if (takeA) {
                    nextSums[o] = sums[a];
                    nextMasks[o++] = masks[a++];
                } else {
                    nextSums[o] = sums[b] + add;
                    nextMasks[o++] = masks[b++] | bit;
                }
            }
            len *= 2;
            double[] ts = sums;
            sums = nextSums;
            nextSums = ts;
            int[] tm = masks;
            masks = nextMasks;
            nextMasks = tm;
        }
        return new Half(sums, masks);
    }

    private record Half(double[] sums, int[] masks) {
    }
}
