package org.lotterylab.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.LmcPlan;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.run.RunListener;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.StoredRun;
import org.lotterylab.engine.lmc.LmcRunner;

/**
 * {@code lth lmc}: linear mode connectivity and instability analysis (Frankle et al. 2020) headless. Prints
 * one table row per finished curve, each curve as a small text plot, and a summary over seed pairs.
 */
public final class LmcCommand {

    private static final Set<String> VALUES = new HashSet<>(SpecOptions.VALUE_OPTIONS);
    private static final Set<String> FLAGS = Set.of("help", "dry-run", "no-curves");

    static {
        VALUES.addAll(List.of("out", "threads", "k", "alphas", "seeds", "threshold", "train-iterations", "run", "round"));
    }

    private LmcCommand() {
    }

    /** Usage text. */
    public static String usage() {
        return "Usage: lth lmc [options]\n"
                + "Linear mode connectivity and instability (Frankle et al. 2020). From the same weights W_k (the dense\n"
                + "network after k training iterations, or a stored ticket: its mask and its weights rewound to k), two\n"
                + "copies train with different data orders; the classification error is then evaluated, without\n"
                + "retraining, at evenly spaced points alpha*W1 + (1-alpha)*W2 (alpha = 0 and 1 included).\n"
                + "  instability = max error on the path - mean error of its two endpoints; stable = below 2%\n"
                + "Results: <run dir>/lmc.csv and instability.csv (docs/run-format.md). Running again skips the\n"
                + "curves already stored.\n\n"
                + "  --k LIST             rewinding iterations, comma-separated, e.g. 0,100,500 (default 0; with --run,\n"
                + "                       the run's rewindIteration). Each k must be below the training length.\n"
                + "  --alphas N           points on each path, endpoints included, >= 2 (default: spec lmcAlphas, 30)\n"
                + "  --seeds N            seed pairs per k (two trained copies each); several give error bars (default 1)\n"
                + "  --threshold X        stable when instability < X; a fraction (0.02) or a percentage (2%)\n"
                + "  --train-iterations N iterations each copy trains from W_k (default: iterations - k)\n"
                + "  --run DIR --round N  analyse the ticket of round N of a stored IMP run, with that run's spec;\n"
                + "                       results go into DIR\n"
                + "  --out DIR            where runs are stored (default runs)\n"
                + "  --threads N          compute threads (default 2)\n"
                + "  --no-curves          print only the tables, not the text plots of the curves\n"
                + "  --dry-run            print the resolved spec, plan and run directory; do not train\n\n"
                + "Errors are measured on the test set and on the training split (its first 10,000 images at most);\n"
                + "+-se is the binomial standard error of the instability from the finite evaluation set.\n\n"
                + SpecOptions.help();
    }

    /** Runs the command; returns the exit code (0 ok, 1 failure, 2 usage error, 130 cancelled). */
    public static int run(String[] argv, PrintStream out, PrintStream err) throws InterruptedException {
        Args a = Args.forCommand(argv, VALUES, FLAGS, out, LmcCommand::usage);
        if (a == null) {
            return 0;
        }
        Path source = a.has("run") ? Path.of(a.get("run", null)) : null;
        ExperimentSpec spec;
        int round = -1;
        if (source != null) {
            for (String o : SpecOptions.VALUE_OPTIONS) {
                if (a.has(o)) {
                    throw new UsageException("--" + o + " cannot be combined with --run: a stored ticket is analysed "
                            + "with its run's own spec (data, model, training length)");
                }
            }
            if (a.has("out")) {
                throw new UsageException("--out cannot be combined with --run: the results go into the run directory");
            }
            if (!a.has("round")) {
                throw new UsageException("--run needs --round N: which ticket round of the run to analyse");
            }
            round = a.getInt("round", 0, 0, 1000);
            spec = storedSpec(source);
        } else {
            if (a.has("round")) {
                throw new UsageException("--round needs --run DIR (a stored IMP run)");
            }
            spec = SpecOptions.toSpec(a, "quick");
        }
        List<Integer> ks = a.has("k") ? parseKs(a.get("k", "")) : List.of(source != null ? spec.rewindIteration() : 0);
        int alphas = parseAlphas(a, spec.lmcAlphas());
        int seeds = parseSeeds(a);
        double threshold = parseThreshold(a.get("threshold", null));
        int trainIterations = a.getInt("train-iterations", 0, 1, 100_000_000);
        int threads = a.getInt("threads", 2, 1, 256);
        LmcPlan plan;
        try {
            plan = new LmcPlan(source == null ? spec : null, ks, alphas, seeds, trainIterations, threshold, source, round);
            plan.checkAgainst(spec);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path outDir = Path.of(a.get("out", "runs"));
        Path runDir = source != null ? source : outDir.resolve(spec.runDirName());
        if (a.has("dry-run")) {
            out.println("spec: " + spec.toMap());
            out.println("network: " + (source == null ? "dense" : "ticket of round " + round + " of " + source));
            out.println("k: " + plan.ks() + ", alphas: " + alphas + ", seed pairs: " + seeds + ", threshold: " + threshold
                    + ", copies train: " + (trainIterations > 0 ? trainIterations : "iterations - k") + " iterations");
            out.println("run directory: " + runDir);
            return 0;
        }
        Printer printer = new Printer(out, err, !a.has("no-curves"));
        RunControl control = new LmcRunner(threads).start(plan, outDir, printer);
        return RunWaiter.await(control, err, "finished curves", new RunWaiter.Outcome() {
            @Override
            public boolean failed() {
                return printer.failure != null;
            }

            @Override
            public boolean cancelled() {
                return printer.cancelled;
            }
        });
    }

    private static ExperimentSpec storedSpec(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UsageException("--run " + dir + ": no such run directory");
        }
        try {
            return StoredRun.open(dir).spec();
        } catch (IOException e) {
            throw new UsageException("--run " + dir + ": " + e.getMessage());
        }
    }

    /** Parses {@code 0,100,500}. */
    static List<Integer> parseKs(String s) {
        List<Integer> ks = new ArrayList<>();
        for (String part : s.split(",")) {
            String t = part.trim();
            if (t.isEmpty()) {
                continue;
            }
            try {
                ks.add(Integer.parseInt(t));
            } catch (NumberFormatException e) {
                throw new UsageException("--k expects comma-separated iterations like 0,100,500 (got '" + t + "')");
            }
        }
        if (ks.isEmpty()) {
            throw new UsageException("--k expects at least one iteration, e.g. --k 0,100,500");
        }
        return ks;
    }

    private static int parseAlphas(Args a, int def) {
        String v = a.get("alphas", null);
        if (v == null) {
            return def;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 2) {
                throw new UsageException("--alphas must be at least 2: the path needs both endpoints, alpha = 0 and "
                        + "alpha = 1 (got " + n + ")");
            }
            if (n > 1000) {
                throw new UsageException("--alphas must be at most 1000 (got " + n + ")");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--alphas expects an integer (got '" + v + "')");
        }
    }

    private static int parseSeeds(Args a) {
        String v = a.get("seeds", null);
        if (v == null) {
            return 1;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1) {
                throw new UsageException("--seeds must be at least 1: each seed pair trains the two copies of one "
                        + "curve (got " + n + ")");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--seeds expects an integer (got '" + v + "')");
        }
    }

    /** A fraction (0.02) or a percentage (2%). */
    static double parseThreshold(String v) {
        if (v == null) {
            return LmcPlan.DEFAULT_THRESHOLD;
        }
        String t = v.trim();
        boolean pct = t.endsWith("%");
        try {
            double d = Double.parseDouble(pct ? t.substring(0, t.length() - 1).trim() : t);
            d = pct ? d / 100 : d;
            if (!(d > 0 && d <= 1)) {
                throw new UsageException("--threshold must be in (0, 1] as a fraction, or (0%, 100%] (got " + v + ")");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("--threshold expects a fraction like 0.02 or a percentage like 2% (got '" + v + "')");
        }
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

    /** Prints the analysis for a terminal. */
    static final class Printer implements RunListener {
        private final PrintStream out;
        private final PrintStream err;
        private final boolean curves;
        private final boolean tty = System.console() != null;
        private final Map<String, double[][]> points = new LinkedHashMap<>();
        private final List<LmcEvent.LmcCurveDone> done = new ArrayList<>();
        private long lastDraw;
        volatile RunEvent.RunFailed failure;
        volatile boolean cancelled;

        Printer(PrintStream out, PrintStream err, boolean curves) {
            this.out = out;
            this.err = err;
            this.curves = curves;
        }

        @Override
        public void onEvent(RunEvent e) {
            if (e instanceof LmcEvent.LmcStarted s) {
                out.println("run directory: " + s.runDir());
                out.println("backend: " + s.backend().describe());
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
                clearLine();
                done.add(d);
                out.println(row(d));
                double[][] c = points.get(key(d.network(), d.k(), d.seedPair()));
                if (curves && c != null) {
                    out.print(plot(String.format(Locale.ROOT, "%s k=%d pair %d: test error along alpha*W1 + "
                            + "(1-alpha)*W2", d.network(), d.k(), d.seedPair()), c[0], 8));
                }
                out.flush();
            } else if (e instanceof RunEvent.Note n) {
                clearLine();
                err.println("note: " + n.text());
            } else if (e instanceof RunEvent.RunFailed f) {
                clearLine();
                failure = f;
                err.println("error: " + f.reason());
            } else if (e instanceof RunEvent.RunFinished f) {
                clearLine();
                cancelled = f.cancelled();
                summary();
                out.printf(Locale.ROOT, "%s after %.1f s; results in %s%n", f.cancelled() ? "cancelled" : "finished",
                        f.seconds(), f.runDir());
            }
        }

        private void summary() {
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
            if (!tty) {
                return;
            }
            long now = System.nanoTime();
            if (now - lastDraw < 100_000_000L && t.iteration() != t.totalIterations()) {
                return;
            }
            lastDraw = now;
            double frac = t.iteration() / (double) t.totalIterations();
            String what = t.seedPair() < 0 ? "dense training to W_k (k up to " + t.k() + ")"
                    : t.network() + " k=" + t.k() + " pair " + t.seedPair() + " " + t.phase();
            err.print(String.format(Locale.ROOT, "\r%-44s [%-30s] %5.1f%%  loss %.4f", what,
                    "#".repeat((int) Math.round(frac * 30)), 100 * frac, t.loss()));
            err.flush();
        }

        private void clearLine() {
            if (tty) {
                err.print("\r" + " ".repeat(100) + "\r");
                err.flush();
            }
        }
    }
}
