package org.lotterylab.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.ReplicateGroup;
import org.lotterylab.engine.replicate.ReplicateRunner;

/**
 * A command that trains and waits ({@code imp}, {@code lmc}, {@code edge-popup}): what they share once the
 * options are parsed. It waits for a run (Ctrl-C stops it and keeps what is finished) and runs a spec's
 * replicates as one group, with the same heading, the same exit code 3 when the group file cannot be written,
 * and the exit code of {@link RunWaiter}.
 */
abstract class RunCommand extends SpecCommand {

    private final String savedWhat;

    /**
     * A command writing to {@code ctx}.
     *
     * @param savedWhat what of a run survives Ctrl-C, for its message ("finished rounds", ...)
     */
    RunCommand(CliContext ctx, SpecOptions spec, String savedWhat) {
        super(ctx, spec);
        this.savedWhat = savedWhat;
    }

    /** Waits for {@code control} to end; the exit code (0, 1 failed, 130 cancelled) as {@code outcome} reports. */
    final int await(RunControl control, RunWaiter.Outcome outcome) throws InterruptedException {
        return RunWaiter.await(control, ctx.err(), savedWhat, outcome);
    }

    /**
     * Runs {@code s} from {@code reps.replicates()} seeds ({@code s.seed()} on), {@code reps.parallel()} at once,
     * each started by {@code starter} into {@code outDir}, and waits for them all.
     *
     * @param threads compute threads each (for the heading)
     * @param note    appended to the heading line (empty, or e.g. {@code "; keep [0.5]"})
     * @return the exit code; 3 when the group file cannot be written
     */
    final int replicates(ExperimentSpec s, ReplicateOptions reps, int threads, String note,
                         ReplicateRunner.Starter starter, Path outDir, ReplicateGroupPrinter printer)
            throws InterruptedException {
        int replicates = reps.replicates();
        int p = reps.parallel();
        ctx.out().println("replicates: " + replicates + " (seeds " + s.seed() + ".." + (s.seed() + replicates - 1)
                + "), " + p + " at once, " + threads + " compute thread(s) each" + note);
        RunControl control;
        try {
            control = new ReplicateRunner(starter, p).start(ReplicateGroup.of(s, replicates), outDir, printer);
        } catch (IOException e) {
            ctx.err().println("error: could not write the group file in " + outDir + ": " + e.getMessage());
            return 3;
        }
        return await(control, printer);
    }
}
