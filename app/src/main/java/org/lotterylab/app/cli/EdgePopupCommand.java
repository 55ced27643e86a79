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
import org.lotterylab.api.run.EdgePopupEvent;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.run.RunListener;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.ModelKind;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.engine.data.DatasetLocator;
import org.lotterylab.engine.edgepopup.EdgePopupBenchmark;
import org.lotterylab.engine.edgepopup.EdgePopupOptions;
import org.lotterylab.engine.edgepopup.EdgePopupRunner;
import org.lotterylab.engine.edgepopup.Supermask;

/**
 * {@code lth edge-popup}: strong lottery tickets. Trains edge-popup scores over frozen random weights for one
 * or more fractions of edges kept and stores each as a round of the {@code edge-popup} branch; with
 * {@code --supermask RUN_DIR}, evaluates a stored IMP run's masks on its untrained theta_0; with
 * {@code --bench}, measures edge-popup's throughput next to plain training's.
 */
public final class EdgePopupCommand {

    /** Options of this command that are not spec options. */
    private static final Set<String> OWN_VALUES = Set.of("keep", "iterations", "optimizer", "lr", "momentum",
            "weight-decay", "score-init", "eval-interval", "init", "out", "threads", "supermask", "branch", "blocks",
            "model");
    private static final Set<String> FLAGS = Set.of("help", "dry-run", "bench");
    private static final Set<String> VALUES = new HashSet<>(SpecOptions.VALUE_OPTIONS);

    static {
        VALUES.addAll(OWN_VALUES);
    }

    private EdgePopupCommand() {
    }

    /** Usage text. */
    public static String usage() {
        return "Usage: lth edge-popup [--keep 0.5 | --keep 0.1,0.3,0.5,0.7] [options]\n"
                + "       lth edge-popup --supermask RUN_DIR [--branch ticket] [--test-data DIR]\n"
                + "       lth edge-popup --bench [--model lenet-300-100] [--keep 0.5] [--iterations N] [--blocks N]\n\n"
                + "Edge-popup (Ramanujan et al. 2020): the weights stay frozen at their random init; every weight has a\n"
                + "trained score and each layer uses only the edges with the top-k |score| (k = the fraction KEPT).\n"
                + "Each keep value is one point (a round of the edge-popup branch) in the spec's run directory, the\n"
                + "same directory as an IMP run of the same spec; rerunning skips the points already stored.\n\n"
                + "  --keep LIST          fraction(s) of edges KEPT per layer, each in (0, 1] (default: the spec's\n"
                + "                       edgePopupKeep, 0.5); a list sweeps, most edges first\n"
                + "  --model NAME         the spec's model: mlp-small, lenet-300-100, conv-2, conv-4, conv-6\n"
                + "  --init KIND          init of the frozen weights (default "
                + EdgePopupOptions.defaults().weightInit().id() + ", the paper's best;\n"
                + "                       kaiming-normal, glorot-normal); it becomes the run's spec init\n"
                + "  --iterations N       score updates per point (default: the spec's iterations)\n"
                + "  --eval-interval N    evaluate and count mask flips every N updates (default: the spec's)\n"
                + "  --optimizer NAME     sgd-cosine (momentum, cosine decay; default) or adam\n"
                + "  --lr X               score learning rate (default " + EdgePopupOptions.defaults().learningRate() + ")\n"
                + "  --momentum X         SGD momentum (default " + EdgePopupOptions.defaults().momentum() + ")\n"
                + "  --weight-decay X     L2 on the scores (default " + EdgePopupOptions.defaults().weightDecay() + ")\n"
                + "  --score-init NAME    kaiming-uniform (default) or weight-magnitude\n"
                + "  --out DIR            where runs are stored (default runs)\n"
                + "  --threads N          compute threads (default 2)\n"
                + "  --dry-run            print the resolved settings and run directory, do not train\n\n"
                + "Supermasks (Zhou et al. 2019):\n"
                + "  --supermask RUN_DIR  for every finished round of an IMP run: weights remaining and the test\n"
                + "                       accuracy of its mask on the untrained theta_0 (and on signed constants).\n"
                + "                       Which weights a mask keeps is the run's maskCriterion (large-final by\n"
                + "                       default; --set maskCriterion=magnitude-increase when running IMP)\n"
                + "  --branch ID          the branch whose masks to use (default ticket)\n\n"
                + "Benchmark:\n"
                + "  --bench              edge-popup vs plain (Adam) training throughput in examples/s, alternating\n"
                + "                       blocks of --iterations steps (default 100) x --blocks (default 9), batch 60;\n"
                + "                       the extra time per step is the median over back-to-back block pairs\n\n"
                + SpecOptions.help();
    }

    /** Runs the command; returns the exit code (0 ok, 1 failure, 2 usage error, 130 cancelled). */
    public static int run(String[] argv, PrintStream out, PrintStream err) throws InterruptedException {
        Args a = Args.forCommand(argv, VALUES, FLAGS, out, EdgePopupCommand::usage);
        if (a == null) {
            return 0;
        }
        int threads = a.getInt("threads", 2, 1, 256);
        if (a.has("supermask")) {
            return supermask(a, threads, out);
        }
        if (a.has("bench")) {
            return bench(a, threads, out);
        }
        ExperimentSpec spec = SpecOptions.toSpec(specArgs(argv), "quick");
        if (a.has("model")) {
            spec = spec.with("model", a.get("model", null));
        }
        List<Double> keeps = a.has("keep") ? EdgePopupRunner.parseKeeps(a.get("keep", null))
                : EdgePopupRunner.checkKeeps(List.of(spec.edgePopupKeep()));
        EdgePopupOptions options = options(a);
        spec = EdgePopupRunner.frozenSpec(spec, options);
        Path outDir = Path.of(a.get("out", "runs"));
        if (a.has("dry-run")) {
            out.println("frozen weights: " + spec.init().id() + " init (seed " + spec.seed() + ")");
            out.println("spec: " + spec.toMap());
            out.println("keep (fraction of edges kept): " + keeps);
            out.println("edge-popup options: " + options.resolvedMap(spec));
            out.println("run directory: " + outDir.resolve(spec.runDirName()));
            return 0;
        }
        Printer printer = new Printer(out, err, keeps.size());
        EdgePopupRunner runner = new EdgePopupRunner(threads);
        RunControl control = runner.start(spec, keeps, options, outDir, printer);
        return RunWaiter.await(control, err, "finished points", new RunWaiter.Outcome() {
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

    /** The arguments minus this command's own options, for {@link SpecOptions} ({@code --iterations} is ours). */
    private static Args specArgs(String[] argv) {
        List<String> keep = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String s = argv[i];
            if (s.startsWith("--")) {
                String name = s.substring(2);
                int eq = name.indexOf('=');
                String bare = eq >= 0 ? name.substring(0, eq) : name;
                if (OWN_VALUES.contains(bare) || FLAGS.contains(bare)) {
                    if (eq < 0 && OWN_VALUES.contains(bare)) {
                        i++;
                    }
                    continue;
                }
            }
            keep.add(s);
        }
        Set<String> specValues = new HashSet<>(SpecOptions.VALUE_OPTIONS);
        return Args.parse(keep.toArray(new String[0]), specValues, Set.of());
    }

    private static EdgePopupOptions options(Args a) {
        Map<String, String> m = new LinkedHashMap<>();
        put(a, m, "iterations", "iterations");
        put(a, m, "eval-interval", "evalInterval");
        put(a, m, "optimizer", "optimizer");
        put(a, m, "lr", "learningRate");
        put(a, m, "momentum", "momentum");
        put(a, m, "weight-decay", "weightDecay");
        put(a, m, "score-init", "scoreInit");
        put(a, m, "init", "weightInit");
        if (m.containsKey("iterations")) {
            int it = a.getInt("iterations", 0, 1, 100_000_000);
            m.put("iterations", Integer.toString(it));
        }
        try {
            return EdgePopupOptions.fromMap(m);
        } catch (SpecException e) {
            String opt = switch (e.field()) {
                case "learningRate" -> "--lr";
                case "weightDecay" -> "--weight-decay";
                case "scoreInit" -> "--score-init";
                case "weightInit" -> "--init";
                case "evalInterval" -> "--eval-interval";
                default -> "--" + e.field();
            };
            throw new UsageException(opt + ": " + e.getMessage().substring(e.field().length() + 2));
        }
    }

    private static void put(Args a, Map<String, String> m, String option, String key) {
        if (a.has(option)) {
            m.put(key, a.get(option, null));
        }
    }

    private static int supermask(Args a, int threads, PrintStream out) {
        Path dir = Path.of(a.get("supermask", ""));
        if (!Files.isDirectory(dir)) {
            throw new UsageException("--supermask: '" + dir + "' is not a run directory (give <out>/<name>-<hash>)");
        }
        Branch branch = Branch.fromId(a.get("branch", "ticket"));
        if (branch == Branch.EDGE_POPUP) {
            throw new UsageException("--branch: supermasks are IMP masks on theta_0; edge-popup rounds are already "
                    + "untrained weights under a mask (their test accuracy is in summary.csv)");
        }
        String testData = a.get("test-data", "");
        if (!testData.isBlank() && !Files.isDirectory(Path.of(testData))) {
            throw new SpecException("testData", "'" + testData + "' is not an existing directory");
        }
        Supermask.Report r;
        try {
            r = Supermask.evaluate(dir, branch, testData, threads);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        out.println("run directory: " + r.runDir());
        out.println("data: " + r.data());
        out.println("supermasks of " + branch.id() + " (mask criterion " + r.criterion()
                + "): each round's mask on the untrained theta_0, no training");
        out.println(String.format(Locale.ROOT, "%5s %10s %14s %14s %12s", "round", "remaining%", "supermask_acc%",
                "signed_const%", "trained_acc%"));
        for (Supermask.Row row : r.rows()) {
            out.println(String.format(Locale.ROOT, "%5d %10.2f %14.2f %14.2f %12.2f", row.round(),
                    100 * row.weightsRemaining(), 100 * row.supermaskAccuracy(), 100 * row.signedConstantAccuracy(),
                    100 * row.trainedAccuracy()));
        }
        out.println("signed_const: kept weights set to sign(theta_0) x std of the layer (Zhou et al.); "
                + "trained_acc: the round's test accuracy at its early-stop iteration");
        return 0;
    }

    private static int bench(Args a, int threads, PrintStream out) {
        ModelKind model = org.lotterylab.api.spec.Choice.parse(ModelKind.class, "model", a.get("model", "lenet-300-100"));
        double keep = a.has("keep") ? EdgePopupRunner.parseKeeps(a.get("keep", null)).get(0) : 0.5;
        int iterations = a.getInt("iterations", 100, 10, 10_000_000);
        int blocks = a.getInt("blocks", 9, 1, 100);
        var train = DatasetLocator.locate(a.get("data", "sample")).train();
        EdgePopupBenchmark.Result r = EdgePopupBenchmark.run(train, model, keep, threads, 60, iterations, blocks,
                out::println);
        out.println("backend: " + r.backend());
        out.printf(Locale.ROOT, "model %s batch 60 threads %d keep %s iterations/block %d blocks %d%n", model.id(),
                threads, EdgePopupRunner.keepLabel(keep), iterations, blocks);
        out.printf(Locale.ROOT, "edge_popup_score_ms_per_step %.3f (cpu %.3f)%n", r.scoreMillis(), r.scoreCpuMillis());
        out.printf(Locale.ROOT, "edge_popup_extra_time_per_step_percent %.1f%n", 100 * r.extraCostPerStep());
        out.printf(Locale.ROOT, "edge_popup_examples_per_s %.0f%n", r.edgePopup());
        out.printf(Locale.ROOT, "plain_examples_per_s %.0f%n", r.plain());
        return 0;
    }

    /** Table output: one row per finished point; a progress line on stderr when it is a terminal. */
    static final class Printer implements RunListener {
        private final PrintStream out;
        private final PrintStream err;
        private final boolean tty = System.console() != null;
        private final int points;
        private EdgePopupEvent.Sweep sweep;
        private final Map<Integer, EdgePopupEvent.MaskFlips> lastFlips = new LinkedHashMap<>();
        private long lastDraw;
        volatile RunEvent.RunFailed failure;
        volatile boolean cancelled;

        Printer(PrintStream out, PrintStream err, int points) {
            this.out = out;
            this.err = err;
            this.points = points;
        }

        static String header() {
            return String.format(Locale.ROOT, "%-10s %5s %8s %9s %10s %12s %11s %8s", "keep", "round", "kept%",
                    "test_acc%", "early_stop", "es_test_acc%", "flips_last", "seconds");
        }

        String row(RoundResult r, String note) {
            double keep = sweep == null ? Double.NaN : sweep.keepOf(r.round());
            EdgePopupEvent.MaskFlips f = lastFlips.get(r.round());
            return String.format(Locale.ROOT, "%-10s %5d %8.2f %9.2f %10d %12.2f %11s %8.1f%s",
                    Double.isNaN(keep) ? "?" : Double.toString(keep), r.round(), 100 * r.weightsRemaining(),
                    100 * r.testAccuracy(), r.earlyStopIteration(), 100 * r.earlyStopTestAccuracy(),
                    f == null ? "-" : Integer.toString(f.entered()), r.seconds(), note);
        }

        @Override
        public void onEvent(RunEvent e) {
            if (e instanceof RunEvent.RunStarted s) {
                out.println("run directory: " + s.runDir());
                out.println("backend: " + s.backend().describe());
                out.println("frozen weights: " + s.spec().init().id() + " init (seed " + s.spec().seed()
                        + "), never trained; kept% = fraction of edges kept (per layer, and overall)");
                pendingResumed = s.resumedRounds();
            } else if (e instanceof EdgePopupEvent.Sweep s) {
                sweep = s;
                out.println(header());
                for (RoundResult r : pendingResumed) {
                    if (s.rounds().contains(r.round())) {
                        out.println(row(r, "  (stored)"));
                    }
                }
                out.flush();
            } else if (e instanceof EdgePopupEvent.MaskFlips f) {
                lastFlips.put(f.round(), f);
            } else if (e instanceof RunEvent.Note n) {
                clearLine();
                if (!n.text().contains("already on disk")) {
                    err.println("note: " + n.text());
                }
            } else if (e instanceof RunEvent.IterationProgress p) {
                drawBar(p);
            } else if (e instanceof RunEvent.RoundFinished f) {
                clearLine();
                out.println(row(f.result(), ""));
                out.flush();
            } else if (e instanceof RunEvent.RunFailed f) {
                clearLine();
                failure = f;
                err.println("error: " + f.reason());
            } else if (e instanceof RunEvent.RunFinished f) {
                clearLine();
                cancelled = f.cancelled();
                out.printf(Locale.ROOT, "%s after %.1f s; results in %s (branch edge-popup)%n",
                        f.cancelled() ? "cancelled" : "finished", f.seconds(), f.runDir());
                out.println("flips_last: edges that entered (= left) the mask in the last evaluation interval");
            }
        }

        private List<RoundResult> pendingResumed = List.of();

        private void drawBar(RunEvent.IterationProgress p) {
            if (!tty) {
                return;
            }
            long now = System.nanoTime();
            if (now - lastDraw < 100_000_000L && p.iteration() != p.totalIterations()) {
                return;
            }
            lastDraw = now;
            double frac = p.iteration() / (double) p.totalIterations();
            double keep = sweep == null ? Double.NaN : sweep.keepOf(p.round());
            int index = sweep == null ? 0 : sweep.rounds().indexOf(p.round()) + 1;
            err.print(String.format(Locale.ROOT, "\r%s (point %d/%d)  [%-30s] %5.1f%%  loss %.4f  %.0f ex/s",
                    Double.isNaN(keep) ? "edge-popup" : EdgePopupRunner.keepLabel(keep), index, points,
                    "#".repeat((int) Math.round(frac * 30)), frac * 100, p.loss(), p.examplesPerSecond()));
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
