package org.lotterylab.engine.imp;

import org.lotterylab.engine.model.ParamLayout;

/**
 * What a branch may derive one round from. Arrays are shared, read-only.
 *
 * @param layout          the prunable layers
 * @param round           the round (1 ..)
 * @param theta0          the initial parameters (flat)
 * @param thetaK          the rewind point (flat; equals theta0 when k = 0)
 * @param ticketMask      the ticket's mask of this round
 * @param denseFinal      the dense round's final parameters
 * @param earlyBirdParams the dense parameters where the early-bird ticket was drawn, or null when not tracked
 */
record RoundInputs(ParamLayout layout, int round, float[] theta0, float[] thetaK, boolean[][] ticketMask,
                   float[] denseFinal, float[] earlyBirdParams) {
}
