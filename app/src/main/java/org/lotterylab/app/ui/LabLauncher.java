package org.lotterylab.app.ui;

import java.io.PrintStream;
import java.util.function.Supplier;
import javafx.application.Application;
import org.lotterylab.api.run.ExperimentRunner;

/**
 * Entry point of {@code lth lab}: parses the options, opens the window ({@link LabApplication}) and exits
 * with its code: 0 on success, 1 when a run failed or could not start, 2 for a bad command line. It does not
 * extend {@link Application}, so it starts from a plain class path.
 */
public final class LabLauncher {
    private LabLauncher() {
    }

    /** Runs {@code lth lab} with the arguments after {@code lab} and exits the JVM with its code. */
    public static void main(String[] args) {
        int code = run(args, System.out, System.err, null);
        System.out.flush();
        System.err.flush();
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
        LabOptions options;
        try {
            options = LabOptions.parse(args);
        } catch (LabOptions.UsageException e) {
            err.println("lth lab: " + e.getMessage());
            err.println("Try 'lth lab --help'.");
            return LabOptions.EXIT_USAGE;
        }
        if (options.help()) {
            out.println(LabOptions.USAGE);
            return 0;
        }
        LabApplication.configure(options, engine);
        try {
            Application.launch(LabApplication.class);
        } catch (RuntimeException | Error e) {
            Throwable t = e.getCause() != null && e.getMessage() != null && e.getMessage().startsWith("Exception in Application")
                    ? e.getCause() : e;
            err.println("lth lab: cannot open the window: " + (t.getMessage() == null ? t.toString() : t.getMessage()));
            if (System.getenv("DISPLAY") == null && !System.getProperty("os.name", "").startsWith("Windows")
                    && !System.getProperty("os.name", "").startsWith("Mac")) {
                err.println("lth lab: no display (DISPLAY is not set); on a server use xvfb-run -a ./lth lab ...");
            }
            return 1;
        }
        return LabApplication.exitCode();
    }
}
