package org.lotterylab.app.cli;

/** A command that takes the experiment options; {@link Cli} adds them to its command line and its help. */
public interface SpecCommand {

    /** This command's experiment options. */
    SpecOptions specOptions();
}
