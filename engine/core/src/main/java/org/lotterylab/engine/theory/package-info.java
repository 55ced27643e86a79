/**
 * "Pruning is enough", made concrete at small scale, in plain Java (no DL4J): a wide enough random network
 * contains a subnetwork that approximates any small target network (Malach et al. 2020), and width
 * O(log(1/eps)) times the target's suffices (Pensia et al. 2020), because a weight w in [-1, 1] is within eps
 * of the sum of some subset of O(log(1/eps)) random weights.
 *
 * <p>{@link org.lotterylab.engine.theory.SubsetSumIndex} finds the best subset exactly (meet in the middle);
 * {@link org.lotterylab.engine.theory.SubsetSumExperiment} measures its error against the number of
 * candidates, beside {@link org.lotterylab.engine.theory.SubsetSumTheory}'s line;
 * {@link org.lotterylab.engine.theory.PensiaConstruction} prunes a random ReLU network into an imitation of
 * {@link org.lotterylab.engine.theory.TargetNetwork}, and
 * {@link org.lotterylab.engine.theory.ConstructionExperiment} measures its output error against the width.
 * {@link org.lotterylab.engine.theory.TheoryLab} runs both; {@link org.lotterylab.engine.theory.TheoryCsv}
 * writes the tables.
 */
package org.lotterylab.engine.theory;
