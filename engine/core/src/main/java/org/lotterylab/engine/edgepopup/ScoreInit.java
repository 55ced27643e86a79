package org.lotterylab.engine.edgepopup;

import org.lotterylab.api.spec.Choice;

/** How the scores start. */
public enum ScoreInit implements Choice {
    /**
     * Uniform in [-1/sqrt(fan_in), 1/sqrt(fan_in)] (PyTorch's default layer init, which the paper's code uses
     * for the scores): the first mask is a random subnetwork.
     */
    KAIMING_UNIFORM("kaiming-uniform"),
    /**
     * The magnitude of the frozen weight, |w0|: the first mask keeps each layer's largest weights. Not with the
     * signed Kaiming constant init, whose magnitudes are all equal.
     */
    WEIGHT_MAGNITUDE("weight-magnitude");

    private final String id;

    ScoreInit(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
