package org.lotterylab.app.install;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.store.StoredRun;

/**
 * {@code --self-test}: proves that an installation works. It opens the lab window in a child process (the same
 * launcher, or the same java and class path), trains a tiny run on the bundled digits
 * ({@code lab --preset quick --rounds 1 --iterations 50 --autostart --exit-when-done}), saves a screenshot of the
 * window, and writes a short report (version, java, backend, data set, accuracy or the failure reason, screenshot,
 * seconds) to {@code <data folder>/self-test/<time>/report.txt}.
 *
 * <p>The window runs in a child JVM because JavaFX can be launched once per JVM and the lab launcher exits the
 * JVM; the child can also be timed out and its crash reported. Exit codes: 0 passed, 1 failed (reason in the
 * report and on stderr), 2 bad command line, 3 the data folder cannot be written.
 */
public final class SelfTest {

    /** Test accuracy the tiny run must beat (chance is 0.1; 50 iterations usually reach about 0.85). */
    static final double MIN_ACCURACY = 0.3;
    /** Default limit for the child, in seconds (first start extracts about 400 MB of native libraries). */
    public static final int DEFAULT_TIMEOUT_S = 600;
    private static final int LOG_TAIL = 40;

    private SelfTest() {
    }

    /**
     * Runs the self-test; returns the exit code. The command line is parsed by the {@code --self-test} command.
     *
     * @param timeoutSeconds how long the window may take, at least 1
     * @param folder         where the report, screenshot and run go, or null for {@code <data folder>/self-test/<time>}
     */
    public static int run(int timeoutSeconds, Path folder, UserDirs dirs, PrintStream out, PrintStream err) {
        int timeout = timeoutSeconds;
        Path dir = folder == null ? null : folder.toAbsolutePath();
        long start = System.nanoTime();
        Path runs;
        try {
            if (dir == null) {
                String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
                dir = dirs.dataDir().resolve("self-test").resolve(stamp);
            }
            runs = dirs.runsDir();
        } catch (UserDirs.UnusableDirException e) {
            UserDirs.report(e, err);
            return UserDirs.EXIT_UNWRITABLE;
        }
        String why = UserDirs.whyNotWritable(dir);
        if (why != null) {
            err.println("Lottery Ticket Lab cannot run its self-test: the folder " + dir + " cannot be created or written ("
                    + why + "). To fix it, set " + UserDirs.RUNS_ENV + " or pass --out DIR with a writable folder.");
            return UserDirs.EXIT_UNWRITABLE;
        }
        String runsWhy = UserDirs.whyNotWritable(runs);

        Path screenshot = dir.resolve("window.png");
        Path runOut = dir.resolve("run");
        Path log = dir.resolve("window.log");
        List<String> command = childCommand(dirs, labArgs(screenshot, runOut));
        out.println("self-test: starting the lab window: " + String.join(" ", command));
        Child child = runChild(command, log, timeout, out);
        Result result = assess(child, screenshot, runOut);
        double seconds = (System.nanoTime() - start) / 1e9;

        Path report = dir.resolve("report.txt");
        String text = report(result, dirs, screenshot, runs, runsWhy, log, seconds);
        try {
            Files.writeString(report, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("self-test: cannot write the report " + report + ": " + e.getMessage());
            out.print(text);
            return 1;
        }
        out.print(text);
        out.println("self-test report: " + report);
        if (!result.passed()) {
            err.println("self-test FAILED: " + result.reason());
            return 1;
        }
        return 0;
    }

    /** The {@code lab} arguments of the tiny run. */
    static List<String> labArgs(Path screenshot, Path runOut) {
        return List.of("lab", "--preset", "quick", "--rounds", "1", "--iterations", "50", "--autostart",
                "--screenshot", screenshot.toString(), "--exit-when-done", "--out", runOut.toString());
    }

    /**
     * The child's command line: the installed launcher itself when there is one (so its runtime and options are
     * what is tested), else this JVM's java with its options and class path.
     */
    static List<String> childCommand(UserDirs dirs, List<String> labArgs) {
        List<String> cmd = new ArrayList<>();
        Optional<Path> launcher = dirs.launcher().filter(Files::isExecutable);
        if (launcher.isPresent()) {
            cmd.add(launcher.get().toString());
        } else {
            Path java = Path.of(System.getProperty("java.home"), "bin",
                    dirs.os() == UserDirs.Os.WINDOWS ? "java.exe" : "java");
            cmd.add(Files.isExecutable(java) ? java.toString()
                    : ProcessHandle.current().info().command().orElse("java"));
            for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                // keep the JVM options; the agent/debug ones would clash with the parent's
                if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent") && !a.startsWith("-Xrunjdwp")) {
                    cmd.add(a);
                }
            }
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add("org.lotterylab.app.Main");
        }
        cmd.addAll(labArgs);
        return cmd;
    }

    /** How the child ended. */
    record Child(int exitCode, boolean timedOut, String startFailure, List<String> logTail) {
    }

    private static Child runChild(List<String> command, Path log, int timeoutSeconds, PrintStream out) {
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            cleanEnvironment(pb.environment());
            p = pb.start();
        } catch (IOException e) {
            return new Child(-1, false, "cannot start " + command.get(0) + ": " + e.getMessage(), List.of());
        }
        Deque<String> tail = new ArrayDeque<>();
        Thread pump = new Thread(() -> copy(p.getInputStream(), log, tail, out), "self-test-output");
        pump.setDaemon(true);
        pump.start();
        boolean timedOut = false;
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                timedOut = true;
                p.destroy();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
            }
            pump.join(5000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Child(-1, false, "interrupted", snapshot(tail));
        }
        return new Child(p.isAlive() ? -1 : p.exitValue(), timedOut, null, snapshot(tail));
    }

    /**
     * Removes what a jpackage launcher leaves for itself: on Linux it marks its process with
     * {@code _JPACKAGE_LAUNCHER}, and a launcher that inherits the mark skips its configuration file (no class
     * path, no main class), so the child would fail with "Could not find or load main class".
     */
    static void cleanEnvironment(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("_JPACKAGE"));
    }

    private static List<String> snapshot(Deque<String> tail) {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    private static void copy(InputStream in, Path log, Deque<String> tail, PrintStream out) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
             Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                w.write(line);
                w.write('\n');
                w.flush();
                out.println("  | " + line);
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > LOG_TAIL) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            out.println("self-test: lost the window's output: " + e.getMessage());
        }
    }

    /**
     * What the self-test found.
     *
     * @param reason   null when it passed, else why not (one line)
     * @param backend  the engine's backend as the run recorded it, or "unknown"
     * @param dataSet  the data set as the run recorded it, or "unknown"
     * @param accuracy e.g. {@code ticket round 1 (60.1% of weights): 0.9010; dense: 0.8790}, or "none"
     * @param runDir   the run directory, if one was written
     */
    record Result(String reason, String backend, String dataSet, String accuracy, Optional<Path> runDir) {
        boolean passed() {
            return reason == null;
        }
    }

    /** Judges the child's exit, the screenshot and the stored run. */
    static Result assess(Child child, Path screenshot, Path runOut) {
        List<String> problems = new ArrayList<>();
        if (child.startFailure() != null) {
            problems.add(child.startFailure());
        } else if (child.timedOut()) {
            problems.add("the window did not finish in time (killed)");
        } else if (child.exitCode() != 0) {
            String said = child.logTail().stream().filter(l -> l.startsWith("lth lab:") || l.startsWith("error:")
                    || l.startsWith("Lottery Ticket Lab"))
                    .reduce((a, b) -> b).orElse(child.logTail().isEmpty() ? "no output"
                            : "last output: " + child.logTail().get(child.logTail().size() - 1));
            problems.add("the window exited with code " + child.exitCode() + " (" + said + ")");
        }
        if (!isPng(screenshot)) {
            problems.add("no screenshot was written to " + screenshot);
        }
        String backend = "unknown";
        String dataSet = "unknown";
        String accuracy = "none";
        Optional<Path> runDir = findRun(runOut);
        if (runDir.isEmpty()) {
            problems.add("no run was stored under " + runOut);
        } else {
            try {
                StoredRun run = StoredRun.open(runDir.get());
                Map<String, String> info = run.runInfo();
                backend = info.getOrDefault("backend", "unknown")
                        + (info.containsKey("backend_detail") ? " (" + info.get("backend_detail") + ")" : "")
                        + (info.containsKey("threads") ? ", " + info.get("threads") + " threads" : "");
                dataSet = info.getOrDefault("data", run.spec().dataset());
                Optional<RoundResult> last = run.results().stream().filter(r -> r.branch() == Branch.TICKET)
                        .reduce((a, b) -> b.round() >= a.round() ? b : a);
                Optional<RoundResult> dense = run.result(Branch.TICKET, 0);
                if (last.isEmpty() || !Double.isFinite(last.get().testAccuracy())) {
                    problems.add("the run has no finished ticket round");
                } else {
                    RoundResult r = last.get();
                    accuracy = String.format(Locale.ROOT, "ticket round %d (%.1f%% of weights): %.4f", r.round(),
                            100 * r.weightsRemaining(), r.testAccuracy())
                            + dense.filter(d -> d.round() != r.round())
                            .map(d -> String.format(Locale.ROOT, "; dense: %.4f", d.testAccuracy())).orElse("");
                    if (r.testAccuracy() < MIN_ACCURACY) {
                        problems.add(String.format(Locale.ROOT, "test accuracy %.4f is below %.2f", r.testAccuracy(),
                                MIN_ACCURACY));
                    }
                }
            } catch (IOException | RuntimeException e) {
                problems.add("cannot read the run " + runDir.get() + ": " + e.getMessage());
            }
        }
        return new Result(problems.isEmpty() ? null : String.join("; ", problems), backend, dataSet, accuracy, runDir);
    }

    private static Optional<Path> findRun(Path runOut) {
        if (!Files.isDirectory(runOut)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(runOut)) {
            return s.filter(d -> Files.isRegularFile(d.resolve("spec.json"))).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isPng(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(8);
            return magic.length == 8 && (magic[0] & 0xff) == 0x89 && magic[1] == 'P' && magic[2] == 'N' && magic[3] == 'G';
        } catch (IOException e) {
            return false;
        }
    }

    static String report(Result r, UserDirs dirs, Path screenshot, Path runs, String runsWhy, Path log, double seconds) {
        StringBuilder b = new StringBuilder();
        line(b, "Lottery Ticket Lab self-test", r.passed() ? "PASSED" : "FAILED");
        if (!r.passed()) {
            line(b, "reason", r.reason());
        }
        line(b, "version", version());
        line(b, "java", System.getProperty("java.runtime.version", "?") + " (" + System.getProperty("java.vendor", "?")
                + "), " + System.getProperty("java.home", "?"));
        line(b, "os", System.getProperty("os.name", "?") + " " + System.getProperty("os.version", "?") + " "
                + System.getProperty("os.arch", "?"));
        line(b, "installed", dirs.launcher().map(p -> "yes, " + p).orElse("no (run from a class path)"));
        line(b, "backend", r.backend());
        line(b, "data set", r.dataSet());
        line(b, "accuracy", r.accuracy());
        line(b, "screenshot", Files.isRegularFile(screenshot) ? screenshot.toString() : "none");
        line(b, "run", r.runDir().map(Path::toString).orElse("none"));
        line(b, "window log", log.toString());
        line(b, "runs folder", runs + (runsWhy == null ? " (writable)" : " (NOT writable: " + runsWhy + ")"));
        line(b, "native cache", System.getProperty(UserDirs.JAVACPP_CACHEDIR, "~/.javacpp (JavaCPP's default)"));
        line(b, "seconds", String.format(Locale.ROOT, "%.1f", seconds));
        return b.toString();
    }

    private static void line(StringBuilder b, String key, String value) {
        b.append(String.format(Locale.ROOT, "%-28s %s%n", key + ":", value));
    }

    /** The app's version from its jar's Maven metadata, or "development build". */
    static String version() {
        try (InputStream in = SelfTest.class.getResourceAsStream("/META-INF/maven/org.lotterylab/lth-app/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // fall through
        }
        return "development build";
    }
}
