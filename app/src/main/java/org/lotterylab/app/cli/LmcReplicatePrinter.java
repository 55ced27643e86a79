package org.lotterylab.app.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.store.Spread;
import org.lotterylab.engine.replicate.ReplicateListener;

/**
 * The output of {@code lth lmc --replicates N}: each replicate's curves as they finish (tagged with their seed)
 * and, at the end, per network and k the instability's mean +- standard deviation (n) over the replicates that
 * finished it (a replicate with several seed pairs counts with the mean of its pairs).
 */
final class LmcReplicatePrinter implements ReplicateListener, RunWaiter.Outcome {

    private final PrintStream out;
    private final PrintStream err;
    /** network/k -> seed -> [test instability, train instability] of each finished curve. */
    private final Map<String, Map<Long, List<double[]>>> curves = new TreeMap<>();
    private volatile boolean failed;
    private volatile boolean cancelled;

    LmcReplicatePrinter(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public synchronized void onEvent(int index, long seed, RunEvent e) {
        if (e instanceof LmcEvent.LmcStarted s) {
            out.println("replicate " + (index + 1) + " (seed " + seed + "): " + s.runDir());
        } else if (e instanceof LmcEvent.LmcCurveDone d) {
            curves.computeIfAbsent(String.format(Locale.ROOT, "%s %08d", d.network(), d.k()), k -> new TreeMap<>())
                    .computeIfAbsent(seed, k -> new ArrayList<>())
                    .add(new double[] {d.instability(), d.trainInstability()});
            out.printf(Locale.ROOT, "  seed %d  %s k=%d pair %d: instability %.2f%% (train %.2f%%)%s%n", seed,
                    d.network(), d.k(), d.seedPair(), 100 * d.instability(), 100 * d.trainInstability(),
                    d.stored() ? "  (stored)" : "");
        } else if (e instanceof RunEvent.Note n) {
            err.println("note (seed " + seed + "): " + n.text());
        } else if (e instanceof RunEvent.RunFailed) {
            failed = true;
        } else if (e instanceof RunEvent.RunFinished f && f.cancelled()) {
            cancelled = true;
        }
    }

    @Override
    public synchronized void allDone(List<String> failures, boolean wasCancelled) {
        cancelled |= wasCancelled;
        out.println();
        out.println("replicates merged (mean +- sample standard deviation over the n replicates that finished):");
        out.println(String.format(Locale.ROOT, "%-20s %8s %3s %20s %20s", "network", "k", "n", "instability% mean+-sd",
                "train_inst% mean+-sd"));
        curves.forEach((key, bySeed) -> {
            List<Double> test = new ArrayList<>();
            List<Double> train = new ArrayList<>();
            for (List<double[]> pairs : bySeed.values()) {
                test.add(pairs.stream().mapToDouble(v -> v[0]).average().orElseThrow());
                train.add(pairs.stream().mapToDouble(v -> v[1]).average().orElseThrow());
            }
            String[] nk = key.split(" ");
            Spread t = Spread.of(test);
            out.println(String.format(Locale.ROOT, "%-20s %8d %3d %20s %20s", nk[0], Integer.parseInt(nk[1]), t.n(),
                    pm(t), pm(Spread.of(train))));
        });
        for (String f : failures) {
            failed = true;
            err.println("error: " + f);
        }
        out.flush();
    }

    private static String pm(Spread s) {
        String sd = Double.isNaN(s.std()) ? "-" : String.format(Locale.ROOT, "%.2f", 100 * s.std());
        return String.format(Locale.ROOT, "%.2f", 100 * s.mean()) + " +- " + sd;
    }

    @Override
    public boolean failed() {
        return failed;
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }
}
