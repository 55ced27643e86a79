package org.lotterylab.app.ui;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.Preset;
import org.lotterylab.app.cli.UsageException;
import org.lotterylab.app.install.UserDirs;

/**
 * The options of {@code lth lab}, parsed from the command line by {@link LabLauncher} with the same
 * experiment options as {@code lth imp}.
 *
 * @param preset        the preset the experiment panel starts from
 * @param overrides     field values set on top of the preset (the named spec flags, then {@code --set
 *                      key=value}; see {@link org.lotterylab.app.cli.SpecOptions#overrides()})
 * @param outDir        where new runs are written
 * @param threads       compute threads for the engine
 * @param autostart     start the run as soon as the engine is ready
 * @param screenshot    where to save a screenshot of the whole window when the run ends, if anywhere
 * @param exitWhenDone  quit when the run (or the opened run, or the start-up) is done
 * @param open          a stored run to open
 * @param replay        a stored run to replay as if live
 * @param presentation  start in presentation mode
 * @param help          only print the usage
 * @param replicates    replicates the experiment panel starts with (1 = a single run)
 * @param parallel      replicates trained at once (default: all cores but one)
 */
public record LabOptions(Preset preset, Map<String, String> overrides, Path outDir, int threads, boolean autostart,
                         Optional<Path> screenshot, boolean exitWhenDone, Optional<Path> open, Optional<Path> replay,
                         boolean presentation, boolean help, int replicates, int parallel) {

    /** Copies the overrides. */
    public LabOptions {
        overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** The defaults: quick preset, nothing overridden, output under {@link UserDirs#defaultOutDir()}. */
    public static LabOptions defaults() {
        return parse(new String[0]);
    }

    /** The spec the experiment panel starts with: the preset with the overrides applied. */
    public ExperimentSpec spec() {
        return preset.spec().with(overrides);
    }

    /**
     * Parses {@code lth lab} arguments (those after {@code lab}) with the command line's parser; the output
     * folder follows {@link UserDirs#defaultOutDir()}.
     *
     * @throws UsageException with a one-line message when an option is unknown, lacks its value, or sets
     *                        an impossible experiment
     */
    public static LabOptions parse(String[] args) {
        return LabLauncher.options(args, UserDirs.system());
    }

    /** All cores but one (at least one): the spare core keeps the window smooth while training. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }
}
