package org.lotterylab.api.mask;

/**
 * Weights remaining in one layer after a round.
 *
 * @param name      layer name
 * @param total     weights in the dense layer
 * @param remaining weights kept
 */
public record LayerSummary(String name, int total, int remaining) {

    /** Fraction of the layer's weights remaining. */
    public double fractionRemaining() {
        return total == 0 ? 1.0 : remaining / (double) total;
    }
}
