/** Small helpers shared by the engine: seed derivation. */
package org.lotterylab.engine.util;
