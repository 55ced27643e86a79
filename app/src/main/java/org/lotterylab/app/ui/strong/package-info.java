/**
 * The lab window's strong-ticket tab: {@link org.lotterylab.app.ui.strong.StrongTicketPane} runs edge-popup
 * sweeps of the current spec and shows each point's mask next to an IMP ticket mask of the same run, and the
 * mask flips while training. Self-contained: the window mounts it as a tab.
 */
package org.lotterylab.app.ui.strong;
