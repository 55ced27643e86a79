/**
 * "Pruning is enough", measured: {@link org.lotterylab.engine.widths.WidthSweep} finds strong tickets with
 * edge-popup in random networks 1x, 2x, 4x, ... as wide as a model and trains the 1x model normally, so the
 * strong tickets' accuracy can be read against the width multiplier and the trained target's
 * (Malach et al. 2020; Pensia et al. 2020; Ramanujan et al. 2020). Each width is an ordinary edge-popup run;
 * the sweep's table is {@link org.lotterylab.api.store.WidthSweepCsv}.
 */
package org.lotterylab.engine.widths;
