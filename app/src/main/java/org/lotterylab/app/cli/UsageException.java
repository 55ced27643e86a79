package org.lotterylab.app.cli;

/** A command-line mistake: the message says what was wrong and what is allowed. Exit code 2. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a user-facing message. */
    public UsageException(String message) {
        super(message);
    }
}
