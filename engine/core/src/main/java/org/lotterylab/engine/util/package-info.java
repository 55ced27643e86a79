/** Small helpers shared by the engine: seed derivation, the end of a run, memory sampling. */
package org.lotterylab.engine.util;
