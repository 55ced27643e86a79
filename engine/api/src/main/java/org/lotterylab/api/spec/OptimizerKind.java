package org.lotterylab.api.spec;

/** Optimisers. */
public enum OptimizerKind implements Choice {
    /** Stochastic gradient descent with (optional) momentum. */
    SGD("sgd"),
    /** Adam (beta1 0.9, beta2 0.999, epsilon 1e-8). */
    ADAM("adam");

    private final String id;

    OptimizerKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
