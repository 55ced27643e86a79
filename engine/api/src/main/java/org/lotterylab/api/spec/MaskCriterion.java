package org.lotterylab.api.spec;

/** Which weights a pruning step keeps (Zhou et al. 2019 name these criteria). */
public enum MaskCriterion implements Choice {
    /** Keep the largest |w_final| (standard IMP). */
    LARGE_FINAL("large-final"),
    /** Keep the largest |w_final| - |w_init| (magnitude increase). */
    MAGNITUDE_INCREASE("magnitude-increase");

    private final String id;

    MaskCriterion(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
