package org.lotterylab.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code lth}: the root command; its help lists the commands registered under it, and nothing else. */
@Command(name = "lth", header = "Lottery Ticket Lab",
        synopsisHeading = "Usage: ", customSynopsis = "lth <command> [options]     (lth <command> --help for details)",
        commandListHeading = "%nCommands:%n",
        footer = {"", "  sweep        a grid of runs on Apache Spark: `./lth sweep ...` in a source checkout (the Spark module",
            "               is not part of the installed app); see docs/sweeps.md"},
        versionProvider = LthCommand.Version.class)
public final class LthCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @CommandLine.Option(names = {"-V", "--version"}, versionHelp = true, description = "print the version")
    boolean version;

    @Spec
    CommandSpec spec;

    /** Without a command: the help, exit code 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Cli.EXIT_USAGE;
    }

    /** The version line of {@code lth --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Lottery Ticket Lab " + InfoCommand.version()};
        }
    }
}
