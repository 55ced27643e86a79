/** The application: the {@code lth} entry point that wires the engine and the visuals. */
package org.lotterylab.app;
