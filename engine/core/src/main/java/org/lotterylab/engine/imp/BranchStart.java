package org.lotterylab.engine.imp;

/**
 * What one branch trains in one round.
 *
 * @param start flat start parameters (weights and biases; masked by the trainer)
 * @param mask  the round's mask, per layer
 */
record BranchStart(float[] start, boolean[][] mask) {
}
