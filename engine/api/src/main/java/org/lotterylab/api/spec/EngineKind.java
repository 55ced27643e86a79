package org.lotterylab.api.spec;

/**
 * Which training engine runs a spec. {@link #AUTO} takes the lean path wherever it applies (fully-connected
 * models on the CPU) and DL4J elsewhere; the other two force one.
 */
public enum EngineKind implements Choice {
    /** Lean where it applies, else DL4J. */
    AUTO("auto"),
    /** The lean BLAS path (fully-connected models only). */
    LEAN("lean"),
    /** DL4J's MultiLayerNetwork (every model, CPU and CUDA). */
    DL4J("dl4j");

    private final String id;

    EngineKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
