/**
 * Replicates: the same experiment from consecutive seeds, run concurrently (each an ordinary, resumable
 * run), with their finished rounds merged into mean, standard deviation and range as they land.
 */
package org.lotterylab.engine.replicate;
