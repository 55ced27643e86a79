package org.lotterylab.spark;

import java.io.Serializable;

/**
 * What became of one point.
 *
 * @param index   the point's index
 * @param runDir  its run directory name
 * @param status  trained, skipped (already finished at the target) or failed
 * @param reason  why it failed; empty otherwise
 * @param seconds seconds the task spent (0 when skipped on the driver)
 * @param host    the executor host that ran it; empty when skipped on the driver
 */
public record PointOutcome(int index, String runDir, Status status, String reason, double seconds, String host)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The states a point ends in. */
    public enum Status {
        /** Trained (or resumed) and published. */
        TRAINED,
        /** Already finished at the target: nothing trained. */
        SKIPPED,
        /** Failed on every attempt Spark allowed. */
        FAILED;

        /** Lower-case name for files and output. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
