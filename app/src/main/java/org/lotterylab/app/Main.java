package org.lotterylab.app;

import java.io.PrintStream;
import org.lotterylab.app.cli.BenchCommand;
import org.lotterylab.app.cli.Cli;
import org.lotterylab.app.cli.CliContext;
import org.lotterylab.app.cli.EdgePopupCommand;
import org.lotterylab.app.cli.ImpCommand;
import org.lotterylab.app.cli.InfoCommand;
import org.lotterylab.app.cli.LmcCommand;
import org.lotterylab.app.cli.LthCommand;
import org.lotterylab.app.cli.SelfTestCommand;
import org.lotterylab.app.install.ThreadPolicy;
import org.lotterylab.app.install.UserDirs;
import org.lotterylab.app.ui.LabLauncher;
import picocli.CommandLine;

/**
 * Entry point of {@code lth}: one picocli command line with one command class per command. Not a JavaFX
 * {@code Application}, so it can be the main class of a class-path launch and of jpackage.
 */
public final class Main {

    private Main() {
    }

    /** Runs {@code lth} with {@code args} and exits with its code (the window keeps the JVM alive until closed). */
    public static void main(String[] args) {
        ThreadPolicy.relaunchIfNeeded(args); // installed app: OpenMP threads must not spin
        UserDirs.prepareForLaunch(); // before anything loads ND4J or JavaFX
        System.exit(run(args, CliContext.system()));
    }

    /** Runs a command; returns the exit code (0 ok, 1 failure, 2 usage error, 3 unwritable folder, 130 cancelled). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, new CliContext(out, err, UserDirs.system()));
    }

    /** Runs a command against {@code ctx}; returns the exit code. */
    public static int run(String[] args, CliContext ctx) {
        return Cli.execute(commandLine(ctx), args, ctx);
    }

    /** The command line of {@code lth}: every command, in the order its help lists them. */
    public static CommandLine commandLine(CliContext ctx) {
        CommandLine cl = new CommandLine(new LthCommand());
        cl.addSubcommand(new LabLauncher(ctx, null));
        cl.addSubcommand(new ImpCommand(ctx));
        cl.addSubcommand(new LmcCommand(ctx));
        cl.addSubcommand(new EdgePopupCommand(ctx));
        cl.addSubcommand(new InfoCommand(ctx));
        cl.addSubcommand(new BenchCommand(ctx));
        cl.addSubcommand(new org.lotterylab.app.cli.TheoryCommand(ctx));
        cl.addSubcommand(new SelfTestCommand(ctx));
        cl.addSubcommand(new CommandLine.HelpCommand());
        return Cli.configure(cl, ctx);
    }
}
