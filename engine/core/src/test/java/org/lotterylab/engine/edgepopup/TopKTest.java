package org.lotterylab.engine.edgepopup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The selection behind edge-popup's masks: the rounding rule, quickselect against a sort, ties. */
class TopKTest {

    @Test
    void keptCountRoundsHalfUpAndKeepsAtLeastOneEdge() {
        assertEquals(3, TopK.keptCount(10, 0.25), "2.5 rounds up");
        assertEquals(2, TopK.keptCount(10, 0.24), "2.4 rounds down");
        assertEquals(1, TopK.keptCount(10, 0.05), "0.5 rounds up to 1");
        assertEquals(1, TopK.keptCount(10, 0.01), "never fewer than one edge");
        assertEquals(10, TopK.keptCount(10, 1.0));
        assertEquals(117_600, TopK.keptCount(300 * 784, 0.5));
        assertEquals(9, TopK.keptCount(30, 0.3), "0.3 * 30 is 8.999999999999998 in doubles, still 9");
        assertEquals(1, TopK.keptCount(1, 1e-9));
    }

    @Test
    void keptCountRejectsFractionsOutsideZeroToOne() {
        for (double bad : new double[] {0, -0.1, 1.0000001, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TopK.keptCount(10, bad));
            assertTrue(e.getMessage().contains("(0, 1]"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> TopK.keptCount(0, 0.5));
    }

    @Test
    void quickselectEqualsTheSortedKthValueOnRandomArrays() {
        Random rng = new Random(42);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rng.nextInt(trial < 200 ? 200 : 20_000);
            int[] a = new int[n];
            int kind = trial % 5;
            for (int i = 0; i < n; i++) {
                a[i] = switch (kind) {
                    case 0 -> TopK.key((float) rng.nextGaussian());
                    case 1 -> rng.nextInt(5);                 // many ties
                    case 2 -> i;                               // sorted
                    case 3 -> n - i;                           // reverse sorted
                    default -> 7;                              // all equal
                };
            }
            int[] sorted = a.clone();
            Arrays.sort(sorted);
            int k = 1 + rng.nextInt(n);
            int[] work = a.clone();
            assertEquals(sorted[n - k], TopK.kthLargest(work, 0, n, k), "trial " + trial + " n=" + n + " k=" + k);
            int[] sortedWork = work.clone();
            Arrays.sort(sortedWork);
            assertTrue(Arrays.equals(sorted, sortedWork), "selection only permutes");
        }
    }

    @Test
    void bandSelectionAroundThePreviousThresholdEqualsTheSortedValue() {
        Random rng = new Random(7);
        int n = 50_000;
        float[] s = new float[n + 10];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) rng.nextGaussian();
        }
        TopK.Hint hint = new TopK.Hint();
        int[] scratch = new int[n];
        for (int step = 0; step < 60; step++) {
            // small drifts, as between edge-popup steps, and now and then a jump that misses the band
            double scale = step % 20 == 19 ? 3.0 : 1.0;
            for (int i = 0; i < s.length; i++) {
                s[i] = (float) (s[i] * scale + 0.01 * rng.nextGaussian());
            }
            int k = 1 + (step * 7919) % n;
            int[] keys = new int[n];
            for (int i = 0; i < n; i++) {
                keys[i] = TopK.key(s[5 + i]);
            }
            Arrays.sort(keys);
            assertEquals(keys[n - k], TopK.kthLargestNear(s, 5, n, k, scratch, hint), "step " + step + " k=" + k);
        }
        assertTrue(hint.bandSelections() > 0, "most steps use the band");
        assertEquals(60, hint.bandSelections() + hint.fullSelections());
    }

    @Test
    void selectionWorksOnASubrangeAndLeavesTheRestAlone() {
        int[] a = {9, 9, 5, 1, 4, 3, 9, 9};
        assertEquals(4, TopK.kthLargest(a, 2, 4, 2));
        assertEquals(9, a[0]);
        assertEquals(9, a[7]);
        assertThrows(IllegalArgumentException.class, () -> TopK.kthLargest(a, 0, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> TopK.kthLargest(a, 0, 3, 0));
    }

    @Test
    void thresholdIsTheKthLargestMagnitude() {
        Random rng = new Random(5);
        float[] s = new float[1001];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) rng.nextGaussian();
        }
        float[] abs = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            abs[i] = Math.abs(s[i]);
        }
        Arrays.sort(abs);
        for (int k : new int[] {1, 2, 500, 1000, 1001}) {
            assertEquals(abs[s.length - k], TopK.threshold(s, k), "k=" + k);
        }
    }

    @Test
    void maskKeepsExactlyKOfTheLargestMagnitudesAndBreaksTiesByIndex() {
        float[] s = {0.5f, -0.9f, 0.2f, -0.5f, 0.5f, 0.1f, -0.0f, 0.0f};
        boolean[] m = TopK.mask(s, 3);
        // |s|: .5 .9 .2 .5 .5 .1 0 0 -> .9 is in, then two of the three .5 ties: the lower indices 0 and 3
        assertTrue(Arrays.equals(new boolean[] {true, true, false, true, false, false, false, false}, m));
        boolean[] zeros = TopK.mask(new float[] {-0.0f, 0.0f, 0.0f}, 2);
        assertTrue(Arrays.equals(new boolean[] {true, true, false}, zeros), "-0.0 ties with 0.0");

        Random rng = new Random(9);
        float[] r = new float[5000];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) rng.nextGaussian();
        }
        int k = TopK.keptCount(r.length, 0.3);
        boolean[] mr = TopK.mask(r, k);
        int kept = 0;
        float minKept = Float.POSITIVE_INFINITY;
        float maxDropped = 0;
        for (int i = 0; i < r.length; i++) {
            if (mr[i]) {
                kept++;
                minKept = Math.min(minKept, Math.abs(r[i]));
            } else {
                maxDropped = Math.max(maxDropped, Math.abs(r[i]));
            }
        }
        assertEquals(k, kept);
        assertTrue(minKept >= maxDropped, "every kept |score| is at least every dropped one");
    }
}
