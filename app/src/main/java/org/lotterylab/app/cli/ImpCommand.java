package org.lotterylab.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.ReplicateGroup;
import org.lotterylab.engine.imp.ImpRunner;
import org.lotterylab.engine.replicate.ReplicateRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lth imp}: runs an IMP experiment headless with a progress bar and a table per round. */
@Command(name = "imp", header = "run iterative magnitude pruning headless (tickets and controls)",
        description = {
    "Runs iterative magnitude pruning with the chosen branches and stores every finished round.",
    "Running the same spec into the same --out again resumes after the last finished round."})
public final class ImpCommand implements Callable<Integer>, SpecCommand {

    private final CliContext ctx;
    private final SpecOptions spec = SpecOptions.standard();

    @Mixin
    HelpOption help;
    @Mixin
    OutOption out;
    @Mixin
    ThreadsOption threads;
    @Option(names = "--dry-run", description = "print the resolved spec, the run directory and a time estimate "
            + "(a few steps timed here), do not train")
    boolean dryRun;
    @Mixin
    ReplicateOptions reps;

    /** The command writing to {@code ctx}. */
    public ImpCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public SpecOptions specOptions() {
        return spec;
    }

    @Override
    public Integer call() throws InterruptedException {
        ExperimentSpec s = spec.toSpec();
        int n = threads.resolve(1);
        int p = reps.parallel();
        int replicates = reps.replicates();
        Path outDir = out.resolve(ctx.dirs());
        if (dryRun) {
            ctx.out().println("spec: " + s.toMap());
            ReplicateOptions.printDirs(ctx.out(), s, replicates, outDir);
            ctx.out().println("parallel trainings: " + p + ", compute threads each: " + n);
            EstimatePrinter.print(ctx.out(), s, n, p);
            return 0;
        }
        if (replicates > 1) {
            ReplicatePrinter printer = new ReplicatePrinter(ctx.out(), ctx.err());
            ImpRunner single = new ImpRunner(n, 1);
            ctx.out().println("replicates: " + replicates + " (seeds " + s.seed() + ".." + (s.seed() + replicates - 1)
                    + "), " + p + " at once, " + n + " compute thread(s) each");
            RunControl control;
            try {
                control = new ReplicateRunner(single::start, p).start(ReplicateGroup.of(s, replicates), outDir, printer);
            } catch (IOException e) {
                ctx.err().println("error: could not write the group file in " + outDir + ": " + e.getMessage());
                return 3;
            }
            return RunWaiter.await(control, ctx.err(), "finished rounds", printer);
        }
        ProgressPrinter printer = new ProgressPrinter(ctx.out(), ctx.err(), s.rounds(), s.branches().size());
        RunControl control = new ImpRunner(n, p).start(s, outDir, printer);
        return RunWaiter.await(control, ctx.err(), "finished rounds", printer);
    }
}
