package org.lotterylab.api.spec;

/** Optimisers. */
public enum OptimizerKind implements Choice {
    /**
     * Stochastic gradient descent with optional heavy-ball momentum, as PyTorch's {@code torch.optim.SGD} and
     * open_lth: {@code v = momentum * v + g; w -= lr * v}.
     */
    SGD("sgd"),
    /** SGD with Nesterov momentum (DL4J's {@code Nesterovs} updater); the same as {@code sgd} at momentum 0. */
    SGD_NESTEROV("sgd-nesterov"),
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
