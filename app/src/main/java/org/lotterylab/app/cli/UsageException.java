package org.lotterylab.app.cli;

/** A command-line mistake: the message says what was wrong and what is allowed. Exit code 2. */
public final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a user-facing message. */
    public UsageException(String message) {
        super(message);
    }

    /** {@code value}, or a usage error naming {@code option} and the range when it is outside [min, max]. */
    public static int checkBetween(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new UsageException(option + " must be between " + min + " and " + max + " (got " + value + ")");
        }
        return value;
    }
}
