/**
 * Views of linear mode connectivity (Frankle et al. 2020): {@link org.lotterylab.visuals.lmc.InterpolationView}
 * (error along the path alpha*W1 + (1 - alpha)*W2, drawn as points arrive, with the barrier marked and
 * clickable points) and {@link org.lotterylab.visuals.lmc.InstabilityView} (instability versus the rewinding
 * iteration k and versus weights remaining, with error bars over seed pairs). They take
 * {@link org.lotterylab.api.run.LmcEvent}s only; the non-FX bookkeeping ({@link org.lotterylab.visuals.lmc.LmcCurves},
 * {@link org.lotterylab.visuals.lmc.InstabilityTable}) is unit-tested without JavaFX.
 * {@link org.lotterylab.visuals.lmc.LmcDemo} shows both with synthetic data.
 */
package org.lotterylab.visuals.lmc;
