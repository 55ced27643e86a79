package org.lotterylab.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.Choice;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.ModelKind;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.engine.data.DatasetLocator;
import org.lotterylab.engine.edgepopup.EdgePopupBenchmark;
import org.lotterylab.engine.edgepopup.EdgePopupOptions;
import org.lotterylab.engine.edgepopup.EdgePopupRunner;
import org.lotterylab.engine.edgepopup.Supermask;
import org.lotterylab.engine.replicate.ReplicateRunner;
import org.lotterylab.engine.widths.WidthSweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code lth edge-popup}: strong lottery tickets. Trains edge-popup scores over frozen random weights for one
 * or more fractions of edges kept and stores each as a round of the {@code edge-popup} branch; with
 * {@code --supermask RUN_DIR}, evaluates a stored IMP run's masks on its untrained theta_0; with
 * {@code --bench}, measures edge-popup's throughput next to plain training's. The output is
 * {@link EdgePopupPrinter}'s.
 */
@Command(name = "edge-popup", header = "strong lottery tickets: train scores of frozen random weights",
        customSynopsis = {
    "lth edge-popup [--keep 0.5 | --keep 0.1,0.3,0.5,0.7] [options]",
    "       lth edge-popup --widths 1,2,4,8 [--keep 0.5] [options]",
    "       lth edge-popup --supermask RUN_DIR [--branch ticket] [--test-data DIR]",
    "       lth edge-popup --bench [--model lenet-300-100] [--keep 0.5] [--iterations N] [--blocks N]"},
        description = {"",
            "Edge-popup (Ramanujan et al. 2020): the weights stay frozen at their random init; every weight has a "
                + "trained score and each layer uses only the edges with the top-k |score| (k = the fraction KEPT). "
                + "Each keep value is one point (a round of the edge-popup branch) in the spec's run directory, the "
                + "same directory as an IMP run of the same spec; rerunning skips the points already stored.",
            "Width sweep (Malach et al. 2020; Pensia et al. 2020): --widths 1,2,4,8 runs edge-popup on random networks "
                + "whose hidden layers are 1x, 2x, ... as wide as the model (spec field width; each width is an "
                + "ordinary edge-popup run), trains the 1x network normally (same data, seed and number of updates), "
                + "and writes <out>/<name>-<hash>.widths.csv (docs/run-format.md) for the Theory view.",
            "Supermasks (Zhou et al. 2019): --supermask RUN_DIR gives, for every finished round of an IMP run, the "
                + "weights remaining and the test accuracy of its mask on the untrained theta_0 (and on signed "
                + "constants). Which weights a mask keeps is the run's maskCriterion (large-final by default; "
                + "--set maskCriterion=magnitude-increase when running IMP).",
            "Benchmark: --bench measures edge-popup vs plain (Adam) training throughput in examples/s, alternating "
                + "blocks of --iterations steps (default 100) x --blocks (default 9), batch 60; the extra time per "
                + "step is the median over back-to-back block pairs.", ""})
public final class EdgePopupCommand extends RunCommand {

    /**
     * The score optimiser's options: the {@link EdgePopupOptions#KEYS keys} but {@code iterations} (its own
     * option, below), with {@link EdgePopupOptions#defaults()}' values as defaults.
     */
    private static final List<TextOptions.Row> SCORE_OPTIONS = List.of(
            new TextOptions.Row("evalInterval", "--eval-interval", "N",
                    "evaluate and count mask flips every N updates (default: the spec's)"),
            new TextOptions.Row("optimizer", "--optimizer", "NAME", "sgd-cosine (momentum, cosine decay; default) or adam"),
            new TextOptions.Row("learningRate", "--lr", "X", "score learning rate (default: ${DEFAULT-VALUE})"),
            new TextOptions.Row("momentum", "--momentum", "X", "SGD momentum (default: ${DEFAULT-VALUE})"),
            new TextOptions.Row("weightDecay", "--weight-decay", "X", "L2 on the scores (default: ${DEFAULT-VALUE})"),
            new TextOptions.Row("scoreInit", "--score-init", "NAME", "kaiming-uniform (default) or weight-magnitude"),
            new TextOptions.Row("weightInit", "--init", "KIND", "init of the frozen weights: signed-kaiming-constant "
                    + "(default, the paper's best), kaiming-normal or glorot-normal; it becomes the run's spec init"));

    @Option(names = "--keep", paramLabel = "LIST", description = "fraction(s) of edges KEPT per layer, each in (0, 1] "
            + "(default: the spec's edgePopupKeep, 0.5); a list sweeps, most edges first")
    String keep;
    @Option(names = "--widths", paramLabel = "LIST", description = "hidden-layer width multipliers, e.g. 1,2,4,8 "
            + "(1 = the model as is): strong tickets at each width against the trained 1x network")
    String widths;
    @Option(names = "--iterations", paramLabel = "N", description = "score updates per point (default: the spec's "
            + "iterations); with --bench, steps per block (default 100)")
    Integer iterations;
    private final TextOptions score = new TextOptions(SCORE_OPTIONS, EdgePopupOptions.defaults().toMap());
    @Mixin
    CommandSpec scoreOptions = score.spec();
    @Mixin
    RunOptions runOptions;
    @Option(names = "--dry-run", description = "print the resolved settings and run directory, do not train")
    boolean dryRun;
    @Option(names = "--supermask", paramLabel = "RUN_DIR",
            description = "evaluate every finished round's IMP mask of RUN_DIR on its untrained theta_0")
    Path supermask;
    @Option(names = "--branch", paramLabel = "ID", description = "the branch whose masks to use (default ticket)")
    String branch = "ticket";
    @Option(names = "--bench", description = "edge-popup vs plain training throughput")
    boolean bench;
    @Option(names = "--blocks", paramLabel = "N", description = "with --bench: blocks per variant (default 9)")
    int blocks = 9;

    /** The command writing to {@code ctx}. */
    public EdgePopupCommand(CliContext ctx) {
        super(ctx, SpecOptions.withFlags(SpecOptions.EDGE_POPUP), "finished points");
    }

    @Override
    public Integer call() throws InterruptedException {
        int n = runOptions.threads.resolve(2);
        if (supermask != null) {
            return supermask(n);
        }
        if (bench) {
            return bench(n);
        }
        EdgePopupOptions options = options();
        ExperimentSpec s = EdgePopupRunner.frozenSpec(spec.toSpec(), options);
        List<Double> keeps = keep != null ? EdgePopupRunner.parseKeeps(keep)
                : EdgePopupRunner.checkKeeps(List.of(s.edgePopupKeep()));
        Path outDir = runOptions.out.resolve(ctx.dirs());
        if (widths != null) {
            return widthSweep(keeps, options, outDir, n);
        }
        if (dryRun) {
            ctx.out().println("frozen weights: " + s.init().id() + " init (seed " + s.seed() + ")");
            ctx.out().println("spec: " + s.toMap());
            ctx.out().println("keep (fraction of edges kept): " + keeps);
            ctx.out().println("edge-popup options: " + options.resolvedMap(s));
            ReplicateOptions.printDirs(ctx.out(), s, runOptions.reps.replicates(), outDir);
            return 0;
        }
        int replicates = runOptions.reps.replicates();
        if (replicates > 1) {
            return replicates(s, keeps, options, outDir);
        }
        EdgePopupPrinter printer = new EdgePopupPrinter(ctx.out(), ctx.err(), keeps.size());
        return await(new EdgePopupRunner(n).start(s, keeps, options, outDir, printer), printer);
    }

    /** {@code --widths}: one edge-popup run per width, the trained 1x target, and the width table. */
    private int widthSweep(List<Double> keeps, EdgePopupOptions options, Path outDir, int n)
            throws InterruptedException {
        if (runOptions.reps.replicates() > 1) {
            throw new UsageException("--widths runs one seed; give --seed instead of --replicates");
        }
        List<Integer> ws;
        try {
            ws = WidthSweep.parseWidths(widths);
        } catch (SpecException e) {
            throw new UsageException("--widths: " + e.getMessage().substring(e.field().length() + 2));
        }
        ExperimentSpec base = spec.toSpec();
        if (base.width() != 1) {
            throw new UsageException("--widths multiplies the model's own width; leave the spec's width at 1 "
                    + "(got --set width=" + base.width() + ")");
        }
        if (dryRun) {
            ctx.out().println("width sweep: " + ws + " x the hidden layers of " + base.model().id() + ", keep " + keeps);
            ctx.out().println("edge-popup options: " + options.resolvedMap(EdgePopupRunner.frozenSpec(base, options)));
            for (WidthSweep.Stage st : WidthSweep.stages(base, ws, options)) {
                ctx.out().println((st.kind() == org.lotterylab.api.store.WidthSweepRow.Kind.STRONG_TICKET
                        ? "width " + st.width() + "x (edge-popup): " : "trained target 1x (imp, rounds 0): ")
                        + outDir.resolve(st.spec().runDirName()));
            }
            ctx.out().println("width table: " + WidthSweep.tablePath(base, options, outDir));
            return 0;
        }
        WidthSweepPrinter printer = new WidthSweepPrinter(ctx.out(), ctx.err(), keeps.size());
        WidthSweep.Control control = new WidthSweep(n).start(base, ws, keeps, options, outDir, printer);
        WidthSweep.Result[] result = new WidthSweep.Result[1];
        int code = RunWaiter.await(control, ctx.err(), "finished widths", new RunWaiter.Outcome() {
            @Override
            public boolean failed() {
                result[0] = control.result().orElse(null);
                return result[0] == null || !result[0].failure().isEmpty();
            }

            @Override
            public boolean cancelled() {
                return result[0] != null && result[0].cancelled();
            }
        });
        if (result[0] != null) {
            printer.table(result[0]);
            if (!result[0].failure().isEmpty()) {
                ctx.err().println("error: the width sweep stopped: " + result[0].failure());
            }
        }
        return code;
    }

    /** Each replicate is stored as {@code lth edge-popup --seed S} stores it; the table is per keep (round). */
    private int replicates(ExperimentSpec s, List<Double> keeps, EdgePopupOptions options, Path outDir)
            throws InterruptedException {
        int n = runOptions.threads.resolve(1);
        EdgePopupRunner runner = new EdgePopupRunner(n);
        ReplicateRunner.Starter starter = (member, dir, listener) -> runner.start(member, keeps, options, dir, listener);
        return replicates(s, runOptions.reps, n, "; keep " + keeps, starter, outDir, new ReplicatePrinter(ctx.out(), ctx.err()));
    }

    /**
     * The score optimiser's settings: {@code --iterations} (checked here) and every other
     * {@link EdgePopupOptions#KEYS key} from its option, validated by {@link EdgePopupOptions}.
     */
    private EdgePopupOptions options() {
        Map<String, String> m = new LinkedHashMap<>();
        if (iterations != null) {
            m.put("iterations", Integer.toString(UsageException.checkBetween("--iterations", iterations, 1, 100_000_000)));
        }
        for (String key : score.keys()) {
            score.value(key).ifPresent(v -> m.put(key, v));
        }
        try {
            return EdgePopupOptions.fromMap(m);
        } catch (SpecException e) {
            throw new UsageException(score.name(e.field()).orElse("--" + e.field()) + ": "
                    + e.getMessage().substring(e.field().length() + 2));
        }
    }

    private int supermask(int n) {
        if (!Files.isDirectory(supermask)) {
            throw new UsageException("--supermask: '" + supermask + "' is not a run directory (give <out>/<name>-<hash>)");
        }
        Branch b = Branch.fromId(branch);
        if (b == Branch.EDGE_POPUP) {
            throw new UsageException("--branch: supermasks are IMP masks on theta_0; edge-popup rounds are already "
                    + "untrained weights under a mask (their test accuracy is in summary.csv)");
        }
        String testData = spec.flag("testData").orElse("");
        if (!testData.isBlank() && !Files.isDirectory(Path.of(testData))) {
            throw new SpecException("testData", "'" + testData + "' is not an existing directory");
        }
        Supermask.Report r;
        try {
            r = Supermask.evaluate(supermask, b, testData, n);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + supermask + ": " + e.getMessage(), e);
        }
        EdgePopupPrinter.supermask(ctx.out(), r, b);
        org.lotterylab.api.store.EdgePopupStore store =
                new org.lotterylab.api.store.EdgePopupStore(new org.lotterylab.api.store.RunLayout(supermask));
        try {
            store.writeSupermasks(r.branch(), r.rows());
            ctx.out().println("written to " + store.supermaskCsv(b) + " (the window shows it on the accuracy plot)");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + store.supermaskCsv(b) + ": " + e.getMessage(), e);
        }
        return 0;
    }

    private int bench(int n) {
        ModelKind model = Choice.parse(ModelKind.class, "model", spec.flag("model").orElse("lenet-300-100"));
        double k = keep != null ? EdgePopupRunner.parseKeeps(keep).get(0) : 0.5;
        int steps = UsageException.checkBetween("--iterations", iterations == null ? 100 : iterations, 10, 10_000_000);
        UsageException.checkBetween("--blocks", blocks, 1, 100);
        var train = DatasetLocator.locate(spec.flag("dataset").orElse("sample")).train();
        EdgePopupBenchmark.Result r = EdgePopupBenchmark.run(train, model, k, n, 60, steps, blocks, ctx.out()::println);
        EdgePopupPrinter.bench(ctx.out(), r, model, n, k, steps, blocks);
        return 0;
    }
}
