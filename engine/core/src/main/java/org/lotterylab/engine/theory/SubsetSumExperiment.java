package org.lotterylab.engine.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.lotterylab.api.theory.ErrorSummary;
import org.lotterylab.api.theory.SubsetSumPoint;

/**
 * The subset-sum experiment: for n = 2..maxCandidates, {@code draws} sets of n random candidates, and for each
 * set {@code targetsPerDraw} targets uniform on [-1, 1]; the exact best subset of each set for each target
 * ({@link SubsetSumIndex}), its error summarised against {@link SubsetSumTheory}. Every n and distribution
 * draws from its own stream split from the seed, so a point does not depend on the range swept.
 *
 * @param maxCandidates  the largest n (2 to {@link SubsetSumIndex#MAX_CANDIDATES})
 * @param draws          candidate sets per n
 * @param targetsPerDraw targets per candidate set
 * @param seed           the seed
 */
public record SubsetSumExperiment(int maxCandidates, int draws, int targetsPerDraw, long seed) {

    /** Checks the ranges. */
    public SubsetSumExperiment {
        if (maxCandidates < 2 || maxCandidates > SubsetSumIndex.MAX_CANDIDATES) {
            throw new IllegalArgumentException("max candidates must be 2.." + SubsetSumIndex.MAX_CANDIDATES
                    + ", got " + maxCandidates);
        }
        if (draws < 1 || targetsPerDraw < 1) {
            throw new IllegalArgumentException("draws and targets per draw must be positive");
        }
    }

    /** One point per n = 2..maxCandidates. */
    public List<SubsetSumPoint> run() {
        List<SubsetSumPoint> out = new ArrayList<>();
        for (int n = 2; n <= maxCandidates; n++) {
            out.add(point(n));
        }
        return out;
    }

    /** The point for {@code n} candidates. */
    public SubsetSumPoint point(int n) {
        return new SubsetSumPoint(n, draws * targetsPerDraw, summary(n, CandidateDistribution.UNIFORM),
                summary(n, CandidateDistribution.PRODUCT));
    }

    private ErrorSummary summary(int n, CandidateDistribution d) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + n * 31L + d.ordinal());
        double[] errors = new double[draws * targetsPerDraw];
        int e = 0;
        for (int s = 0; s < draws; s++) {
            SubsetSumIndex index = new SubsetSumIndex(d.draw(rnd, n));
            for (int t = 0; t < targetsPerDraw; t++) {
                errors[e++] = index.best(CandidateDistribution.uniform(rnd)).error();
            }
        }
        return summarise(errors, SubsetSumTheory.meanError(n, d));
    }

    static ErrorSummary summarise(double[] errors, double theory) {
        double[] sorted = errors.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        int m = sorted.length;
        double median = m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
        return new ErrorSummary(sum / m, median, sorted[m - 1], theory);
    }
}
