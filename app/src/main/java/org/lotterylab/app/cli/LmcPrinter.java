package org.lotterylab.app.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.RunEvent;

/**
 * The terminal output of {@code lth lmc}: one table row per finished curve, each curve as a small text plot,
 * a summary over seed pairs, and a progress line on stderr when it is a terminal.
 */
final class LmcPrinter extends RunPrinter {
    private final boolean curves;
    private final Map<String, double[][]> points = new LinkedHashMap<>();
    private final List<LmcEvent.LmcCurveDone> done = new ArrayList<>();

    LmcPrinter(PrintStream out, PrintStream err, boolean curves) {
        super(out, err);
        this.curves = curves;
    }

    @Override
    protected void handle(RunEvent e) {
        if (e instanceof LmcEvent.LmcStarted s) {
            printLocation(s.runDir(), s.backend());
            out.printf(Locale.ROOT, "network %s; k %s; %d seed pair(s); %d points per path; error on %d test and "
                            + "%d training images; stable when instability < %.2f%%%n", s.network(), s.ks(),
                    s.seedPairs(), s.alphas(), s.testCount(), s.trainCount(), 100 * s.threshold());
            out.println("instability = max error on the path - mean error of its two endpoints (test set; "
                    + "train_inst%: the same on the training images)");
            out.println(header());
            out.flush();
        } else if (e instanceof LmcEvent.LmcTraining t) {
            drawBar(t);
        } else if (e instanceof LmcEvent.LmcPoint p) {
            double[][] c = points.computeIfAbsent(key(p.network(), p.k(), p.seedPair()),
                    x -> new double[][] {new double[p.count()], new double[p.count()]});
            if (p.index() < c[0].length) {
                c[0][p.index()] = p.testError();
                c[1][p.index()] = p.trainError();
            }
        } else if (e instanceof LmcEvent.LmcCurveDone d) {
            status.clear();
            done.add(d);
            out.println(row(d));
            double[][] c = points.get(key(d.network(), d.k(), d.seedPair()));
            if (curves && c != null) {
                out.print(plot(String.format(Locale.ROOT, "%s k=%d pair %d: test error along alpha*W1 + "
                        + "(1-alpha)*W2", d.network(), d.k(), d.seedPair()), c[0], 8));
            }
            out.flush();
        }
    }

    /** The summary over seed pairs, before the closing line. */
    @Override
    protected void beforeEnd() {
        if (done.isEmpty()) {
            return;
        }
        Map<String, List<LmcEvent.LmcCurveDone>> groups = new TreeMap<>();
        for (LmcEvent.LmcCurveDone d : done) {
            groups.computeIfAbsent(String.format(Locale.ROOT, "%s %08d", d.network(), d.k()), x -> new ArrayList<>())
                    .add(d);
        }
        out.println();
        out.println("summary over seed pairs (test instability, mean +- sd):");
        out.println(String.format(Locale.ROOT, "%-16s %6s %5s %18s %14s %8s", "network", "k", "pairs",
                "instability%", "max%", "stable"));
        for (List<LmcEvent.LmcCurveDone> g : groups.values()) {
            double[] v = g.stream().mapToDouble(LmcEvent.LmcCurveDone::instability).toArray();
            double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
            double sd = v.length < 2 ? 0 : Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean))
                    .sum() / (v.length - 1));
            double max = java.util.Arrays.stream(v).max().orElse(Double.NaN);
            long stable = g.stream().filter(LmcEvent.LmcCurveDone::stable).count();
            out.println(String.format(Locale.ROOT, "%-16s %6d %5d %11.2f +- %4.2f %14.2f %5d/%d", g.get(0).network(),
                    g.get(0).k(), g.size(), 100 * mean, 100 * sd, 100 * max, stable, g.size()));
        }
    }

    private static String key(String network, int k, int pair) {
        return network + "/" + k + "/" + pair;
    }

    private void drawBar(LmcEvent.LmcTraining t) {
        double frac = t.iteration() / (double) t.totalIterations();
        String what = t.seedPair() < 0 ? "dense training to W_k (k up to " + t.k() + ")"
                : t.network() + " k=" + t.k() + " pair " + t.seedPair() + " " + t.phase();
        status.show(t.iteration() == t.totalIterations(), () -> String.format(Locale.ROOT, "%-44s %s %5.1f%%  loss %.4f",
                what, StatusLine.bar(frac), 100 * frac, t.loss()));
    }

    /** The table header. */
    static String header() {
        return String.format(Locale.ROOT, "%-22s %6s %4s %10s %12s %6s %8s %10s %11s %6s %6s %7s", "network", "k",
                "pair", "remaining%", "instability%", "+-se", "max_err%", "endpoints%", "train_inst%", "+-se", "stable",
                "eval_s");
    }

    /** One table row. */
    static String row(LmcEvent.LmcCurveDone d) {
        return String.format(Locale.ROOT, "%-22s %6d %4d %10.2f %12.2f %6.2f %8.2f %10.2f %11.2f %6.2f %6s %7s",
                d.network(), d.k(), d.seedPair(), 100 * d.weightsRemaining(), 100 * d.instability(),
                100 * d.instabilitySe(), 100 * d.maxError(), 100 * d.endpointMeanError(), 100 * d.trainInstability(),
                100 * d.trainInstabilitySe(), d.stable() ? "yes" : "NO",
                Double.isNaN(d.evalSeconds()) ? "stored" : String.format(Locale.ROOT, "%.2f", d.evalSeconds()));
    }

    /**
     * A text plot of one error curve on its own scale: one column per point (alpha 0 on the left), one
     * {@code *} per point, the endpoints' mean error marked with {@code -} where no point is.
     */
    static String plot(String title, double[] errors, int height) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : errors) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (hi - lo < 1e-9) {
            hi = lo + 1e-3;
        }
        int n = errors.length;
        char[][] grid = new char[height][n];
        for (char[] r : grid) {
            java.util.Arrays.fill(r, ' ');
        }
        int mean = level((errors[0] + errors[n - 1]) / 2, lo, hi, height);
        java.util.Arrays.fill(grid[mean], '-');
        for (int i = 0; i < n; i++) {
            grid[level(errors[i], lo, hi, height)][i] = '*';
        }
        StringBuilder sb = new StringBuilder("  ").append(title).append("  (- mean of the endpoints)\n");
        for (int r = height - 1; r >= 0; r--) {
            String label = r == height - 1 ? String.format(Locale.ROOT, "%6.2f%%", 100 * hi)
                    : r == 0 ? String.format(Locale.ROOT, "%6.2f%%", 100 * lo) : "";
            sb.append(String.format(Locale.ROOT, "  %7s |", label)).append(new String(grid[r]).stripTrailing())
                    .append('\n');
        }
        sb.append("          +").append("-".repeat(n)).append('\n');
        String axis = "alpha 0" + " ".repeat(Math.max(1, n - 14)) + "alpha 1";
        sb.append("           ").append(axis).append('\n');
        return sb.toString();
    }

    private static int level(double v, double lo, double hi, int height) {
        int r = (int) Math.round((v - lo) / (hi - lo) * (height - 1));
        return Math.max(0, Math.min(height - 1, r));
    }
}
