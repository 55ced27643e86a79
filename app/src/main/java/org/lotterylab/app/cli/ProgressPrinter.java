package org.lotterylab.app.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.run.RunEvent;

/**
 * Prints a run's progress for a terminal: a one-line progress bar on stderr when it is a terminal
 * ({@link StatusLine}) and one table row per finished round on stdout.
 */
public final class ProgressPrinter extends RunPrinter {

    private final int totalRounds;
    private final int branches;

    /** A printer for a run with the given number of rounds and branches. */
    public ProgressPrinter(PrintStream out, PrintStream err, int totalRounds, int branches) {
        super(out, err);
        this.totalRounds = totalRounds;
        this.branches = branches;
    }

    /** The table header. */
    public static String header() {
        return String.format(Locale.ROOT, "%-17s %5s %10s %9s %10s %11s %8s", "branch", "round", "remaining%",
                "test_acc%", "early_stop", "es_test_acc%", "seconds");
    }

    /** One table row. */
    public static String row(RoundResult r) {
        return String.format(Locale.ROOT, "%-17s %5d %10.2f %9.2f %10d %11.2f %8.1f", r.branch().id(), r.round(),
                100 * r.weightsRemaining(), 100 * r.testAccuracy(), r.earlyStopIteration(),
                100 * r.earlyStopTestAccuracy(), r.seconds());
    }

    /**
     * One line per measured round of {@code lmcEachRound}: test and training-split instability with their
     * binomial standard errors and example counts.
     */
    public static String lmcRow(LmcEvent.RoundCurve c) {
        return String.format(Locale.ROOT, "  lmc %-15s %3d %8.2f%%  instability %5.2f%% +- %4.2f (test, %d)  %5.2f%% +- "
                        + "%4.2f (train, %d)  %s", c.branch().id(), c.round(), 100 * c.weightsRemaining(),
                100 * c.instability(), 100 * c.instabilitySe(), c.testCount(), 100 * c.trainInstability(),
                100 * c.trainInstabilitySe(), c.trainCount(), c.stable() ? "stable" : "UNSTABLE");
    }

    @Override
    protected void handle(RunEvent e) {
        if (e instanceof RunEvent.RunStarted s) {
            printLocation(s.runDir(), s.backend());
            out.println(header());
            for (RoundResult r : s.resumedRounds()) {
                out.println(row(r) + "  (stored)");
            }
            out.flush();
        } else if (e instanceof RunEvent.IterationProgress p) {
            drawBar(p);
        } else if (e instanceof RunEvent.RoundFinished f) {
            status.clear();
            out.println(row(f.result()));
            out.flush();
        } else if (e instanceof LmcEvent.RoundCurve c) {
            status.clear();
            out.println(lmcRow(c));
            out.flush();
        }
    }

    private void drawBar(RunEvent.IterationProgress p) {
        double frac = p.iteration() / (double) p.totalIterations();
        status.show(p.iteration() == p.totalIterations(), () -> String.format(Locale.ROOT,
                "%-16s round %d/%d  %s %5.1f%%  loss %.4f  %.0f ex/s", p.branch().id(), p.round(), totalRounds,
                StatusLine.bar(frac), frac * 100, p.loss(), p.examplesPerSecond()));
    }

    /** Branch count, used by callers for estimates. */
    public int branches() {
        return branches;
    }
}
