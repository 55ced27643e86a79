package org.lotterylab.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.lotterylab.app.install.UserDirs;
import picocli.CommandLine.Option;

/** {@code --out DIR}: where runs are stored; without it, {@link UserDirs#defaultOutDir()} decides. */
public final class OutOption {

    @Option(names = "--out", paramLabel = "DIR", description = "where runs are stored (default: ./runs in a "
            + "development checkout; in an installed app, or with LTH_RUNS_DIR set, the user's runs folder)")
    Path out;

    /** The folder given with {@code --out}, if any. */
    public Optional<Path> given() {
        return Optional.ofNullable(out);
    }

    /**
     * The folder to write runs to.
     *
     * @throws UserDirs.UnusableDirException when the default folder cannot be created or written
     */
    public Path resolve(UserDirs dirs) {
        return out != null ? out : dirs.defaultOutDir();
    }
}
