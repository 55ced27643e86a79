/**
 * The Theory view: "pruning is enough" (Malach et al. 2020; Pensia et al. 2020) at small scale. It shows the
 * subset-sum approximation error against the number of random candidates on a log axis beside the theory's
 * line, and the output error of Pensia et al.'s pruned construction against the width, from a plain
 * {@link org.lotterylab.api.theory.TheoryReport} (the engine computes it; this package never imports the
 * engine). {@link org.lotterylab.visuals.theory.TheoryView#tab} mounts it as a tab;
 * {@link org.lotterylab.visuals.theory.TheoryViewLauncher} shows it standalone on synthetic data.
 */
package org.lotterylab.visuals.theory;
