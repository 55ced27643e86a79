package org.lotterylab.app.ui;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Application;
import org.lotterylab.api.run.ExperimentRunner;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.app.cli.Cli;
import org.lotterylab.app.cli.CliContext;
import org.lotterylab.app.cli.OutOption;
import org.lotterylab.app.cli.SpecCommand;
import org.lotterylab.app.cli.SpecOptions;
import org.lotterylab.app.cli.ThreadsOption;
import org.lotterylab.app.cli.UsageException;
import org.lotterylab.app.install.UserDirs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lth lab}: parses the options with the same experiment options as {@code lth imp} (so the window and
 * the CLI build the same spec from the same flags), opens the window ({@link LabApplication}) and returns its
 * exit code: 0 on success, 1 when a run failed or could not start, 2 for a bad command line. It does not extend
 * {@link Application}, so it starts from a plain class path.
 */
@Command(name = "lab", header = "open the lab window (default quick preset on the bundled digits)",
        description = "Opens the Lottery Ticket Lab window (default: the quick preset on the bundled digits).")
public final class LabLauncher extends SpecCommand {

    private final Supplier<ExperimentRunner> engine;

    @Mixin
    OutOption out;
    @Mixin
    ThreadsOption threads;
    @Option(names = "--autostart", description = "start the run as soon as the engine has loaded")
    boolean autostart;
    @Option(names = "--screenshot", paramLabel = "FILE", description = "save a PNG of the whole window when the run ends")
    Path screenshot;
    @Option(names = "--exit-when-done",
            description = "quit when the run ends (exit 0, or 1 when it failed or was stopped)")
    boolean exitWhenDone;
    @Option(names = "--open", paramLabel = "RUN_DIR", description = "open a stored run")
    Path open;
    @Option(names = "--replay", paramLabel = "RUN_DIR", description = "replay a stored run round by round, as if live")
    Path replay;
    @Option(names = "--presentation", description = "large fonts, high contrast, full screen")
    boolean presentation;
    @Mixin
    org.lotterylab.app.cli.ReplicateOptions reps;

    /**
     * The command.
     *
     * @param engine the engine the window uses, or null for the DL4J engine
     */
    public LabLauncher(CliContext ctx, Supplier<ExperimentRunner> engine) {
        super(ctx, SpecOptions.standard());
        this.engine = engine;
    }

    /** Runs {@code lth lab} with the arguments after {@code lab} and exits the JVM with its code. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err, null);
        // engine threads (ND4J, OpenMP) need not be daemons: end the JVM explicitly
        System.exit(code);
    }

    /**
     * Runs {@code lth lab} and returns its exit code without exiting the JVM (the window can be opened once
     * per JVM).
     *
     * @param engine the engine to use, or null for the DL4J engine
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Supplier<ExperimentRunner> engine) {
        CliContext ctx = new CliContext(out, err, UserDirs.system());
        return Cli.execute(Cli.configure(new CommandLine(new LabLauncher(ctx, engine)), ctx), args, ctx);
    }

    /**
     * Parses {@code lth lab} arguments into the window's options.
     *
     * @throws UsageException with the message the command line prints
     */
    static LabOptions options(String[] args, UserDirs dirs) {
        CliContext ctx = new CliContext(System.out, System.err, dirs);
        LabLauncher command = new LabLauncher(ctx, null);
        boolean help = Cli.parse(command, args, ctx);
        return command.toOptions(help);
    }

    @Override
    public Integer call() {
        LabOptions options = toOptions(false);
        LabApplication.configure(options, engine);
        try {
            Application.launch(LabApplication.class);
        } catch (RuntimeException | Error e) {
            Throwable t = e.getCause() != null && e.getMessage() != null && e.getMessage().startsWith("Exception in Application")
                    ? e.getCause() : e;
            ctx.err().println("lth lab: cannot open the window: " + (t.getMessage() == null ? t.toString() : t.getMessage()));
            if (System.getenv("DISPLAY") == null && !System.getProperty("os.name", "").startsWith("Windows")
                    && !System.getProperty("os.name", "").startsWith("Mac")) {
                ctx.err().println("lth lab: no display (DISPLAY is not set); on a server use xvfb-run -a ./lth lab ...");
            }
            return 1;
        }
        return LabApplication.exitCode();
    }

    private LabOptions toOptions(boolean helpOnly) {
        if (open != null && replay != null) {
            throw new UsageException("use either --open or --replay, not both");
        }
        if ((open != null || replay != null) && autostart) {
            throw new UsageException("--autostart starts a new run; it cannot be combined with --open or --replay");
        }
        if (screenshot != null && !screenshot.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new UsageException("--screenshot expects a .png file (got " + screenshot + ")");
        }
        for (Path p : new Path[] {open, replay}) {
            if (p != null && !Files.isDirectory(p) && !(p == open && Files.isRegularFile(p))) {
                throw new UsageException("not a run directory" + (p == open ? ", group file or sweep" : "") + ": " + p);
            }
        }
        int n = threads.resolve(LabOptions.defaultThreads());
        try {
            return new LabOptions(spec.preset(), spec.overrides(), helpOnly ? Path.of("runs") : out.resolve(ctx.dirs()).toAbsolutePath(),
                    n, autostart, Optional.ofNullable(screenshot), exitWhenDone, Optional.ofNullable(open),
                    Optional.ofNullable(replay), presentation, helpOnly, reps.replicates(),
                    reps.parallelOr(LabOptions.defaultThreads()));
        } catch (SpecException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
