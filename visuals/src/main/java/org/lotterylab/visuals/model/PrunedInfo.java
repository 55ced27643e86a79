package org.lotterylab.visuals.model;

/**
 * When a weight was pruned, as far as the stored rounds tell.
 *
 * @param kept  whether the weight is kept at the asked round
 * @param round kept: the asked round; pruned: the round in which it was pruned (first round of the latest
 *              run of rounds where its mask is false)
 * @param exact false when the weight was already pruned in the earliest stored round after round 1, so
 *              it may have been pruned earlier ("at or before")
 */
public record PrunedInfo(boolean kept, int round, boolean exact) {
}
