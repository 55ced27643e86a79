/**
 * Views of strong lottery tickets (edge-popup): {@link org.lotterylab.visuals.strong.MaskComparisonView} puts
 * a layer's edge-popup mask next to its IMP mask with their overlap (intersection over union, as a number and
 * an image), and {@link org.lotterylab.visuals.strong.MaskFlipView} shows how many edges enter and leave the
 * mask per epoch. The models behind them ({@link org.lotterylab.visuals.strong.MaskOverlap},
 * {@link org.lotterylab.visuals.strong.FlipSeries}) are plain Java. Only engine API types are used;
 * {@link org.lotterylab.visuals.strong.StrongViewsLauncher} shows the views on synthetic data.
 */
package org.lotterylab.visuals.strong;
