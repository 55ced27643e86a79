/**
 * The lab's JavaFX views of a lottery-ticket experiment: the weight/mask heatmap with its pruning history,
 * input-pixel connectivity of the first layer, accuracy and early-stop iteration versus weights remaining,
 * live training curves and per-layer sparsity bars; plus branch colours, the theme and PNG/CSV export.
 *
 * <p>Threading rule: every view is used on the JavaFX thread only; updates are merged into at most one
 * redraw per frame. The views depend on the engine's plain-Java API types only, never on DL4J/ND4J.
 */
package org.lotterylab.visuals;
