package org.lotterylab.engine.train;

/** Training produced a NaN or infinite loss. The message says where and what to try. */
public final class DivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a user-facing message. */
    public DivergedException(String message) {
        super(message);
    }
}
