package org.lotterylab.api.store;

import java.io.IOException;

/**
 * A problem in one line of a run-store CSV table, naming the file and the line (1 = the header). Readers of
 * tables whose damage is survivable turn it into a warning ({@code getMessage() + "; skipped"}) and go on;
 * others throw it.
 */
public final class CsvFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final boolean truncated;

    private CsvFormatException(String file, int line, String message, boolean truncated) {
        super(message);
        this.file = file;
        this.line = line;
        this.truncated = truncated;
    }

    /** {@code <file> line <line>: <problem>}. */
    public static CsvFormatException at(String file, int line, String problem) {
        return new CsvFormatException(file, line, file + " line " + line + ": " + problem, false);
    }

    /** The line was cut off (no line end: a write that did not finish); a cut-off header means no rows. */
    public static CsvFormatException truncated(String file, int line) {
        return new CsvFormatException(file, line, file + " line " + line + (line == 1 ? " (header) truncated; no rows"
                : " truncated"), true);
    }

    /** The message as a reader's warning: a data line's problem adds that the line was skipped. */
    public String asWarning() {
        return getMessage() + (line == 1 ? "" : "; skipped");
    }

    /** The file as named in the message (a name or a path relative to the run). */
    public String file() {
        return file;
    }

    /** Whether the line was cut off (rather than malformed). */
    public boolean truncated() {
        return truncated;
    }

    /** The line, 1-based (1 = the header). */
    public int line() {
        return line;
    }
}
