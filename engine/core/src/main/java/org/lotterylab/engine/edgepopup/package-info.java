/**
 * Strong lottery tickets: edge-popup (Ramanujan et al. 2020) and supermasks (Zhou et al. 2019).
 *
 * <p>Edge-popup keeps the weights of an ordinary DL4J network frozen at their random init and trains one score
 * per weight: each step the network computes with the top-k |score| of every layer
 * ({@link org.lotterylab.engine.edgepopup.TopK}, one linear-time selection per layer), and the scores take a
 * straight-through gradient step. It runs on the one training loop, {@link org.lotterylab.engine.train.Trainer}:
 * {@code EdgePopupBackend} is its {@link org.lotterylab.engine.train.StepBackend} (the score-to-mask step,
 * with {@code ScoreState} holding the scores, moments and mask), and
 * {@link org.lotterylab.engine.edgepopup.EdgePopupTrainer} runs one sweep point on the loop, counting mask
 * flips in an evaluation callback. {@link org.lotterylab.engine.edgepopup.EdgePopupRunner}
 * runs sweeps over the fraction kept on a background thread and stores them in the run-store layout as the
 * {@code edge-popup} branch ({@link org.lotterylab.api.store.EdgePopupStore} for its extra files).
 * {@link org.lotterylab.engine.edgepopup.Supermask} evaluates stored IMP masks on the untrained theta_0.
 * See docs/decisions for why this is built on MultiLayerNetwork rather than SameDiff.
 */
package org.lotterylab.engine.edgepopup;
