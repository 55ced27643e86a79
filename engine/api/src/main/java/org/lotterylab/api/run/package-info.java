/**
 * The engine's run protocol: typed events (records of immutable copies) published from the engine's
 * thread, the listener and control interfaces, and per-round results.
 */
package org.lotterylab.api.run;
