package org.lotterylab.engine.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.theory.SubsetSumPoint;

class SubsetSumExperimentTest {

    @Test
    void errorFallsWithTheNumberOfCandidatesAboutOneBitEach() {
        List<SubsetSumPoint> pts = new SubsetSumExperiment(20, 50, 10, 1).run();
        assertEquals(19, pts.size());
        // the median falls every 3 candidates; the mean (heavy-tailed: a draw may not reach targets near +-1)
        // over every 8
        for (int k = 3; k < pts.size(); k += 3) {
            SubsetSumPoint a = pts.get(k - 3);
            SubsetSumPoint b = pts.get(k);
            assertTrue(b.uniform().median() < a.uniform().median(), a + " -> " + b);
            assertTrue(b.product().median() < a.product().median(), a + " -> " + b);
        }
        for (int k = 8; k < pts.size(); k += 8) {
            assertTrue(pts.get(k).uniform().mean() < pts.get(k - 8).uniform().mean(), pts.toString());
            assertTrue(pts.get(k).product().mean() < pts.get(k - 8).product().mean(), pts.toString());
        }
        int[] n = pts.stream().mapToInt(SubsetSumPoint::candidates).toArray();
        double[] e = pts.stream().mapToDouble(p -> p.uniform().median()).toArray();
        double bits = SubsetSumTheory.bitsPerCandidate(n, e, 8);
        assertTrue(bits > 0.8 && bits < 1.2, "about one bit per candidate: " + bits);
        SubsetSumPoint p20 = pts.get(pts.size() - 1);
        // nearest-point distances are about exponential, so the median is about ln 2 of the predicted mean
        double ratio = p20.uniform().median() / p20.uniform().theory();
        assertTrue(ratio > 0.4 && ratio < 1.2, "median / theory's mean at n=20: " + ratio);
    }

    @Test
    void sameSeedSameNumbersOtherSeedOthers() {
        assertEquals(new SubsetSumExperiment(10, 3, 5, 7).run(), new SubsetSumExperiment(10, 3, 5, 7).run());
        assertNotEquals(new SubsetSumExperiment(10, 3, 5, 7).run(), new SubsetSumExperiment(10, 3, 5, 8).run());
        assertEquals(new SubsetSumExperiment(10, 3, 5, 7).point(6), new SubsetSumExperiment(16, 3, 5, 7).point(6),
                "a point does not depend on the range swept");
    }

    @Test
    void theoryLineHalvesPerCandidate() {
        double r = SubsetSumTheory.meanError(30, CandidateDistribution.UNIFORM)
                / SubsetSumTheory.meanError(31, CandidateDistribution.UNIFORM);
        assertEquals(2.0, r, 0.05);
        // for targets near 0 the line is sqrt(pi n s) / 2^(n+1); averaging over [-1, 1] adds a little
        double atZero = Math.sqrt(Math.PI * 30 / 3.0) / Math.pow(2, 31);
        double line = SubsetSumTheory.meanError(30, CandidateDistribution.UNIFORM);
        assertTrue(line > atZero && line < 1.05 * atZero, line + " vs " + atZero);
    }
}
