package org.lotterylab.engine.imp;

import org.lotterylab.api.spec.Branch;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Watches the training of every round step by step. For tests and diagnostics: it sees live ND4J arrays on
 * the engine thread and must not keep them.
 */
public interface StepObserver {

    /** The network holds its masked start parameters; nothing has been trained yet. */
    default void beforeFirstStep(Branch branch, int round, INDArray params, boolean[][] mask) {
    }

    /** An optimiser step and the mask have been applied. */
    default void afterStep(Branch branch, int round, int iteration, INDArray params, boolean[][] mask) {
    }
}
