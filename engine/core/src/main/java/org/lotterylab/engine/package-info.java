/**
 * The DL4J/ND4J engine: backend selection and the experiment runners. Never imports JavaFX: it talks to the
 * outside world only through the types of {@code org.lotterylab.api}.
 */
package org.lotterylab.engine;
