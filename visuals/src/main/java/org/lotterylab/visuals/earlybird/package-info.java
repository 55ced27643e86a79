/**
 * Early-bird tickets (You et al. 2020) in the IMP dashboard: {@link org.lotterylab.visuals.earlybird.EarlyBirdModel}
 * (the growing pairwise mask-distance matrix and where the ticket was drawn, no JavaFX) and
 * {@link org.lotterylab.visuals.earlybird.EarlyBirdView} (its heatmap and distance curve).
 */
package org.lotterylab.visuals.earlybird;
