package org.lotterylab.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.lotterylab.api.run.BackendInfo;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.run.RunListener;

/**
 * What every command's terminal output shares: notes and errors on stderr (clearing the progress line first),
 * the closing "finished after ... s; results in ..." line, and how the run ended for {@link RunWaiter}. A
 * command's printer adds its own table in {@link #handle}.
 */
abstract class RunPrinter implements RunListener, RunWaiter.Outcome {
    protected final PrintStream out;
    protected final PrintStream err;
    protected final StatusLine status;
    private volatile RunEvent.RunFailed failure;
    private volatile boolean cancelled;

    RunPrinter(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        this.status = new StatusLine(err);
    }

    /** The failure, if the run failed. */
    public RunEvent.RunFailed failure() {
        return failure;
    }

    @Override
    public boolean failed() {
        return failure != null;
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public final void onEvent(RunEvent e) {
        if (e instanceof RunEvent.Note n) {
            status.clear();
            if (showsNote(n.text())) {
                err.println("note: " + n.text());
            }
        } else if (e instanceof RunEvent.RunFailed f) {
            status.clear();
            failure = f;
            err.println("error: " + f.reason());
        } else if (e instanceof RunEvent.RunFinished f) {
            status.clear();
            cancelled = f.cancelled();
            beforeEnd();
            out.printf(Locale.ROOT, "%s after %.1f s; results in %s%s%n", f.cancelled() ? "cancelled" : "finished",
                    f.seconds(), f.runDir(), endSuffix());
            afterEnd();
        } else {
            handle(e);
        }
    }

    /** The first two lines of every run's output. */
    protected final void printLocation(Path runDir, BackendInfo backend) {
        out.println("run directory: " + runDir);
        out.println("backend: " + backend.describe());
    }

    /** The events of this command's own output (all but notes, failures and the end). */
    protected abstract void handle(RunEvent e);

    /** Whether a note is shown (default: all). */
    protected boolean showsNote(String text) {
        return true;
    }

    /** Lines before the closing line (e.g. a summary table). */
    protected void beforeEnd() {
    }

    /** Text appended to the closing line. */
    protected String endSuffix() {
        return "";
    }

    /** Lines after the closing line (e.g. a legend). */
    protected void afterEnd() {
    }
}
