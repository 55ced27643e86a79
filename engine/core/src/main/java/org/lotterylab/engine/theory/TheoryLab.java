package org.lotterylab.engine.theory;

import java.util.List;
import org.lotterylab.api.theory.SubsetSumPoint;
import org.lotterylab.api.theory.TheoryReport;

/**
 * Runs both theory experiments for one seed and reports them together.
 *
 * @param seed          the seed
 * @param maxCandidates the largest number of subset-sum candidates
 * @param widths        the construction's width multipliers
 */
public record TheoryLab(long seed, int maxCandidates, List<Integer> widths) {
    /** Candidate sets per number of candidates. */
    public static final int DRAWS = 100;
    /** Targets per candidate set. */
    public static final int TARGETS_PER_DRAW = 20;
    /**
     * The bits-per-candidate fit (of the median error, which the rare draws that cannot reach targets near
     * +-1 do not move) uses n from here on (below, the sums do not yet cover [-1, 1] evenly).
     */
    public static final int FIT_FROM = 8;
    /** The default widths. */
    public static final List<Integer> DEFAULT_WIDTHS = List.of(2, 4, 8, 12, 16, 24, 32, 48, 64);
    /** The default largest number of candidates. */
    public static final int DEFAULT_MAX_CANDIDATES = 32;

    /** Copies the widths. */
    public TheoryLab {
        widths = List.copyOf(widths);
    }

    /** Runs the subset-sum sweep and the construction (deterministic for the seed). */
    public TheoryReport run() {
        List<SubsetSumPoint> points = new SubsetSumExperiment(maxCandidates, DRAWS, TARGETS_PER_DRAW, seed).run();
        int[] n = new int[points.size()];
        double[] uniform = new double[n.length];
        double[] product = new double[n.length];
        for (int k = 0; k < n.length; k++) {
            n[k] = points.get(k).candidates();
            uniform[k] = points.get(k).uniform().median();
            product[k] = points.get(k).product().median();
        }
        ConstructionExperiment construction = new ConstructionExperiment(widths, seed);
        ReluNet target = construction.target();
        double[][] xs = construction.heldOut();
        return new TheoryReport(seed, points, SubsetSumTheory.bitsPerCandidate(n, uniform, FIT_FROM),
                SubsetSumTheory.bitsPerCandidate(n, product, FIT_FROM), TargetNetwork.describe(),
                ConstructionExperiment.outputScale(target, xs), construction.run(target, xs));
    }
}
