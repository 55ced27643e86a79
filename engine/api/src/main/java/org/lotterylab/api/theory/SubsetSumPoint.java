package org.lotterylab.api.theory;

/**
 * One point of the subset-sum experiment: n random candidates, the best subset for each target.
 *
 * @param candidates n, the number of random candidates
 * @param samples    number of (candidate draw, target) pairs behind each summary
 * @param uniform    errors with candidates drawn uniform on [-1, 1]
 * @param product    errors with candidates that are products a*b of two uniform [-1, 1] draws, as the weights
 *                   along a two-edge path of Pensia et al.'s random network are
 */
public record SubsetSumPoint(int candidates, int samples, ErrorSummary uniform, ErrorSummary product) {
}
