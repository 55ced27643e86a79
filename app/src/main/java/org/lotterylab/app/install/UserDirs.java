package org.lotterylab.app.install;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the lab keeps the user's data, resolved from an environment and system properties that are passed in
 * (so that tests can use fake maps instead of the real home folder).
 *
 * <table>
 * <caption>Folders per operating system (an override wins over the default)</caption>
 * <tr><th>folder</th><th>override</th><th>Linux and other Unix</th><th>Windows</th><th>macOS</th></tr>
 * <tr><td>runs</td><td>{@code -Dlth.runs.dir}, then {@code $LTH_RUNS_DIR}</td>
 *     <td>{@code $XDG_DATA_HOME/lottery-ticket-lab/runs} ({@code ~/.local/share/...})</td>
 *     <td>{@code %LOCALAPPDATA%\LotteryTicketLab\runs}</td>
 *     <td>{@code ~/Library/Application Support/LotteryTicketLab/runs}</td></tr>
 * <tr><td>cache</td><td>{@code -Dlth.cache.dir}, then {@code $LTH_CACHE_DIR}</td>
 *     <td>{@code $XDG_CACHE_HOME/lottery-ticket-lab} ({@code ~/.cache/...})</td>
 *     <td>{@code %LOCALAPPDATA%\LotteryTicketLab\cache}</td>
 *     <td>{@code ~/Library/Caches/LotteryTicketLab}</td></tr>
 * </table>
 *
 * <p>ND4J (through JavaCPP) extracts about 400 MB of native libraries on its first start, and JavaFX a few MB;
 * an installed app points both at {@code <cache>/javacpp} and {@code <cache>/openjfx} instead of
 * {@code ~/.javacpp} and {@code ~/.openjfx}, and never writes inside its (read-only) install tree.
 * {@link #prepareForLaunch()} applies this at the very start of {@code Main.main}. {@link #defaultOutDir()} is
 * where every command writes its runs without {@code --out}.
 */
public final class UserDirs {

    /** Exit code when a folder the app must write to cannot be created or written. */
    public static final int EXIT_UNWRITABLE = 3;
    /** Environment variable that sets the runs folder. */
    public static final String RUNS_ENV = "LTH_RUNS_DIR";
    /** System property that sets the runs folder (wins over {@link #RUNS_ENV}). */
    public static final String RUNS_PROPERTY = "lth.runs.dir";
    /** Environment variable that sets the app's cache folder. */
    public static final String CACHE_ENV = "LTH_CACHE_DIR";
    /** System property that sets the app's cache folder (wins over {@link #CACHE_ENV}). */
    public static final String CACHE_PROPERTY = "lth.cache.dir";
    /** JavaCPP's property for the folder its native libraries are extracted to. */
    public static final String JAVACPP_CACHEDIR = "org.bytedeco.javacpp.cachedir";
    /** JavaFX's property for the folder its native libraries are extracted to. */
    public static final String JAVAFX_CACHEDIR = "javafx.cachedir";
    /** Set by jpackage launchers to the launcher's path: present only in an installed app. */
    public static final String APP_PATH_PROPERTY = "jpackage.app-path";

    private static final String UNIX_NAME = "lottery-ticket-lab";
    private static final String DISPLAY_NAME = "LotteryTicketLab";

    /** The operating system families whose conventions differ. */
    public enum Os {
        /** Linux and other Unix-like systems (XDG base directories). */
        UNIX,
        /** Windows (local application data). */
        WINDOWS,
        /** macOS (Library folders). */
        MAC
    }

    private final Map<String, String> env;
    private final Map<String, String> properties;
    private final Os os;

    /**
     * Creates the resolver.
     *
     * @param env        environment variables (e.g. {@code System.getenv()})
     * @param properties system properties; {@code os.name} and {@code user.home} are read from here
     */
    public UserDirs(Map<String, String> env, Map<String, String> properties) {
        this.env = Map.copyOf(withoutNulls(env));
        this.properties = Map.copyOf(withoutNulls(properties));
        this.os = osOf(this.properties.getOrDefault("os.name", ""));
    }

    /** The resolver for this process: {@link System#getenv()} and {@link System#getProperties()}. */
    public static UserDirs system() {
        Map<String, String> props = new HashMap<>();
        System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
        return new UserDirs(System.getenv(), props);
    }

    /** The operating system family. */
    public Os os() {
        return os;
    }

    /** Whether this is an installed app (started by a jpackage launcher). */
    public boolean installed() {
        return !get(properties, APP_PATH_PROPERTY).isEmpty();
    }

    /** The launcher of the installed app, if this is one. */
    public Optional<Path> launcher() {
        String p = get(properties, APP_PATH_PROPERTY);
        return p.isEmpty() ? Optional.empty() : Optional.of(Path.of(p));
    }

    /**
     * The user's home folder: {@code $HOME} on Unix and macOS, else (and on Windows) {@code user.home}.
     *
     * @throws UnusableDirException when no absolute home folder is known
     */
    public Path home() {
        String h = os == Os.WINDOWS ? "" : get(env, "HOME");
        String source = "HOME";
        if (h.isEmpty()) {
            h = get(properties, "user.home");
            source = "user.home";
        }
        Optional<Path> p = absolute(h);
        if (p.isEmpty() || h.equals("?")) {
            throw new UnusableDirException("no home folder is known (" + source + " is "
                    + (h.isEmpty() ? "not set" : "'" + h + "'") + ")",
                    "set " + RUNS_ENV + " and " + CACHE_ENV + " to writable folders");
        }
        return p.get();
    }

    /** The app's data folder (parent of the runs folder by default). */
    public Path dataDir() {
        return switch (os) {
            case UNIX -> xdg("XDG_DATA_HOME", ".local/share").resolve(UNIX_NAME);
            case WINDOWS -> localAppData().resolve(DISPLAY_NAME);
            case MAC -> home().resolve("Library").resolve("Application Support").resolve(DISPLAY_NAME);
        };
    }

    /** The runs folder: {@code -Dlth.runs.dir}, else {@code $LTH_RUNS_DIR}, else {@code <data>/runs}. */
    public Path runsDir() {
        return override(RUNS_PROPERTY, RUNS_ENV).orElseGet(() -> dataDir().resolve("runs"));
    }

    /** Whether the runs folder was chosen explicitly ({@code -Dlth.runs.dir} or {@code $LTH_RUNS_DIR}). */
    public boolean runsDirOverridden() {
        return override(RUNS_PROPERTY, RUNS_ENV).isPresent();
    }

    /** The app's cache folder: {@code -Dlth.cache.dir}, else {@code $LTH_CACHE_DIR}, else the OS default. */
    public Path cacheDir() {
        return override(CACHE_PROPERTY, CACHE_ENV).orElseGet(() -> switch (os) {
            case UNIX -> xdg("XDG_CACHE_HOME", ".cache").resolve(UNIX_NAME);
            case WINDOWS -> localAppData().resolve(DISPLAY_NAME).resolve("cache");
            case MAC -> home().resolve("Library").resolve("Caches").resolve(DISPLAY_NAME);
        });
    }

    /** Where ND4J's native libraries go in an installed app. */
    public Path javacppCacheDir() {
        return cacheDir().resolve("javacpp");
    }

    /** Where JavaFX's native libraries go in an installed app. */
    public Path javafxCacheDir() {
        return cacheDir().resolve("openjfx");
    }

    /** JavaCPP's own default, {@code ${user.home}/.javacpp}, or empty when {@code user.home} is unusable. */
    public Optional<Path> defaultJavacppDir() {
        String h = get(properties, "user.home");
        return h.equals("?") ? Optional.empty() : absolute(h).map(p -> p.resolve(".javacpp"));
    }

    /**
     * The system properties {@link #prepareForLaunch()} sets, without setting them. Folders are created and
     * checked on the real file system.
     *
     * <ul>
     * <li>An explicit {@code -Dorg.bytedeco.javacpp.cachedir} is kept, and checked.</li>
     * <li>In an installed app, with the cache folder overridden, or when JavaCPP's default {@code ~/.javacpp}
     *     cannot be written, the native caches move to {@link #javacppCacheDir()} and {@link #javafxCacheDir()}.</li>
     * </ul>
     *
     * @throws UnusableDirException when a folder cannot be created or written (the message says which and how
     *                              to fix it)
     */
    public Map<String, String> launchProperties() {
        Map<String, String> set = new LinkedHashMap<>();
        String explicit = get(properties, JAVACPP_CACHEDIR);
        if (!explicit.isEmpty()) {
            Path dir = absolute(explicit).orElse(Path.of(explicit).toAbsolutePath());
            check(dir, "ND4J's native library cache (-D" + JAVACPP_CACHEDIR + ")",
                    "point -D" + JAVACPP_CACHEDIR + " at a writable folder");
        } else if (installed() || override(CACHE_PROPERTY, CACHE_ENV).isPresent() || !writable(defaultJavacppDir())) {
            Path javacpp = cacheFolder(this::javacppCacheDir);
            check(javacpp, "ND4J's native library cache", cacheFix());
            set.put(JAVACPP_CACHEDIR, javacpp.toString());
            if (get(properties, JAVAFX_CACHEDIR).isEmpty()) {
                Path fx = cacheFolder(this::javafxCacheDir);
                check(fx, "JavaFX's native library cache", cacheFix());
                set.put(JAVAFX_CACHEDIR, fx.toString());
            }
        }
        return java.util.Collections.unmodifiableMap(set);
    }

    /**
     * Where a command writes its runs when {@code --out} is not given; the one output-folder policy of every
     * command ({@code lab}, {@code imp}, {@code lmc}, {@code edge-popup}).
     *
     * <ul>
     * <li>An installed app, or the runs folder set by {@code -Dlth.runs.dir} / {@code $LTH_RUNS_DIR}: the user's
     *     runs folder ({@link #runsDir()}), created and checked.</li>
     * <li>A development checkout: {@code runs} under the working directory, or the user's runs folder when the
     *     working directory cannot be written.</li>
     * </ul>
     *
     * @throws UnusableDirException when the user's runs folder is needed but cannot be created or written
     */
    public Path defaultOutDir() {
        if (!installed() && !runsDirOverridden() && Files.isWritable(Path.of("").toAbsolutePath())) {
            return Path.of("runs");
        }
        Path runs;
        try {
            runs = runsDir();
        } catch (UnusableDirException e) {
            throw new UnusableDirException(e.problem(),
                    "set " + RUNS_ENV + " (or -D" + RUNS_PROPERTY + ") to a writable folder, or pass --out DIR");
        }
        check(runs, "the runs folder", "set " + RUNS_ENV + " (or -D" + RUNS_PROPERTY
                + ") to a writable folder, or pass --out DIR");
        return runs;
    }

    /**
     * Prepares this process before anything loads ND4J or JavaFX: sets the native cache folders where needed
     * (see {@link #launchProperties()}). When a folder cannot be written it prints a one-paragraph message to
     * stderr and exits with {@link #EXIT_UNWRITABLE}.
     */
    public static void prepareForLaunch() {
        try {
            system().launchProperties().forEach(System::setProperty);
        } catch (UnusableDirException e) {
            report(e, System.err);
            System.err.flush();
            System.exit(EXIT_UNWRITABLE);
        }
    }

    /** Prints the message of {@code e} as one paragraph. */
    public static void report(UnusableDirException e, PrintStream err) {
        err.println("Lottery Ticket Lab cannot start: " + e.getMessage());
    }

    /**
     * Creates {@code dir} if needed and checks that a file can be written in it.
     *
     * @return null when it can, else why not (one short phrase)
     */
    public static String whyNotWritable(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check-", ".tmp");
            Files.delete(probe);
            return null;
        } catch (NoSuchFileException e) {
            return "cannot create " + e.getFile();
        } catch (FileAlreadyExistsException e) {
            return e.getFile() + " is a file, not a folder";
        } catch (AccessDeniedException e) {
            return "permission denied" + (Objects.equals(e.getFile(), dir.toString()) ? "" : " on " + e.getFile());
        } catch (FileSystemException e) {
            String reason = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
            return e.getFile() != null && !e.getFile().equals(dir.toString()) ? reason + ": " + e.getFile() : reason;
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
    }

    /** A folder the app needs cannot be found, created or written; the message is one paragraph for the user. */
    public static final class UnusableDirException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String problem;

        UnusableDirException(String problem, String fix) {
            super(problem + ". To fix it, " + fix + ".");
            this.problem = problem;
        }

        /** The problem without the fix. */
        public String problem() {
            return problem;
        }
    }

    private String cacheFix() {
        return "set " + CACHE_ENV + " (or -D" + CACHE_PROPERTY + ") to a writable folder, e.g. " + CACHE_ENV + "="
                + (os == Os.WINDOWS ? "C:\\Temp\\lth-cache" : "/tmp/lth-cache");
    }

    private Path cacheFolder(java.util.function.Supplier<Path> folder) {
        try {
            return folder.get();
        } catch (UnusableDirException e) {
            throw new UnusableDirException(e.problem(), cacheFix());
        }
    }

    private static void check(Path dir, String what, String fix) {
        String why = whyNotWritable(dir);
        if (why != null) {
            throw new UnusableDirException(what + " cannot be created or written at " + dir + " (" + why + ")", fix);
        }
    }

    private static boolean writable(Optional<Path> dir) {
        return dir.isPresent() && whyNotWritable(dir.get()) == null;
    }

    private Path xdg(String variable, String fallbackUnderHome) {
        // the XDG spec ignores relative values
        return absolute(get(env, variable)).orElseGet(() -> home().resolve(fallbackUnderHome));
    }

    private Path localAppData() {
        return absolute(get(env, "LOCALAPPDATA")).orElseGet(() -> home().resolve("AppData").resolve("Local"));
    }

    private Optional<Path> override(String property, String variable) {
        String v = get(properties, property);
        if (v.isEmpty()) {
            v = get(env, variable);
        }
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(v).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            throw new UnusableDirException("'" + v + "' (from " + property + " or " + variable + ") is not a valid path",
                    "set it to a folder path");
        }
    }

    private Optional<Path> absolute(String s) {
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path p = Path.of(s);
            // relative values (e.g. a relative XDG_DATA_HOME, which the XDG spec says to ignore) do not count
            return p.isAbsolute() ? Optional.of(p.normalize()) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static String get(Map<String, String> map, String key) {
        String v = map.get(key);
        return v == null ? "" : v.trim();
    }

    private static Os osOf(String osName) {
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("windows")) {
            return Os.WINDOWS;
        }
        if (n.startsWith("mac") || n.startsWith("darwin")) {
            return Os.MAC;
        }
        return Os.UNIX;
    }

    private static Map<String, String> withoutNulls(Map<String, String> m) {
        Map<String, String> copy = new HashMap<>();
        m.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }
}
