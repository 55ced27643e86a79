package org.lotterylab.engine.model;

/**
 * Where one batch-norm layer's parameters sit in the flat parameter vector: its scale (gamma) and shift
 * (beta), which the optimiser trains, and its running mean and variance, which training updates as moving
 * averages and inference normalises with. None of them is ever pruned: they are not in the masks.
 *
 * @param name         the layer's name in the network
 * @param channels     channels normalised (one value of each parameter per channel)
 * @param gammaOffset  start of gamma
 * @param betaOffset   start of beta
 * @param meanOffset   start of the running mean
 * @param varOffset    start of the running variance
 */
public record BatchNormSlot(String name, int channels, long gammaOffset, long betaOffset, long meanOffset,
                            long varOffset) {
}
