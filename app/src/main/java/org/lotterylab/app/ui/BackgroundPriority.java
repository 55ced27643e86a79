package org.lotterylab.app.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Gives the window's own threads the CPU before its training threads: on Linux, every thread of this process
 * whose name starts with {@value #PREFIX} (the engine's {@code lth-engine}, {@code lth-train-N}, {@code lth-lmc},
 * {@code lth-edge-popup} ...) gets the nice value {@value #NICE} (lower priority) shortly after it starts. On a
 * small machine the trainings otherwise take every core, and the JavaFX and render threads wait behind them in
 * the middle of a frame (2 cores, 2 trainings: pulses of 100 to 300 ms). The JVM's optimising JIT compiler
 * threads ({@value #C2_COMPILER}) are niced alike ({@link #background}). Training loses nothing while the window
 * is idle: a niced thread still gets every core nobody else wants. Results do not depend on it (scheduling only).
 *
 * <p>Nice is a per-thread attribute on Linux ({@code setpriority(2)} with a thread id); there is no Java API for
 * it, so this runs {@code renice} once per new thread, found by name in {@code /proc/self/task}. Elsewhere (no
 * {@code /proc}, no {@code renice}) it does nothing. Raising a thread's own nice value needs no privilege.
 */
public final class BackgroundPriority implements AutoCloseable {
    /** Thread-name prefix of the lab's background threads. */
    public static final String PREFIX = "lth-";
    /**
     * The nice value given to them (0 = normal, 19 = lowest). The lowest: nice only ranks threads within this
     * process's scheduling group (Linux's autogroup), so it costs other programs nothing, and at 10 the trainings
     * still delayed the JavaFX and render threads enough for 55 to 70 ms frames on 2 cores (19: under 50 after the
     * first round, quick preset at 1600x1000).
     */
    public static final int NICE = 19;

    private static final Path TASKS = Path.of("/proc/self/task");
    private static final String SELF = PREFIX + "priority";
    /** Thread id to the number of scans that read its name; {@link #LOOKS} once settled or niced. */
    private final Map<String, Integer> looks = new HashMap<>();
    private final ScheduledExecutorService scanner;
    /** Starts threads that are niced from their first instruction (see {@link #startNiced}); null until used. */
    private java.util.concurrent.ExecutorService starter;

    private BackgroundPriority(ScheduledExecutorService scanner) {
        this.scanner = scanner;
    }

    private static BackgroundPriority shared;

    /**
     * The process's watcher (started on first use, checking for new threads every {@value #PERIOD_MILLIS} ms);
     * every lab window uses it.
     */
    public static synchronized BackgroundPriority shared() {
        if (shared == null) {
            shared = start(PERIOD_MILLIS);
        }
        return shared;
    }

    /**
     * How often the shared watcher looks for new threads. A new training thread competes with the window at full
     * priority until the next look; at 250 ms that was the first quarter second of every run. A look lists the
     * process's threads and reads the names of new ones only (see {@link #scan}).
     */
    public static final long PERIOD_MILLIS = 50;

    /** Starts watching for new background threads every {@code periodMillis}; a no-op where unsupported. */
    public static BackgroundPriority start(long periodMillis) {
        if (!supported()) {
            return new BackgroundPriority(null);
        }
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, SELF);
            t.setDaemon(true);
            return t;
        });
        BackgroundPriority p = new BackgroundPriority(s);
        s.scheduleWithFixedDelay(p::scanQuietly, 0, periodMillis, TimeUnit.MILLISECONDS);
        return p;
    }

    /** Whether this platform lets threads be niced one by one (Linux with {@code renice}). */
    public static boolean supported() {
        return Files.isDirectory(TASKS) && (Files.isExecutable(Path.of("/usr/bin/renice"))
                || Files.isExecutable(Path.of("/bin/renice")));
    }

    /**
     * Nices every background thread not handled yet (one {@code renice} for all); returns how many were niced.
     * A thread's name is read on its first {@value #LOOKS} scans only (a thread just started may still carry its
     * creator's name for a moment), so a scan of a settled process reads the folder listing and nothing else.
     */
    public synchronized int scan() throws IOException {
        List<String> fresh = new ArrayList<>();
        Set<String> present = new HashSet<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String tid = task.getFileName().toString();
                present.add(tid);
                int looked = looks.getOrDefault(tid, 0);
                if (looked >= LOOKS) {
                    continue;
                }
                boolean lab = background(comm(task));
                looks.put(tid, lab ? LOOKS : looked + 1);
                if (lab) {
                    fresh.add(tid);
                }
            }
        }
        // a thread id can be reused by a later thread: forget the ids of threads that ended
        looks.keySet().retainAll(present);
        return fresh.isEmpty() || !renice(fresh) ? 0 : fresh.size();
    }

    /**
     * Name (as {@code /proc} shows it, cut to 15 characters) of the JVM's optimising JIT compiler threads. They
     * are niced too: a lab run keeps them compiling for about 18 s (JFR, quick preset: mostly the engine's code),
     * and at normal priority they took the second core from the JavaFX and render threads in the middle of frames.
     * Niced, the quick run's longest frame gap on 2 cores went from 60 to 134 ms (5 runs) to 39 to 54 ms in 5 of 6
     * runs, one 79 (docs/decisions/0022).
     * The quick C1 compiler keeps its priority: it is what takes the window's own code out of the interpreter.
     */
    static final String C2_COMPILER = "C2 CompilerThre";

    /** Whether a thread named {@code name} runs at the background nice value: the lab's, and the C2 compilers. */
    static boolean background(String name) {
        return name != null && (name.startsWith(PREFIX) && !name.equals(SELF) || name.startsWith(C2_COMPILER));
    }

    /** How many scans read a thread's name before it counts as settled (not one of the lab's). */
    static final int LOOKS = 3;

    /** The nice value of thread {@code tid} of this process (field 19 of its stat line), or null. */
    static Integer niceOf(String tid) {
        try {
            String stat = Files.readString(TASKS.resolve(tid).resolve("stat"), StandardCharsets.US_ASCII);
            // the name in parentheses may hold spaces: count fields after the closing one
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
            return Integer.parseInt(f[16]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void scanQuietly() {
        try {
            scan();
        } catch (IOException | RuntimeException e) {
            // threads come and go while the folder is read; the next scan sees them
        }
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean renice(List<String> tids) {
        List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(NICE), "-p"));
        command.addAll(tids);
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Calls {@code start} on a thread that already runs at the background nice value and returns what it returns:
     * a thread created there inherits that value (Linux copies a thread's nice value to the threads it creates),
     * so an engine started this way never competes with the window at normal priority, not even until the next
     * scan. At a run's start that was up to {@value #PERIOD_MILLIS} ms of data loading and network building beside
     * the pulse that greys the experiment panel. Runs {@code start} on the caller's thread where unsupported.
     * Blocks until {@code start} returns, so keep it short (it should start a thread, not do the work).
     */
    @SuppressWarnings("unchecked")
    public <T, E extends Exception> T startNiced(Start<T, E> start) throws E {
        java.util.concurrent.ExecutorService s = starter();
        if (s == null) {
            return start.start();
        }
        try {
            return s.submit(start::start).get();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw (E) cause; // start declares E and nothing else checked
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a background thread", e);
        }
    }

    /** What {@link #startNiced} calls: starts something, may fail with {@code E}. */
    @FunctionalInterface
    public interface Start<T, E extends Exception> {
        /** Starts it. */
        T start() throws E;
    }

    private synchronized java.util.concurrent.ExecutorService starter() {
        if (scanner == null) {
            return null;
        }
        if (starter == null) {
            java.util.concurrent.ExecutorService s = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, PREFIX + "starter");
                t.setDaemon(true);
                return t;
            });
            try {
                // the starter nices itself before it starts anything
                boolean niced = s.submit(() -> renice(List.of(selfTid()))).get();
                if (!niced) {
                    s.shutdownNow();
                    return null;
                }
            } catch (java.util.concurrent.ExecutionException | RuntimeException e) {
                s.shutdownNow();
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                s.shutdownNow();
                return null;
            }
            starter = s;
        }
        return starter;
    }

    /** The calling thread's id in {@code /proc} (Linux). */
    static String selfTid() throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
    }

    /** Stops watching (threads already niced stay niced). */
    @Override
    public synchronized void close() {
        if (scanner != null) {
            scanner.shutdownNow();
        }
        if (starter != null) {
            starter.shutdownNow();
        }
    }
}
