package org.lotterylab.api.spec;

/** Where the same-sign re-initialisation control takes its signs from. */
public enum SignSource implements Choice {
    /** The signs of the original initialisation theta_0, as Zhou et al. 2019 (the default). */
    THETA_0("theta-0"),
    /** The signs of the rewind point theta_k (equal to theta_0 when rewindIteration = 0). */
    THETA_K("theta-k");

    private final String id;

    SignSource(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
