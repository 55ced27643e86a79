package org.lotterylab.visuals.model;

import java.util.List;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.store.Spread;

/**
 * The results of one (group, branch, round), aggregated over repeats (e.g. seeds). Percentages are 0..100.
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
 * @param group            the group the point belongs to (e.g. {@code rewindIteration=50}); empty when ungrouped
 * @param esAcc            the spread of the early-stop test accuracy (%)
 * @param finalAcc         the spread of the final test accuracy (%)
 * @param iter             the spread of the early-stop iteration
 * @param members          each repeat's label (e.g. {@code seed 3}; empty when untagged), in arrival order
 */
public record ResultPoint(Branch branch, int round, int n, double remainingPct,
                          double esAccMean, double esAccMin, double esAccMax,
                          double finalAccMean, double finalAccMin, double finalAccMax,
                          double iterMean, double iterMin, double iterMax,
                          String group, Spread esAcc, Spread finalAcc, Spread iter, List<String> members) {

    /** Copies the member labels. */
    public ResultPoint {
        members = List.copyOf(members);
    }

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

    /** The spread of the chosen accuracy kind (%). */
    public Spread acc(boolean atEarlyStop) {
        return atEarlyStop ? esAcc : finalAcc;
    }
}
