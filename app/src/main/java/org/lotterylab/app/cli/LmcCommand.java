package org.lotterylab.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lotterylab.api.run.LmcPlan;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.StoredRun;
import org.lotterylab.engine.lmc.LmcRunner;
import org.lotterylab.engine.replicate.ReplicateRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code lth lmc}: linear mode connectivity and instability analysis (Frankle et al. 2020) headless; the
 * output is {@link LmcPrinter}'s.
 */
@Command(name = "lmc", header = "linear mode connectivity and instability analysis",
        description = {
    "Linear mode connectivity and instability (Frankle et al. 2020). From the same weights W_k (the dense network "
        + "after k training iterations, or a stored ticket: its mask and its weights rewound to k), two copies train "
        + "with different data orders; the classification error is then evaluated, without retraining, at evenly "
        + "spaced points alpha*W1 + (1-alpha)*W2 (alpha = 0 and 1 included).",
    "  instability = max error on the path - mean error of its two endpoints; stable = below 2%%",
    "Results: <run dir>/lmc.csv and instability.csv (docs/run-format.md). Running again skips the curves already "
        + "stored. Errors are measured on the test set and on the training split (its first 10,000 images at most); "
        + "+-se is the binomial standard error of the instability from the finite evaluation set.", ""})
public final class LmcCommand extends RunCommand {

    /** The options of the curves: which k, how many points and seed pairs, the threshold; {@link #call()} parses them. */
    private static final List<TextOptions.Row> CURVE_OPTIONS = List.of(
            new TextOptions.Row("k", "--k", "LIST", "rewinding iterations, comma-separated, e.g. 0,100,500 "
                    + "(default 0; with --run, the run's rewindIteration). Each k must be below the training length."),
            new TextOptions.Row("alphas", "--alphas", "N",
                    "points on each path, endpoints included, >= 2 (default: spec lmcAlphas, 30)"),
            new TextOptions.Row("seeds", "--seeds", "N",
                    "seed pairs per k (two trained copies each); several give error bars (default 1)"),
            new TextOptions.Row("threshold", "--threshold", "X",
                    "stable when instability < X; a fraction (0.02) or a percentage (2%%)"));

    private final TextOptions curve = new TextOptions(CURVE_OPTIONS);
    @Mixin
    CommandSpec curveOptions = curve.spec();
    @Option(names = "--train-iterations", paramLabel = "N",
            description = "iterations each copy trains from W_k (default: iterations - k)")
    Integer trainIterations;
    @Option(names = "--run", paramLabel = "DIR", description = "analyse a ticket of a stored IMP run (with --round), "
            + "with that run's spec; results go into DIR")
    Path run;
    @Option(names = "--round", paramLabel = "N", description = "which ticket round of the --run to analyse")
    Integer round;
    @Mixin
    RunOptions runOptions;
    @Option(names = "--no-curves", description = "print only the tables, not the text plots of the curves")
    boolean noCurves;
    @Option(names = "--dry-run", description = "print the resolved spec, plan and run directory; do not train")
    boolean dryRun;

    /** The command writing to {@code ctx}. */
    public LmcCommand(CliContext ctx) {
        super(ctx, SpecOptions.standard(), "finished curves");
    }

    @Override
    public Integer call() throws InterruptedException {
        ExperimentSpec s;
        int r = -1;
        int replicates = runOptions.reps.replicates();
        if (replicates > 1 && run != null) {
            throw new UsageException("--replicates cannot be combined with --run: a stored ticket has one seed");
        }
        if (run != null) {
            spec.firstGiven().ifPresent(o -> {
                throw new UsageException(o + " cannot be combined with --run: a stored ticket is analysed "
                        + "with its run's own spec (data, model, training length)");
            });
            if (runOptions.out.given().isPresent()) {
                throw new UsageException("--out cannot be combined with --run: the results go into the run directory");
            }
            if (round == null) {
                throw new UsageException("--run needs --round N: which ticket round of the run to analyse");
            }
            r = UsageException.checkBetween("--round", round, 0, 1000);
            s = storedSpec(run);
        } else {
            if (round != null) {
                throw new UsageException("--round needs --run DIR (a stored IMP run)");
            }
            s = spec.toSpec();
        }
        List<Integer> ks = curve.value("k").map(LmcCommand::parseKs).orElse(List.of(run != null ? s.rewindIteration() : 0));
        int nAlphas = parseAlphas(curve.value("alphas").orElse(null), s.lmcAlphas());
        int nSeeds = parseSeeds(curve.value("seeds").orElse(null));
        double limit = parseThreshold(curve.value("threshold").orElse(null));
        int train = trainIterations == null ? 0
                : UsageException.checkBetween("--train-iterations", trainIterations, 1, 100_000_000);
        int n = runOptions.threads.resolve(replicates > 1 ? 1 : 2);
        LmcPlan plan;
        try {
            plan = new LmcPlan(run == null ? s : null, ks, nAlphas, nSeeds, train, limit, run, r);
            plan.checkAgainst(s);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path outDir = run != null ? run.toAbsolutePath().getParent() : runOptions.out.resolve(ctx.dirs());
        Path runDir = run != null ? run : outDir.resolve(s.runDirName());
        PrintStream o = ctx.out();
        if (dryRun) {
            o.println("spec: " + s.toMap());
            o.println("network: " + (run == null ? "dense" : "ticket of round " + r + " of " + run));
            o.println("k: " + plan.ks() + ", alphas: " + nAlphas + ", seed pairs: " + nSeeds + ", threshold: " + limit
                    + ", copies train: " + (train > 0 ? train : "iterations - k") + " iterations");
            if (run != null) {
                o.println("run directory: " + runDir);
            } else {
                ReplicateOptions.printDirs(o, s, replicates, outDir);
            }
            return 0;
        }
        if (replicates > 1) {
            return replicates(s, plan, n, outDir);
        }
        LmcPrinter printer = new LmcPrinter(o, ctx.err(), !noCurves);
        return await(new LmcRunner(n).start(plan, outDir, printer), printer);
    }

    /** Each replicate is the plan with the replicate's spec, stored as {@code lth lmc --seed S} stores it. */
    private int replicates(ExperimentSpec s, LmcPlan plan, int n, Path outDir) throws InterruptedException {
        LmcRunner runner = new LmcRunner(n);
        ReplicateRunner.Starter starter = (member, dir, listener) -> runner.start(new LmcPlan(member, plan.ks(),
                plan.alphas(), plan.seedPairs(), plan.trainIterations(), plan.threshold(), null, -1), dir, listener);
        return replicates(s, runOptions.reps, n, "", starter, outDir, new LmcReplicatePrinter(ctx.out(), ctx.err()));
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

    private static int parseAlphas(String v, int def) {
        return v == null ? def : parseCount("--alphas", v, 2, 1000,
                "the path needs both endpoints, alpha = 0 and alpha = 1");
    }

    private static int parseSeeds(String v) {
        return v == null ? 1 : parseCount("--seeds", v, 1, Integer.MAX_VALUE,
                "each seed pair trains the two copies of one curve");
    }

    /** The integer {@code v} of {@code option} in [min, max]; below {@code min} the message says {@code why}. */
    private static int parseCount(String option, String v, int min, int max, String why) {
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " expects an integer (got '" + v + "')");
        }
        if (n < min) {
            throw new UsageException(option + " must be at least " + min + ": " + why + " (got " + n + ")");
        }
        if (n > max) {
            throw new UsageException(option + " must be at most " + max + " (got " + n + ")");
        }
        return n;
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
}
