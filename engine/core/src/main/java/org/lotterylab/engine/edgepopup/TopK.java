package org.lotterylab.engine.edgepopup;

/**
 * Selection of the k largest |score| of a layer without sorting.
 *
 * <p>Scores are compared by the bits of their absolute value ({@code floatToRawIntBits(s) & 0x7fffffff}):
 * for non-negative floats the integer order is the numeric order, -0.0 equals 0.0, and the comparison is a
 * plain integer one. {@link #kthLargest} is Hoare's selection (quickselect, median-of-three pivot; expected
 * O(n), with a sort as the fall-back after too many rounds), so finding a layer's threshold is one linear-time
 * selection per layer per step; {@link #kthLargestNear} narrows that selection to a band around the previous
 * step's threshold.
 *
 * <p><b>Rounding rule.</b> A layer of n weights keeping the fraction {@code keep} keeps
 * {@code k = round(keep * n)} edges (ties of .5 rounded up), at least 1 and at most n
 * ({@link #keptCount}). Ties at the threshold go to the lower flat index, so the count is exact.
 */
public final class TopK {

    private static final int INSERTION_BELOW = 16;

    private TopK() {
    }

    /**
     * Edges a layer of {@code n} weights keeps: {@code round(keep * n)}, half up, clamped to [1, n].
     *
     * @throws IllegalArgumentException when keep is not in (0, 1] or n < 1
     */
    public static int keptCount(int n, double keep) {
        if (!(keep > 0 && keep <= 1)) {
            throw new IllegalArgumentException("the fraction of edges kept must be in (0, 1] (got " + keep + ")");
        }
        if (n < 1) {
            throw new IllegalArgumentException("a layer needs at least one weight (got " + n + ")");
        }
        long k = (long) Math.floor(keep * n + 0.5);
        return (int) Math.max(1, Math.min(n, k));
    }

    /** The comparison key of a score: the bits of |s|, as a non-negative int. */
    public static int key(float s) {
        return Float.floatToRawIntBits(s) & 0x7fffffff;
    }

    /** The float value of a key. */
    public static float value(int key) {
        return Float.intBitsToFloat(key);
    }

    /**
     * The {@code k}-th largest (1-based) of {@code a[from .. from+len)}, reordering that range.
     *
     * @throws IllegalArgumentException when k is not in [1, len]
     */
    public static int kthLargest(int[] a, int from, int len, int k) {
        if (k < 1 || k > len) {
            throw new IllegalArgumentException("k must be in [1, " + len + "] (got " + k + ")");
        }
        int target = from + len - k;
        int lo = from;
        int hi = from + len - 1;
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(len)) + 8;
        while (hi > lo) {
            if (hi - lo < INSERTION_BELOW || budget-- == 0) {
                java.util.Arrays.sort(a, lo, hi + 1);
                return a[target];
            }
            int mid = (lo + hi) >>> 1;
            if (a[mid] < a[lo]) {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid]) {
                swap(a, hi, mid);
            }
            int pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            // now a[lo..j] <= pivot, a[i..hi] >= pivot and everything strictly between j and i equals pivot
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                return pivot;
            }
        }
        return a[target];
    }

    /**
     * A previous threshold and the half-width of the band searched around it, per layer: see
     * {@link #kthLargestNear}. Starts empty (the first selection is a full one).
     */
    public static final class Hint {
        private int threshold = -1;
        private int delta = 1 << 16;
        private long full;
        private long banded;

        /** Selections that had to look at every key (the first one, and misses of the band). */
        public long fullSelections() {
            return full;
        }

        /** Selections answered from the band around the previous threshold. */
        public long bandSelections() {
            return banded;
        }
    }

    /**
     * The {@code k}-th largest {@link #key} of {@code s[from .. from+n)}, using the previous threshold in
     * {@code hint}: one pass counts the keys above a band around it and copies the keys inside the band to
     * {@code scratch}; when the k-th largest lies in the band, only the band is selected from. Otherwise (and
     * the first time) every key is selected from, and the band widens. Edge-popup's thresholds move little
     * from step to step, so the usual cost is one simple pass plus a selection over a few percent of the keys.
     *
     * @param scratch at least {@code n} ints, overwritten
     */
    public static int kthLargestNear(float[] s, int from, int n, int k, int[] scratch, Hint hint) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be in [1, " + n + "] (got " + k + ")");
        }
        if (hint.threshold >= 0) {
            int thr = hint.threshold;
            int delta = hint.delta;
            int lo = Math.max(0, thr - delta);
            int hi = thr > Integer.MAX_VALUE - delta ? Integer.MAX_VALUE : thr + delta;
            int above = 0;
            int bn = 0;
            // branch-free count above the band; one rarely taken branch for the band (an unsigned range check)
            int span = hi - lo + Integer.MIN_VALUE;
            for (int i = from; i < from + n; i++) {
                int key = Float.floatToRawIntBits(s[i]) & 0x7fffffff;
                above += (hi - key) >>> 31;
                if (key - lo + Integer.MIN_VALUE <= span) {
                    scratch[bn++] = key;
                }
            }
            int need = k - above;
            if (need >= 1 && need <= bn) {
                int t = kthLargest(scratch, 0, bn, need);
                if (bn > n / 16) {
                    hint.delta = Math.max(1, delta / 2);
                }
                hint.threshold = t;
                hint.banded++;
                return t;
            }
            hint.delta = delta >= (1 << 28) ? Integer.MAX_VALUE / 2 : delta * 4;
        }
        for (int i = 0; i < n; i++) {
            scratch[i] = Float.floatToRawIntBits(s[from + i]) & 0x7fffffff;
        }
        int t = kthLargest(scratch, 0, n, k);
        hint.threshold = t;
        hint.full++;
        return t;
    }

    /**
     * The threshold key of a float array's top-k by |value|: the k-th largest {@link #key}. Copies, so the
     * input is left as it is (for tests and one-off use; the trainer reuses its own scratch arrays).
     */
    public static float threshold(float[] scores, int k) {
        int[] keys = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            keys[i] = key(scores[i]);
        }
        return value(kthLargest(keys, 0, keys.length, k));
    }

    /**
     * The top-k mask of {@code scores} by |score|: exactly {@code k} entries true, those with the largest
     * |score|, ties at the threshold to the lower index.
     */
    public static boolean[] mask(float[] scores, int k) {
        int thr = key(threshold(scores, k));
        boolean[] m = new boolean[scores.length];
        int taken = 0;
        for (int i = 0; i < scores.length; i++) {
            if (key(scores[i]) > thr) {
                m[i] = true;
                taken++;
            }
        }
        for (int i = 0; i < scores.length && taken < k; i++) {
            if (key(scores[i]) == thr) {
                m[i] = true;
                taken++;
            }
        }
        return m;
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
