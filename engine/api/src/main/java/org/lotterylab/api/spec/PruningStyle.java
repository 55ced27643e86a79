package org.lotterylab.api.spec;

/** How the per-round pruning budget is distributed over layers. */
public enum PruningStyle implements Choice {
    /** Each layer loses its own rate (by layer kind: conv, hidden, output), as in Frankle and Carbin 2019. */
    LAYERWISE("layerwise"),
    /** One magnitude threshold over all prunable layers except the ignored ones, as in open_lth. */
    GLOBAL("global");

    private final String id;

    PruningStyle(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
