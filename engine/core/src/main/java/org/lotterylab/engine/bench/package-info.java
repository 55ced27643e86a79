/** Benchmarks of the engine's hot paths (run by {@code lth bench}, never as timed tests). */
package org.lotterylab.engine.bench;
