package org.lotterylab.engine.pai;

/**
 * The prune-at-initialisation methods. Each scores every prunable weight of theta_0 once (SynFlow
 * iteratively) and keeps the globally highest-scoring weights.
 */
public enum SaliencyMethod {
    /** |theta_0|. */
    MAGNITUDE_AT_INIT("magnitude-at-init"),
    /** |g * w| with g the loss gradient on a few mini-batches (Lee et al. 2019). */
    SNIP("snip"),
    /** Keep the lowest -w * (H g) (Wang et al. 2020): removing them reduces gradient flow least. */
    GRASP("grasp"),
    /** (dR/dw) * w with R = 1'(prod |W_l|)1 on an all-ones input, 100 iterative steps (Tanaka et al. 2020). */
    SYNFLOW("synflow");

    private final String id;

    SaliencyMethod(String id) {
        this.id = id;
    }

    /** The branch id, e.g. {@code snip}. */
    public String id() {
        return id;
    }
}
