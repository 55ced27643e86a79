package org.lotterylab.engine.imp;

import org.lotterylab.api.spec.Branch;

/**
 * Watches the training of every round step by step, on the engine thread. For tests and diagnostics: each
 * call gets a fresh copy of the flat parameters.
 */
public interface StepObserver {

    /** The network holds its masked start parameters; nothing has been trained yet. */
    default void beforeFirstStep(Branch branch, int round, float[] params, boolean[][] mask) {
    }

    /** An optimiser step and the mask have been applied. */
    default void afterStep(Branch branch, int round, int iteration, float[] params, boolean[][] mask) {
    }

    /**
     * Fault injection for tests: when true, what {@link #afterStep} leaves in {@code params} is written back
     * into the network (e.g. an infinite weight, to test divergence handling).
     */
    default boolean writesBack() {
        return false;
    }
}
