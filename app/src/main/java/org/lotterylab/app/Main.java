package org.lotterylab.app;

import java.io.PrintStream;
import java.util.Arrays;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.app.cli.BenchCommand;
import org.lotterylab.app.cli.EdgePopupCommand;
import org.lotterylab.app.cli.ImpCommand;
import org.lotterylab.app.cli.InfoCommand;
import org.lotterylab.app.cli.LmcCommand;
import org.lotterylab.app.cli.UsageException;

/**
 * Entry point of {@code lth}: dispatches to the commands. Not a JavaFX {@code Application}, so it can be
 * the main class of a class-path launch and of jpackage.
 */
public final class Main {

    private Main() {
    }

    /** Usage text. */
    public static String usage() {
        return """
                Lottery Ticket Lab
                Usage: lth <command> [options]     (lth <command> --help for details)

                Commands:
                  lab          open the lab window (default quick preset on the bundled digits)
                  imp          run iterative magnitude pruning headless (tickets and controls)
                  lmc          linear mode connectivity and instability analysis
                  edge-popup   strong lottery tickets: train scores of frozen random weights
                  info         backend, threads, data sets found, presets
                  bench        masked vs unmasked training throughput (LeNet-300-100)

                  --self-test  open the window, run a tiny experiment, write a report, exit 0 or non-zero
                """;
    }

    /** Runs {@code lth} with {@code args} and exits with its code (the window keeps the JVM alive). */
    public static void main(String[] args) {
        org.lotterylab.app.install.ThreadPolicy.relaunchIfNeeded(args); // installed app: OpenMP threads must not spin
        args = org.lotterylab.app.install.UserDirs.prepareForLaunch(args); // before anything loads ND4J or JavaFX
        if (args.length > 0 && args[0].equals("--self-test")) {
            System.exit(org.lotterylab.app.install.SelfTest.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("lab")) {
            org.lotterylab.app.ui.LabLauncher.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a headless command; returns the exit code (0 ok, 1 failure, 2 usage error, 130 cancelled). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help") || args[0].equals("-h")) {
            out.print(usage());
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "imp" -> ImpCommand.run(rest, out, err);
                case "info" -> InfoCommand.run(rest, out, err);
                case "bench" -> BenchCommand.run(rest, out, err);
                case "lmc" -> LmcCommand.run(rest, out, err);
                case "edge-popup" -> EdgePopupCommand.run(rest, out, err);
                default -> {
                    err.println("error: unknown command '" + args[0] + "'");
                    err.print(usage());
                    yield 2;
                }
            };
        } catch (UsageException | SpecException e) {
            err.println("error: " + e.getMessage());
            err.println("(see: lth " + args[0] + " --help)");
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
