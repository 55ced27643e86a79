package org.lotterylab.app.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.store.Spread;
import org.lotterylab.engine.replicate.ReplicateListener;

/**
 * What the terminal output of every {@code --replicates N} command shares: each replicate's notes on stderr
 * tagged with its seed, how the group ended for {@link RunWaiter}, and at the end the heading of the merged
 * table, the table ({@link #table()}) and the failed replicates' reasons. A command's printer adds its rows.
 */
abstract class ReplicateGroupPrinter implements ReplicateListener, RunWaiter.Outcome {

    protected final PrintStream out;
    protected final PrintStream err;
    private volatile boolean failed;
    private volatile boolean cancelled;

    ReplicateGroupPrinter(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public final synchronized void onEvent(int index, long seed, RunEvent e) {
        if (e instanceof RunEvent.Note n) {
            err.println("note (seed " + seed + "): " + n.text());
        } else if (e instanceof RunEvent.RunFailed) {
            failed = true;
        } else if (e instanceof RunEvent.RunFinished f && f.cancelled()) {
            cancelled = true;
        } else {
            handle(index, seed, e);
        }
    }

    /** Any other event of replicate {@code index} (seed {@code seed}), under this printer's lock. */
    protected abstract void handle(int index, long seed, RunEvent e);

    /** The merged table, after its heading. */
    protected abstract void table();

    @Override
    public final synchronized void allDone(List<String> failures, boolean wasCancelled) {
        cancelled |= wasCancelled;
        out.println();
        out.println("replicates merged (mean +- sample standard deviation over the n replicates that finished):");
        table();
        for (String f : failures) {
            failed = true;
            err.println("error: " + f);
        }
        out.flush();
    }

    @Override
    public boolean failed() {
        return failed;
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    /** {@code mean +- sd} of {@code s} times {@code scale} with {@code digits} decimals; {@code -} for an undefined sd. */
    static String pm(Spread s, double scale, int digits) {
        String f = "%." + digits + "f";
        String sd = Double.isNaN(s.std()) ? "-" : String.format(Locale.ROOT, f, scale * s.std());
        return String.format(Locale.ROOT, f, scale * s.mean()) + " +- " + sd;
    }
}
