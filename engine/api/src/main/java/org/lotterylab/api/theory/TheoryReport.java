package org.lotterylab.api.theory;

import java.util.List;

/**
 * Everything the theory experiments measured, for the command line and the Theory view.
 *
 * @param seed              the seed everything was drawn from
 * @param subsetSum         subset-sum points, by increasing number of candidates
 * @param uniformBitsPerCandidate fitted -d log2(median error)/dn for uniform candidates (the theory: 1)
 * @param productBitsPerCandidate the same for product candidates
 * @param target            a one-line description of the target network
 * @param targetOutputScale mean |target(x)| on the held-out inputs, to read the output errors against
 * @param construction      construction points, by increasing width
 */
public record TheoryReport(long seed, List<SubsetSumPoint> subsetSum, double uniformBitsPerCandidate,
                           double productBitsPerCandidate, String target, double targetOutputScale,
                           List<ConstructionPoint> construction) {

    /** Copies the lists. */
    public TheoryReport {
        subsetSum = List.copyOf(subsetSum);
        construction = List.copyOf(construction);
    }
}
