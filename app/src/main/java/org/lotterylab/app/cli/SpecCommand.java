package org.lotterylab.app.cli;

/**
 * A command that takes the experiment options ({@code imp}, {@code lmc}, {@code edge-popup}, {@code lab});
 * {@link Cli} adds them to its command line and its help, after the command's own options.
 */
public abstract class SpecCommand extends Subcommand {

    /** This command's experiment options. */
    protected final SpecOptions spec;

    /** A command writing to {@code ctx} with the experiment options {@code spec}. */
    protected SpecCommand(CliContext ctx, SpecOptions spec) {
        super(ctx);
        this.spec = spec;
    }

    /** This command's experiment options. */
    public final SpecOptions specOptions() {
        return spec;
    }
}
