package org.lotterylab.spark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.Presets;
import org.lotterylab.api.spec.SpecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code lth sweep}: a base experiment (as {@code lth imp} takes it) times {@code --grid key=v1,v2,...}
 * times {@code --replicates N}, each point one ordinary run, executed on Apache Spark.
 */
@Command(name = "lth sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a grid of ordinary IMP runs on Apache Spark, one task per point (and replicate).",
            "Each point is stored exactly as `lth imp` with those values stores it; sweep.json and sweep.csv",
            "sit beside the runs. Running the same sweep again skips finished points and resumes unfinished ones."})
public final class SweepMain implements Callable<Integer> {

    /** The options that set one spec field each, applied on the preset before every {@code --set}. */
    private static final List<SpecFlag> SPEC_FLAGS = List.of(
            new SpecFlag("--rounds", "<rounds>", "rounds", "Pruning rounds after the dense round 0"),
            new SpecFlag("--iterations", "<iterations>", "iterations", "Training iterations per round"),
            new SpecFlag("--seed", "<seed>", "seed", "Seed (replicate i uses seed + i)"),
            new SpecFlag("--rewind", "<rewind>", "rewindIteration", "Rewind survivors to theta_K (0 = theta_0)"),
            new SpecFlag("--branches", "<branches>", "branches",
                    "ticket,random-reinit,random-pruning,same-sign-reinit,one-shot"),
            new SpecFlag("--data", "<data>", "dataset",
                    "Data set: sample, fashion-mnist or a directory (as seen by the executors)"),
            new SpecFlag("--test-data", "<testData>", "testData", "Directory of an official test set"),
            new SpecFlag("--name", "<name>", "name", "Run name (directories <out>/<name>-<hash>)"));

    @Option(names = "--preset", defaultValue = "quick", description = "Base preset (default ${DEFAULT-VALUE})")
    String preset;
    @Mixin
    CommandSpec specFlags = specFlags();
    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any spec field (repeatable)")
    List<String> sets = new ArrayList<>();
    @Option(names = "--grid", paramLabel = "KEY=V1,V2,...",
            description = "A spec field and its values (repeatable; ';' separates values that hold commas)")
    List<String> grid = new ArrayList<>();
    @Option(names = "--replicates", defaultValue = "1", description = "Replicates per grid point (seeds seed..seed+N-1)")
    int replicates;
    @Option(names = "--out", defaultValue = "runs",
            description = "Where runs go: a folder or a Hadoop FileSystem URI (file:///..., hdfs://..., s3a://...)")
    String out;
    @Option(names = "--master", description = "Spark master: local[N], spark://HOST:7077, yarn, k8s://... "
            + "(default: spark-submit's, else local[N], N = cores)")
    String master;
    @Option(names = "--max-failures", defaultValue = "2", description = "Attempts per point (spark.task.maxFailures)")
    int maxFailures;
    @Option(names = "--threads", defaultValue = "1", description = "Compute threads per run = spark.task.cpus")
    int threads;
    @Option(names = "--work", description = "Executor-local folder for runs in progress (default <tmp>/lth-sweep-work)")
    String work;
    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "Extra Spark setting (repeatable)")
    List<String> conf = new ArrayList<>();
    @Option(names = "--dry-run", description = "Print the points and their run directories; start nothing")
    boolean dryRun;

    private final PrintStream stdout;

    /** A command printing to {@code stdout}. */
    public SweepMain(PrintStream stdout) {
        this.stdout = stdout;
    }

    /** Entry point of {@code lth sweep}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; returns the exit code (0 all points finished, 1 a point failed, 2 usage). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new SweepMain(out));
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof SpecException || ex instanceof IllegalArgumentException) {
                err.println("lth sweep: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    /** The base spec: the preset, then the dedicated options, then every {@code --set}. */
    ExperimentSpec baseSpec() {
        ExperimentSpec base = Presets.get(preset).spec();
        Map<String, String> changes = new LinkedHashMap<>();
        for (SpecFlag f : SPEC_FLAGS) {
            String v = specFlags.findOption(f.option()).getValue();
            if (v != null) {
                changes.put(f.field(), v);
            }
        }
        for (String kv : sets) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set expects key=value (got '" + kv + "')");
            }
            String key = kv.substring(0, eq).trim();
            ExperimentSpec.field(key);
            changes.put(key, kv.substring(eq + 1));
        }
        // the same rule as `lth imp` and the window: a shorter run keeps four evaluations unless evalInterval is set
        return base.with(base.withShortRunRule(changes));
    }

    /** The plan the options describe. */
    SweepPlan plan() {
        List<GridAxis> axes = new ArrayList<>();
        grid.forEach(g -> axes.add(GridAxis.parse(g)));
        return SweepPlan.of(baseSpec(), axes, replicates);
    }

    @Override
    public Integer call() throws Exception {
        SweepPlan plan = plan();
        java.net.URI target = RunTarget.toUri(out);
        if (dryRun) {
            for (SweepPoint p : plan.points()) {
                stdout.println(p.label() + " -> " + target + "/" + p.runDir());
            }
            return 0;
        }
        // under spark-submit the master comes from its --master (system property spark.master)
        String m = master != null ? master
                : System.getProperty("spark.master", "local[" + Runtime.getRuntime().availableProcessors() + "]");
        String w = work != null ? work : System.getProperty("java.io.tmpdir") + "/lth-sweep-work";
        Map<String, String> extra = new LinkedHashMap<>();
        for (String kv : conf) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--conf expects key=value (got '" + kv + "')");
            }
            extra.put(kv.substring(0, eq).trim(), kv.substring(eq + 1));
        }
        SweepSettings s = new SweepSettings(m, maxFailures, threads, w, System.console() != null);
        SparkSweep.Result r = new SparkSweep(s, stdout).run(plan, target, extra);
        if (r.count(PointOutcome.Status.FAILED) > 0) {
            stdout.println("lth sweep: failed points:");
            r.outcomes().values().stream().filter(o -> o.status() == PointOutcome.Status.FAILED)
                    .sorted(java.util.Comparator.comparingInt(PointOutcome::index))
                    .forEach(o -> stdout.println("  " + plan.points().get(o.index()).label() + ": " + o.reason()));
            return 1;
        }
        return 0;
    }

    /** The {@link #SPEC_FLAGS} as picocli options, placed after {@code --preset} by the {@code @Mixin} field. */
    private static CommandSpec specFlags() {
        CommandSpec spec = CommandSpec.create();
        for (SpecFlag f : SPEC_FLAGS) {
            spec.addOption(OptionSpec.builder(f.option()).paramLabel(f.label()).type(String.class)
                    .description(f.help()).build());
        }
        return spec;
    }

    /**
     * An option that sets one spec field.
     *
     * @param option the option, e.g. {@code --rewind}
     * @param label  its parameter label in the help
     * @param field  the spec field it sets, e.g. {@code rewindIteration}
     * @param help   its help text
     */
    private record SpecFlag(String option, String label, String field, String help) {
    }
}
