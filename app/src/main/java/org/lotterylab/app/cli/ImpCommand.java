package org.lotterylab.app.cli;

import java.nio.file.Path;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.engine.imp.ImpRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lth imp}: runs an IMP experiment headless with a progress bar and a table per round. */
@Command(name = "imp", header = "run iterative magnitude pruning headless (tickets and controls)",
        description = {
    "Runs iterative magnitude pruning with the chosen branches and stores every finished round.",
    "Running the same spec into the same --out again resumes after the last finished round."})
public final class ImpCommand extends RunCommand {

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
        super(ctx, SpecOptions.standard(), "finished rounds");
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
            ImpRunner single = new ImpRunner(n, 1);
            return replicates(s, reps, n, "", single::start, outDir, new ReplicatePrinter(ctx.out(), ctx.err()));
        }
        ProgressPrinter printer = new ProgressPrinter(ctx.out(), ctx.err(), s.rounds(), s.branches().size());
        return await(new ImpRunner(n, p).start(s, outDir, printer), printer);
    }
}
