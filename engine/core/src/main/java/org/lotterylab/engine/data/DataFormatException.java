package org.lotterylab.engine.data;

/**
 * A data file (or directory) that cannot be read as the expected data set. Unchecked; the message always
 * has the form {@code "<source>: <problem>"}, where the source names the file, directory or resource.
 */
public class DataFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String problem;

    /**
     * @param source  the file, directory or resource concerned, as shown to the user
     * @param problem what is wrong with it
     */
    public DataFormatException(String source, String problem) {
        this(source, problem, null);
    }

    /**
     * @param source  the file, directory or resource concerned, as shown to the user
     * @param problem what is wrong with it
     * @param cause   the underlying exception, or {@code null}
     */
    public DataFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /** The file, directory or resource concerned. */
    public String source() {
        return source;
    }

    /** What is wrong, without the source. */
    public String problem() {
        return problem;
    }
}
