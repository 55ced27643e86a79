package org.lotterylab.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * What every command of {@code lth} has: the context it runs against (its streams and the user's folders) and
 * {@code -h, --help}, listed first in its help. Each command adds its own options and {@link #call()}.
 */
public abstract class Subcommand implements Callable<Integer> {

    /** The streams and folders this command runs against. */
    protected final CliContext ctx;

    @Mixin
    HelpOption help;

    /** A command writing to {@code ctx}. */
    protected Subcommand(CliContext ctx) {
        this.ctx = ctx;
    }
}
