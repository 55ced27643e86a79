package org.lotterylab.api.spec;

/** Weight initialisers. */
public enum InitKind implements Choice {
    /** Gaussian Glorot (Xavier normal), as in Frankle and Carbin 2019. */
    GLOROT_NORMAL("glorot-normal"),
    /** Kaiming (He) normal, fan-in, as in open_lth. */
    KAIMING_NORMAL("kaiming-normal"),
    /** Signed Kaiming constant: +-sqrt(2/fan_in) with random signs (Ramanujan et al. 2020). */
    SIGNED_KAIMING_CONSTANT("signed-kaiming-constant");

    private final String id;

    InitKind(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
