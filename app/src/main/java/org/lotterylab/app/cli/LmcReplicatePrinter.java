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

/**
 * The output of {@code lth lmc --replicates N}: each replicate's curves as they finish (tagged with their seed)
 * and, at the end, per network and k the instability's mean +- standard deviation (n) over the replicates that
 * finished it (a replicate with several seed pairs counts with the mean of its pairs).
 */
final class LmcReplicatePrinter extends ReplicateGroupPrinter {

    /** network/k -> seed -> [test instability, train instability] of each finished curve. */
    private final Map<String, Map<Long, List<double[]>>> curves = new TreeMap<>();

    LmcReplicatePrinter(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    protected void handle(int index, long seed, RunEvent e) {
        if (e instanceof LmcEvent.LmcStarted s) {
            out.println("replicate " + (index + 1) + " (seed " + seed + "): " + s.runDir());
        } else if (e instanceof LmcEvent.LmcCurveDone d) {
            curves.computeIfAbsent(String.format(Locale.ROOT, "%s %08d", d.network(), d.k()), k -> new TreeMap<>())
                    .computeIfAbsent(seed, k -> new ArrayList<>())
                    .add(new double[] {d.instability(), d.trainInstability()});
            out.printf(Locale.ROOT, "  seed %d  %s k=%d pair %d: instability %.2f%% (train %.2f%%)%s%n", seed,
                    d.network(), d.k(), d.seedPair(), 100 * d.instability(), 100 * d.trainInstability(),
                    d.stored() ? "  (stored)" : "");
        }
    }

    @Override
    protected void table() {
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
                    pm(t, 100, 2), pm(Spread.of(train), 100, 2)));
        });
    }
}
