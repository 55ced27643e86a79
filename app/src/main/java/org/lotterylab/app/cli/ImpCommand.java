package org.lotterylab.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lotterylab.api.run.RunControl;
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
public final class ImpCommand implements Callable<Integer>, SpecCommand {

    private final CliContext ctx;
    private final SpecOptions spec = SpecOptions.standard();

    @Mixin
    HelpOption help;
    @Mixin
    OutOption out;
    @Mixin
    ThreadsOption threads;
    @Option(names = "--dry-run", description = "print the resolved spec and run directory, do not train")
    boolean dryRun;

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
        int n = threads.resolve(2);
        Path outDir = out.resolve(ctx.dirs());
        if (dryRun) {
            ctx.out().println("spec: " + s.toMap());
            ctx.out().println("run directory: " + outDir.resolve(s.runDirName()));
            return 0;
        }
        ProgressPrinter printer = new ProgressPrinter(ctx.out(), ctx.err(), s.rounds(), s.branches().size());
        RunControl control = new ImpRunner(n).start(s, outDir, printer);
        return RunWaiter.await(control, ctx.err(), "finished rounds", printer);
    }
}
