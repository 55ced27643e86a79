/**
 * Results of the "pruning is enough" experiments (Malach et al. 2020; Pensia et al. 2020) as plain records,
 * so that the views can show them without the engine: the subset-sum approximation error against the number
 * of random candidates, and the error of a pruned random network built to imitate a small target network.
 */
package org.lotterylab.api.theory;
