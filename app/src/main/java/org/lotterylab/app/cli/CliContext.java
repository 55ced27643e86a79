package org.lotterylab.app.cli;

import java.io.PrintStream;
import org.lotterylab.app.install.UserDirs;

/**
 * What a command runs against: its output streams and the user's folders (so that tests can pass their own).
 *
 * @param out  tables, results and help
 * @param err  progress, notes and error messages
 * @param dirs where the user's runs go ({@link UserDirs#defaultOutDir()})
 */
public record CliContext(PrintStream out, PrintStream err, UserDirs dirs) {

    /** The standard streams and this process's folders. */
    public static CliContext system() {
        return new CliContext(System.out, System.err, UserDirs.system());
    }
}
