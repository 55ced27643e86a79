/**
 * Linear mode connectivity and instability analysis (Frankle et al. 2020, "Linear Mode Connectivity and the
 * Lottery Ticket Hypothesis"). From the same weights W_k (the dense network after k training iterations,
 * or a ticket's rewound weights with its mask), two copies are trained with different data orders; the
 * classification error is then evaluated, without any retraining, at evenly spaced points
 * alpha*W1 + (1 - alpha)*W2 of the straight path between them ({@link org.lotterylab.engine.lmc.Interpolation}).
 * The instability is the largest error on the path minus the mean error of its two endpoints
 * ({@link org.lotterylab.api.run.Instability}); a network is stable when it is below a threshold (2%).
 *
 * <p>{@link org.lotterylab.engine.lmc.LmcRunner} runs sweeps over k and seed pairs on a background thread and
 * stores {@code lmc.csv} and {@code instability.csv} in the run directory (resumable);
 * {@link org.lotterylab.engine.lmc.ImpRoundLmc} measures each IMP round of the ticket and of the controls in
 * {@code lmcBranches} inside an IMP run when the spec's {@code lmcEachRound} is set, reusing the round's own
 * training as one of the two copies (decision 0006). Errors are measured on the test split and on the
 * training split, with the binomial standard error of each instability.
 */
package org.lotterylab.engine.lmc;
