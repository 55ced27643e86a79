package org.lotterylab.api.theory;

/**
 * The approximation errors |best subset sum - target| over many targets and candidate draws, beside what
 * the theory predicts for the same setting.
 *
 * @param mean   mean error
 * @param median median error
 * @param max    largest error seen
 * @param theory the predicted mean error (see {@code SubsetSumTheory} in the engine)
 */
public record ErrorSummary(double mean, double median, double max, double theory) {
}
