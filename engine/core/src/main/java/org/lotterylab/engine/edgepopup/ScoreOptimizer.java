package org.lotterylab.engine.edgepopup;

import org.lotterylab.api.spec.Choice;

/** How edge-popup updates its scores (the frozen weights are never updated). */
public enum ScoreOptimizer implements Choice {
    /** SGD with momentum (PyTorch form: v = mu v + g; s -= lr_t v) and cosine decay of the rate to 0, as in the paper. */
    SGD_COSINE("sgd-cosine"),
    /** Adam (beta1 0.9, beta2 0.999, epsilon 1e-8) at a constant rate. */
    ADAM("adam");

    private final String id;

    ScoreOptimizer(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
