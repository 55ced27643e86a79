package org.lotterylab.api.store;

/**
 * One round's supermask (Zhou et al. 2019): the round's mask applied to the untrained theta_0, as stored in
 * {@code supermask-<branch>.csv} (fractions in [0, 1]).
 *
 * @param round                  the IMP round
 * @param weightsRemaining       fraction of prunable weights the mask keeps
 * @param supermaskAccuracy      test accuracy of theta_0 under the mask
 * @param signedConstantAccuracy test accuracy with the kept weights set to sign(theta_0) x the layer's std
 * @param trainedAccuracy        the round's own (early-stop) test accuracy
 */
public record SupermaskRow(int round, double weightsRemaining, double supermaskAccuracy, double signedConstantAccuracy,
                           double trainedAccuracy) {
}
