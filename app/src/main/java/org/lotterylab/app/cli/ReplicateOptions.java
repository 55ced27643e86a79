package org.lotterylab.app.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.ReplicateGroup;
import picocli.CommandLine.Option;

/** {@code --replicates N} and {@code --parallel N}: one experiment from N seeds, and trainings at once. */
public final class ReplicateOptions {

    /** The most replicates a command accepts. */
    public static final int MAX_REPLICATES = 10_000;

    @Option(names = "--replicates", paramLabel = "N", description = "run the experiment from N seeds (seed, seed+1, "
            + "...); each replicate is stored exactly as a run with that --seed, a group file lists them, and the "
            + "table shows mean +- standard deviation (default 1)")
    int replicates = 1;
    @Option(names = "--parallel", paramLabel = "N", description = "independent trainings at once (replicates; in imp "
            + "also the branches of a round and their LMC copies), one compute thread each by default; results do "
            + "not depend on N (default: the number of cores)")
    Integer parallel;

    /** The replicates given, checked to be in [1, {@link #MAX_REPLICATES}]. */
    public int replicates() {
        return UsageException.checkBetween("--replicates", replicates, 1, MAX_REPLICATES);
    }

    /** The parallel trainings given, checked to be in [1, {@link ThreadsOption#MAX}], or the number of cores. */
    public int parallel() {
        return parallelOr(Runtime.getRuntime().availableProcessors());
    }

    /** The parallel trainings given, checked, or {@code otherwise} (the window: all cores but one). */
    public int parallelOr(int otherwise) {
        return parallel == null ? otherwise : UsageException.checkBetween("--parallel", parallel, 1, ThreadsOption.MAX);
    }

    /** For a dry run: each replicate's run directory and the group file, or the one run directory. */
    static void printDirs(PrintStream out, ExperimentSpec s, int replicates, Path outDir) {
        if (replicates == 1) {
            out.println("run directory: " + outDir.resolve(s.runDirName()));
            return;
        }
        ReplicateGroup g = ReplicateGroup.of(s, replicates);
        g.members().forEach(m -> out.println("replicate seed " + m.seed() + ": " + outDir.resolve(m.runDir())));
        out.println("group file: " + outDir.resolve(g.fileName()));
    }
}
