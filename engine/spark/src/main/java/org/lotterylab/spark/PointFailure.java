package org.lotterylab.spark;

/** A point's run failed on an executor; thrown so that Spark retries the task. */
public final class PointFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    /** Marks the reason inside Spark's job-failure message, so the driver can report it alone. */
    static final String MARK = "[lth-point-failure] ";

    /** A failure with a reason a user can act on. */
    public PointFailure(String reason) {
        super(MARK + reason);
    }

    /** The reason carried inside {@code sparkMessage}, or the whole message when it holds none. */
    public static String reasonIn(String sparkMessage) {
        if (sparkMessage == null) {
            return "unknown failure";
        }
        int at = sparkMessage.lastIndexOf(MARK);
        if (at < 0) {
            return sparkMessage.lines().findFirst().orElse(sparkMessage);
        }
        String rest = sparkMessage.substring(at + MARK.length());
        return rest.lines().findFirst().orElse(rest).trim();
    }
}
