package org.lotterylab.app.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.store.GroupSummary;
import org.lotterylab.api.store.Spread;

/**
 * The output of {@code lth imp --replicates N}: each replicate's rounds as they finish (tagged with their
 * seed), the merged mean +- standard deviation (n) of that branch and round right after, and the whole merged
 * table at the end, with instability when per-round LMC ran.
 */
final class ReplicatePrinter extends ReplicateGroupPrinter {

    private final Map<String, List<Double>> instability = new TreeMap<>();
    private List<GroupSummary.Row> last = List.of();

    ReplicatePrinter(PrintStream out, PrintStream err) {
        super(out, err);
    }

    /** The merged table's header. */
    static String header() {
        return String.format(Locale.ROOT, "%-17s %5s %10s %3s %18s %20s %14s %14s", "branch", "round", "remaining%", "n",
                "test_acc% mean+-sd", "early_stop_it mean+-sd", "es_acc% mean", "instability%");
    }

    private String row(GroupSummary.Row r) {
        List<Double> inst = instability.get(key(r.branch().id(), r.round()));
        String instText = inst == null || inst.isEmpty() ? "-" : pm(Spread.of(inst), 100, 2);
        return String.format(Locale.ROOT, "%-17s %5d %10.2f %3d %18s %20s %14.2f %14s", r.branch().id(), r.round(),
                100 * r.weightsRemaining(), r.n(), pm(r.testAccuracy(), 100, 2), pm(r.earlyStopIteration(), 1, 0),
                100 * r.earlyStopTestAccuracy().mean(), instText);
    }

    private static String key(String branch, int round) {
        return String.format(Locale.ROOT, "%s/%04d", branch, round);
    }

    @Override
    protected void handle(int index, long seed, RunEvent e) {
        if (e instanceof RunEvent.RunStarted s) {
            out.println("replicate " + (index + 1) + " (seed " + seed + "): " + s.runDir());
            for (RoundResult r : s.resumedRounds()) {
                out.println("  seed " + seed + "  " + ProgressPrinter.row(r) + "  (stored)");
            }
        } else if (e instanceof RunEvent.RoundFinished f) {
            out.println("  seed " + seed + "  " + ProgressPrinter.row(f.result()));
        } else if (e instanceof LmcEvent.RoundCurve c) {
            instability.computeIfAbsent(key(c.branch().id(), c.round()), k -> new ArrayList<>()).add(c.instability());
            out.println("  seed " + seed + ProgressPrinter.lmcRow(c));
        }
    }

    @Override
    public synchronized void merged(List<GroupSummary.Row> rows) {
        last = rows;
    }

    @Override
    protected void table() {
        out.println(header());
        for (GroupSummary.Row r : last) {
            out.println(row(r));
        }
    }
}
