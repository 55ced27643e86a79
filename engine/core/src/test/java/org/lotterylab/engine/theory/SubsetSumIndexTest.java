package org.lotterylab.engine.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SubsetSumIndexTest {

    /** The smallest error over all 2^n subsets, by enumeration. */
    private static double bruteForce(double[] c, double target) {
        double best = Double.POSITIVE_INFINITY;
        for (long m = 0; m < 1L << c.length; m++) {
            best = Math.min(best, Math.abs(SubsetSumIndex.sumOf(c, m) - target));
        }
        return best;
    }

    @Test
    void findsTheOptimalSubsetOnTinyProblems() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int n = 1; n <= 12; n++) {
            for (int rep = 0; rep < 20; rep++) {
                double[] c = CandidateDistribution.values()[rep % 2].draw(rnd, n);
                SubsetSumIndex index = new SubsetSumIndex(c);
                for (int t = 0; t < 10; t++) {
                    double target = 2 * rnd.nextDouble() - 1;
                    SubsetSumIndex.Best b = index.best(target);
                    assertEquals(bruteForce(c, target), b.error(), 1e-12, "n=" + n);
                    assertEquals(SubsetSumIndex.sumOf(c, b.mask()), b.sum(), 0.0, "the sum is the subset's");
                    assertEquals(Math.abs(b.sum() - target), b.error(), 0.0);
                }
            }
        }
    }

    @Test
    void handComputedCase() {
        SubsetSumIndex index = new SubsetSumIndex(new double[] {0.5, -0.25, 0.125});
        SubsetSumIndex.Best b = index.best(0.4);
        assertEquals(0.375, b.sum(), 0.0, "0.5 + (-0.25) + 0.125");
        assertEquals(0b111, b.mask());
        assertEquals(0.0, index.best(0.0).sum(), 0.0, "the empty subset counts");
        assertEquals(-0.25, index.best(-0.9).sum(), 0.0);
    }

    @Test
    void refusesTooManyCandidates() {
        assertThrows(IllegalArgumentException.class, () -> new SubsetSumIndex(new double[41]));
    }
}
