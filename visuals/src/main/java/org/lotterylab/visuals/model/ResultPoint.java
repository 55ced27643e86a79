package org.lotterylab.visuals.model;

import org.lotterylab.api.spec.Branch;

/**
 * The results of one (branch, round), aggregated over repeats (e.g. seeds). Percentages are 0..100.
 *
 * @param branch           branch
 * @param round            round
 * @param n                number of results
 * @param remainingPct     mean weights remaining (%)
 * @param esAccMean        mean test accuracy at the early-stop iteration (%)
 * @param esAccMin         smallest of those (%)
 * @param esAccMax         largest of those (%)
 * @param finalAccMean     mean test accuracy at the end of training (%)
 * @param finalAccMin      smallest of those (%)
 * @param finalAccMax      largest of those (%)
 * @param iterMean         mean early-stop iteration
 * @param iterMin          smallest early-stop iteration
 * @param iterMax          largest early-stop iteration
 */
public record ResultPoint(Branch branch, int round, int n, double remainingPct,
                          double esAccMean, double esAccMin, double esAccMax,
                          double finalAccMean, double finalAccMin, double finalAccMax,
                          double iterMean, double iterMin, double iterMax) {

    /** Mean accuracy of the chosen kind (%). */
    public double accMean(boolean atEarlyStop) {
        return atEarlyStop ? esAccMean : finalAccMean;
    }

    /** Smallest accuracy of the chosen kind (%). */
    public double accMin(boolean atEarlyStop) {
        return atEarlyStop ? esAccMin : finalAccMin;
    }

    /** Largest accuracy of the chosen kind (%). */
    public double accMax(boolean atEarlyStop) {
        return atEarlyStop ? esAccMax : finalAccMax;
    }
}
