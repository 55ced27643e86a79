package org.lotterylab.api.spec;

/** Kinds of prunable layers; the layerwise pruning rate depends on the kind. */
public enum LayerKind implements Choice {
    /** A convolution kernel. */
    CONV("conv"),
    /** A hidden fully connected layer. */
    HIDDEN("hidden"),
    /** The output (classifier) layer. */
    OUTPUT("output");

    private final String id;

    LayerKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
