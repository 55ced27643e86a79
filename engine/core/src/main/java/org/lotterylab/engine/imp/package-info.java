/**
 * Iterative magnitude pruning with rewinding and its controls (random re-init, random pruning, same-sign
 * re-init, one-shot), stored round by round and resumable.
 */
package org.lotterylab.engine.imp;
