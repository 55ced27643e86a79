package org.lotterylab.api.spec;

/** A spec field holds a value that is not allowed; the message names the field, the value and what is allowed. */
public class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    /** Creates the exception for {@code field} with a human-readable reason. */
    public SpecException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    /** The key of the offending field (as used by {@code --set key=value}). */
    public String field() {
        return field;
    }
}
