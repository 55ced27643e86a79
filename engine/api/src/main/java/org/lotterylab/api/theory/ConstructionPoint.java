package org.lotterylab.api.theory;

/**
 * One width of the construction experiment: random networks with width multiplier m, each pruned by Pensia et
 * al.'s construction to imitate the target network, measured on held-out inputs and averaged over draws.
 *
 * @param width             m, random ReLU paths per target weight (hidden widths are m times the target's)
 * @param trials            random networks drawn at this width
 * @param randomParams      weights of one random (unpruned) network
 * @param keptParams        weights a pruned network keeps, mean over the trials (all others exactly zero)
 * @param meanWeightError   mean over trials and target weights of the subset-sum error of their approximations
 * @param maxWeightError    largest subset-sum error of a target weight in any trial
 * @param meanOutputError   mean |pruned(x) - target(x)| over the trials and held-out inputs
 * @param medianOutputError median over the trials of each network's mean |pruned(x) - target(x)|
 * @param maxOutputError    largest |pruned(x) - target(x)| in any trial
 */
public record ConstructionPoint(int width, int trials, long randomParams, double keptParams, double meanWeightError,
                                double maxWeightError, double meanOutputError, double medianOutputError,
                                double maxOutputError) {
}
