/**
 * The lab window's linear-mode-connectivity tab: {@link org.lotterylab.app.ui.lmc.LmcPane} holds the
 * analysis controls and the two LMC views, and feeds the views from the engine's events through a
 * {@link org.lotterylab.app.ui.LiveUpdatePump}, so the JavaFX thread never waits on training.
 */
package org.lotterylab.app.ui.lmc;
