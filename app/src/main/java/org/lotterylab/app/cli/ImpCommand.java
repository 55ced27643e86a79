package org.lotterylab.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.engine.imp.ImpRunner;

/** {@code lth imp}: runs an IMP experiment headless with a progress bar and a table per round. */
public final class ImpCommand {

    private static final Set<String> VALUES = new HashSet<>(SpecOptions.VALUE_OPTIONS);
    private static final Set<String> FLAGS = Set.of("help", "dry-run");

    static {
        VALUES.add("out");
        VALUES.add("threads");
    }

    private ImpCommand() {
    }

    /** Usage text. */
    public static String usage() {
        return "Usage: lth imp [options]\n"
                + "Runs iterative magnitude pruning with the chosen branches and stores every finished round.\n"
                + "Running the same spec into the same --out again resumes after the last finished round.\n\n"
                + "  --out DIR            where runs are stored (default runs)\n"
                + "  --threads N          compute threads (default 2)\n"
                + "  --dry-run            print the resolved spec and run directory, do not train\n\n"
                + SpecOptions.help();
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] argv, PrintStream out, PrintStream err) throws InterruptedException {
        Args a = Args.forCommand(argv, VALUES, FLAGS, out, ImpCommand::usage);
        if (a == null) {
            return 0;
        }
        ExperimentSpec spec = SpecOptions.toSpec(a, "quick");
        Path outDir = Path.of(a.get("out", "runs"));
        int threads = a.getInt("threads", 2, 1, 256);
        if (a.has("dry-run")) {
            out.println("spec: " + spec.toMap());
            out.println("run directory: " + outDir.resolve(spec.runDirName()));
            return 0;
        }
        ProgressPrinter printer = new ProgressPrinter(out, err, spec.rounds(), spec.branches().size());
        ImpRunner runner = new ImpRunner(threads);
        RunControl control = runner.start(spec, outDir, printer);
        return RunWaiter.await(control, err, "finished rounds", new RunWaiter.Outcome() {
            @Override
            public boolean failed() {
                return printer.failure() != null;
            }

            @Override
            public boolean cancelled() {
                return printer.cancelled();
            }
        });
    }
}
