/**
 * The masked training loop, seeded mini-batch order, evaluation on held-out sets, and run control
 * (pause, resume, cancel between iterations).
 */
package org.lotterylab.engine.train;
