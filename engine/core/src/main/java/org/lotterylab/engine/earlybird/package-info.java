/**
 * Early-bird tickets (You et al. 2020): while the dense network trains, the mask the pruner would choose is
 * drawn at every evaluation point; the ticket is "drawn" once the masks stop changing.
 */
package org.lotterylab.engine.earlybird;
