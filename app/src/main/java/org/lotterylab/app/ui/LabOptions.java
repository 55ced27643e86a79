package org.lotterylab.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.Preset;
import org.lotterylab.api.spec.Presets;
import org.lotterylab.api.spec.SpecException;

/**
 * The options of {@code lth lab}, parsed from the command line.
 *
 * @param preset        the preset the experiment panel starts from
 * @param overrides     field values set on top of the preset ({@code --rounds}, {@code --iterations},
 *                      {@code --data}, {@code --set key=value}), in the order given
 * @param outDir        where new runs are written
 * @param threads       compute threads for the engine
 * @param autostart     start the run as soon as the engine is ready
 * @param screenshot    where to save a screenshot of the whole window when the run ends, if anywhere
 * @param exitWhenDone  quit when the run (or the opened run, or the start-up) is done
 * @param open          a stored run to open
 * @param replay        a stored run to replay as if live
 * @param presentation  start in presentation mode
 * @param help          only print the usage
 */
public record LabOptions(Preset preset, Map<String, String> overrides, Path outDir, int threads, boolean autostart,
                         Optional<Path> screenshot, boolean exitWhenDone, Optional<Path> open, Optional<Path> replay,
                         boolean presentation, boolean help) {

    /** Exit code for a command line that cannot be used. */
    public static final int EXIT_USAGE = 2;

    /** The usage text of {@code lth lab}. */
    public static final String USAGE = String.join("\n",
            "Usage: lth lab [options]",
            "Opens the Lottery Ticket Lab window.",
            "",
            "  --preset NAME        start from a preset (default quick; " + presetIds() + ")",
            "  --rounds N           pruning rounds after the dense round 0",
            "  --iterations N       training iterations per round",
            "  --set key=value      set any experiment field (repeatable; see 'lth fields')",
            "  --data DIR           data set: sample, fashion-mnist or a folder of IDX/CIFAR-10 files",
            "  --out DIR            where runs are written (default ./runs, else ~/LotteryTicketLab/runs)",
            "  --threads N          compute threads for the engine (default: all cores but one, for the window)",
            "  --autostart          start the run as soon as the engine has loaded",
            "  --screenshot FILE    save a PNG of the whole window when the run ends",
            "  --exit-when-done     quit when the run ends (exit 0, or 1 when it failed or was stopped)",
            "  --open RUN_DIR       open a stored run",
            "  --replay RUN_DIR     replay a stored run round by round, as if live",
            "  --presentation       large fonts, high contrast, full screen",
            "  --help               show this help");

    /** Copies the overrides. */
    public LabOptions {
        overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /** The defaults: quick preset, nothing overridden, output under {@link #defaultOutDir()}. */
    public static LabOptions defaults() {
        return parse(new String[0]);
    }

    /** The spec the experiment panel starts with: the preset with the overrides applied. */
    public ExperimentSpec spec() {
        return preset.spec().with(overrides);
    }

    /**
     * Parses {@code lth lab} arguments (those after {@code lab}).
     *
     * @throws UsageException with a one-line message when an option is unknown, lacks its value, or sets
     *                        an impossible experiment
     */
    public static LabOptions parse(String[] args) {
        Preset preset = Presets.QUICK;
        Map<String, String> overrides = new LinkedHashMap<>();
        Path out = null;
        int threads = defaultThreads();
        boolean autostart = false;
        boolean exitWhenDone = false;
        boolean presentation = false;
        boolean help = false;
        Path screenshot = null;
        Path open = null;
        Path replay = null;
        List<String> a = new ArrayList<>(List.of(args));
        for (int i = 0; i < a.size(); i++) {
            String arg = a.get(i);
            String inline = null;
            if (arg.startsWith("--") && arg.contains("=") && !arg.startsWith("--set=")) {
                inline = arg.substring(arg.indexOf('=') + 1);
                arg = arg.substring(0, arg.indexOf('='));
            } else if (arg.startsWith("--set=")) {
                inline = arg.substring("--set=".length());
                arg = "--set";
            }
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--autostart" -> autostart = true;
                case "--exit-when-done" -> exitWhenDone = true;
                case "--presentation" -> presentation = true;
                case "--preset" -> {
                    String id = inline != null ? inline : value(a, ++i, arg);
                    preset = Presets.find(id).orElseThrow(() -> new UsageException(
                            "unknown preset '" + id + "'; allowed: " + presetIds()));
                }
                case "--rounds" -> overrides.put("rounds", integer(arg, inline != null ? inline : value(a, ++i, arg)));
                case "--iterations" ->
                        overrides.put("iterations", integer(arg, inline != null ? inline : value(a, ++i, arg)));
                case "--threads" -> {
                    threads = Integer.parseInt(integer(arg, inline != null ? inline : value(a, ++i, arg)));
                    if (threads < 1) {
                        throw new UsageException("--threads must be at least 1 (got " + threads + ")");
                    }
                }
                case "--data" -> overrides.put("dataset", inline != null ? inline : value(a, ++i, arg));
                case "--set" -> {
                    String kv = inline != null ? inline : value(a, ++i, arg);
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new UsageException("--set expects key=value (got '" + kv + "')");
                    }
                    overrides.put(kv.substring(0, eq).trim(), kv.substring(eq + 1));
                }
                case "--out" -> out = path(arg, inline != null ? inline : value(a, ++i, arg));
                case "--screenshot" -> screenshot = path(arg, inline != null ? inline : value(a, ++i, arg));
                case "--open" -> open = path(arg, inline != null ? inline : value(a, ++i, arg));
                case "--replay" -> replay = path(arg, inline != null ? inline : value(a, ++i, arg));
                default -> throw new UsageException("unknown option '" + a.get(i) + "' (try lth lab --help)");
            }
        }
        if (open != null && replay != null) {
            throw new UsageException("use either --open or --replay, not both");
        }
        if ((open != null || replay != null) && autostart) {
            throw new UsageException("--autostart starts a new run; it cannot be combined with --open or --replay");
        }
        if (screenshot != null && !screenshot.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new UsageException("--screenshot expects a .png file (got " + screenshot + ")");
        }
        for (Path p : new Path[]{open, replay}) {
            if (p != null && !Files.isDirectory(p)) {
                throw new UsageException("not a run directory: " + p);
            }
        }
        // --iterations below the preset's evaluation interval: evaluate at the end of the round instead
        if (overrides.containsKey("iterations") && !overrides.containsKey("evalInterval")) {
            int it = Integer.parseInt(overrides.get("iterations"));
            if (it > 0 && it < preset.spec().evalInterval()) {
                overrides.put("evalInterval", Integer.toString(it));
            }
        }
        try {
            preset.spec().with(overrides);
        } catch (SpecException e) {
            throw new UsageException(e.getMessage());
        }
        return new LabOptions(preset, overrides, out != null ? out : defaultOutDir(), threads, autostart,
                Optional.ofNullable(screenshot), exitWhenDone, Optional.ofNullable(open), Optional.ofNullable(replay),
                presentation, help);
    }

    /** {@code runs/} under the working directory when that is writable, else {@code ~/LotteryTicketLab/runs}. */
    public static Path defaultOutDir() {
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isWritable(cwd)) {
            return cwd.resolve("runs");
        }
        return Path.of(System.getProperty("user.home"), "LotteryTicketLab", "runs");
    }

    /** All cores but one (at least one): the spare core keeps the window smooth while training. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    private static String presetIds() {
        return String.join(", ", Presets.all().stream().map(Preset::id).toList());
    }

    private static String value(List<String> a, int i, String option) {
        if (i >= a.size() || a.get(i).startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return a.get(i);
    }

    private static String integer(String option, String v) {
        try {
            return Integer.toString(Integer.parseInt(v.trim()));
        } catch (NumberFormatException e) {
            throw new UsageException(option + " expects an integer (got '" + v + "')");
        }
    }

    private static Path path(String option, String v) {
        if (v.isBlank()) {
            throw new UsageException(option + " needs a path");
        }
        try {
            return Path.of(v);
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException(option + ": not a valid path: " + v);
        }
    }

    /** A command line that cannot be used; the message is for stderr. */
    public static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        /** Creates the exception with a one-line message. */
        public UsageException(String message) {
            super(message);
        }
    }
}
