package org.lotterylab.app.cli;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * The progress line of a running command on stderr: drawn only when stderr is a terminal, redrawn in place at
 * most ten times a second (and always for the last step), cleared before anything else is printed.
 */
final class StatusLine {

    private static final long MIN_NANOS = 100_000_000L;
    private final PrintStream err;
    private final boolean tty;
    private long lastDraw;

    StatusLine(PrintStream err) {
        this.err = err;
        this.tty = System.console() != null;
    }

    /** Draws {@code text} over the current line when a redraw is due, or when {@code last}. */
    void show(boolean last, Supplier<String> text) {
        if (!tty) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < MIN_NANOS && !last) {
            return;
        }
        lastDraw = now;
        err.print("\r" + text.get());
        err.flush();
    }

    /** A 30-character bar filled to {@code fraction}. */
    static String bar(double fraction) {
        return String.format("[%-30s]", "#".repeat((int) Math.round(fraction * 30)));
    }

    /** Clears the line, so that the next output starts on an empty line. */
    void clear() {
        if (tty) {
            err.print("\r" + " ".repeat(100) + "\r");
            err.flush();
        }
    }
}
