package org.lotterylab.engine.lmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Points on the path, without any network. */
class InterpolationTest {

    @Test
    void alphasAreEvenlySpacedAndIncludeBothEndpoints() {
        for (int n : new int[] {2, 3, 7, 30, 101}) {
            double[] a = Interpolation.alphas(n);
            assertEquals(n, a.length);
            assertEquals(0.0, a[0], 0.0);
            assertEquals(1.0, a[n - 1], 0.0);
            double step = 1.0 / (n - 1);
            for (int i = 1; i < n; i++) {
                assertEquals(step, a[i] - a[i - 1], 1e-12, "spacing at " + i + " of " + n);
                assertEquals(i / (double) (n - 1), a[i], 0.0);
            }
        }
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, Interpolation.alphas(5), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Interpolation.alphas(1));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
    }

    @Test
    void endpointsAreTheTwoNetworksBitForBit() {
        Random r = new Random(5);
        float[] w1 = new float[1000];
        float[] w2 = new float[1000];
        for (int i = 0; i < w1.length; i++) {
            w1[i] = (float) r.nextGaussian() * 1e-3f;
            w2[i] = (float) r.nextGaussian() * 1e3f;
        }
        w1[3] = -0.0f; // a sum with 0 * w2 would turn this into +0.0
        w1[4] = Float.MIN_VALUE;
        w2[5] = -0.0f;
        assertArrayEquals(w1, Interpolation.point(w1, w2, null, 29, 30), "alpha = 1 is W1");
        assertArrayEquals(w2, Interpolation.point(w1, w2, null, 0, 30), "alpha = 0 is W2");
        assertArrayEquals(w1, Interpolation.point(w1, w2, null, 1.0));
        assertArrayEquals(w2, Interpolation.point(w1, w2, null, 0.0));
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(Interpolation.point(w1, w2, null, 29, 30)[3]));
    }

    @Test
    void interiorPointsAreTheFloatBlend() {
        float[] w1 = {1f, -2f, 4f};
        float[] w2 = {3f, 2f, 0f};
        float[] mid = Interpolation.point(w1, w2, null, 2, 5); // alpha 0.5
        assertArrayEquals(new float[] {2f, 0f, 2f}, mid, 0f);
        float[] q = Interpolation.point(w1, w2, null, 1, 5); // alpha 0.25
        assertArrayEquals(new float[] {0.25f * 1f + 0.75f * 3f, 0.25f * -2f + 0.75f * 2f, 0.25f * 4f}, q, 0f);
        assertArrayEquals(q, Interpolation.point(w1, w2, null, 0.25));
    }

    @Test
    void prunedEntriesArePositiveZeroAtEveryAlpha() {
        Random r = new Random(9);
        int n = 500;
        float[] w1 = new float[n];
        float[] w2 = new float[n];
        float[] mask = new float[n];
        for (int i = 0; i < n; i++) {
            mask[i] = r.nextBoolean() ? 1f : 0f;
            w1[i] = (float) r.nextGaussian();
            w2[i] = (float) r.nextGaussian();
            if (mask[i] == 0f && r.nextBoolean()) {
                // what a multiplicative mask leaves behind: signed zeros, and stale values
                w1[i] = -0.0f;
                w2[i] = -0.0f;
            }
        }
        for (int i = 0; i < 30; i++) {
            float[] p = Interpolation.point(w1, w2, mask, i, 30);
            for (int j = 0; j < n; j++) {
                if (mask[j] == 0f) {
                    assertEquals(0, Float.floatToRawIntBits(p[j]), "entry " + j + " at point " + i + " is " + p[j]);
                } else if (i == 29) {
                    assertEquals(Float.floatToRawIntBits(w1[j]), Float.floatToRawIntBits(p[j]));
                } else if (i == 0) {
                    assertEquals(Float.floatToRawIntBits(w2[j]), Float.floatToRawIntBits(p[j]));
                }
            }
        }
    }

    @Test
    void vectorsOfDifferentLengthAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Interpolation.point(new float[2], new float[3], null, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> Interpolation.point(new float[2], new float[2], new float[3], 0.5));
        assertThrows(IllegalArgumentException.class, () -> Interpolation.point(new float[2], new float[2], null, 5, 5));
    }
}
