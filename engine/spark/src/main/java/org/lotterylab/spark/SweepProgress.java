package org.lotterylab.spark;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The driver's progress: a bar line {@code [####....] 2/4 done, 2 running, 0 failed} redrawn in place on a
 * terminal, and one line per point as it finishes (above the bar).
 */
final class SweepProgress {

    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private String lastBar = "";

    SweepProgress(PrintStream out, boolean terminal, int total) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
    }

    /** The bar text for the given counts. */
    static String bar(int done, int running, int failed, int total) {
        int width = 24;
        int filled = total == 0 ? width : (int) Math.round(width * (double) (done + failed) / total);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] "
                + String.format(Locale.ROOT, "%d/%d done, %d running, %d failed", done, total, running, failed);
    }

    /** Redraws the bar when it changed (terminals only). */
    synchronized void update(int done, int running, int failed) {
        String b = bar(done, running, failed, total);
        if (terminal && !b.equals(lastBar)) {
            out.print("\r" + b);
            out.flush();
            lastBar = b;
        }
    }

    /** Prints one finished point's line above the bar. */
    synchronized void row(String line) {
        if (terminal && !lastBar.isEmpty()) {
            out.print("\r" + " ".repeat(lastBar.length()) + "\r");
        }
        out.println(line);
        if (terminal && !lastBar.isEmpty()) {
            out.print(lastBar);
        }
        out.flush();
    }

    /** Ends the bar line. */
    synchronized void finish(int done, int running, int failed) {
        if (terminal) {
            out.print("\r" + bar(done, running, failed, total) + "\n");
            out.flush();
        }
    }
}
