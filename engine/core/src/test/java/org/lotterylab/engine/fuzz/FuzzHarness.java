package org.lotterylab.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Runs a reader over many seeded mutations of a valid file and checks the property of every case: the read
 * succeeds and the result passes the reader's own consistency check, or it fails with the expected typed error
 * whose message names the file. Any other exception, a case slower than {@link #CASE_LIMIT}, or a case that
 * allocates more than {@link #allocationLimit(int)} (a header-driven allocation) fails the test. Counts go to
 * stdout and to {@code target/fuzz-report.csv}.
 */
final class FuzzHarness {

    /** Property naming the number of cases per reader. */
    static final String CASES_PROPERTY = "lth.fuzz.cases";
    static final Duration CASE_LIMIT = Duration.ofSeconds(5);

    /** Reads one file. */
    @FunctionalInterface
    interface Reader {
        Object read(Path file) throws Exception;
    }

    /** Checks a successful read; throws AssertionError when the result is inconsistent. */
    @FunctionalInterface
    interface Check {
        void check(Object result) throws Exception;
    }

    private FuzzHarness() {
    }

    static int cases() {
        return Integer.getInteger(CASES_PROPERTY, 300);
    }

    /** An input may make a reader allocate 64 MB plus 64 times its size, never more. */
    static long allocationLimit(int inputLength) {
        return (64L << 20) + 64L * inputLength;
    }

    /**
     * Fuzzes one reader.
     *
     * @param reader   name for the report
     * @param file     where each case is written before reading (its name appears in messages)
     * @param cases    case generator by index (seeded inside)
     * @param read     the reader
     * @param typed    the errors that count as a clear rejection
     * @param check    consistency check of a successful read
     */
    static void run(String reader, Path file, IntFunction<Mutator.Case> cases, Reader read, Predicate<Throwable> typed,
                    Check check) {
        run(reader, file, cases, read, typed, t -> false, check);
    }

    /**
     * As {@link #run(String, Path, IntFunction, Reader, Predicate, Check)}, where typed errors matching
     * {@code unnamed} need not name the file (a spec field error names the field instead).
     */
    static void run(String reader, Path file, IntFunction<Mutator.Case> cases, Reader read, Predicate<Throwable> typed,
                    Predicate<Throwable> unnamed, Check check) {
        byte[] original;
        try {
            original = Files.exists(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        int n = cases();
        int[] counts = new int[2];
        List<String> failures = new ArrayList<>();
        int[] failed = {0};
        long started = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(60 + n / 10), () -> {
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long tid = Thread.currentThread().getId();
            for (int i = 0; i < n; i++) {
                Mutator.Case c = cases.apply(i);
                Files.createDirectories(file.getParent());
                Files.write(file, c.bytes());
                long a0 = mx.getThreadAllocatedBytes(tid);
                long t0 = System.nanoTime();
                String problem = null;
                Throwable thrown = null;
                try {
                    Object result = read.read(file);
                    check.check(result);
                    counts[0]++;
                } catch (Throwable t) {
                    thrown = t;
                    if (t instanceof AssertionError) {
                        problem = "inconsistent read: " + t.getMessage();
                    } else if (!typed.test(t)) {
                        problem = "untyped error " + t;
                    } else if (!unnamed.test(t)
                            && (t.getMessage() == null || !t.getMessage().contains(file.getFileName().toString()))) {
                        problem = "error does not name the file: " + t.getMessage();
                    } else {
                        counts[1]++;
                    }
                }
                long secs = System.nanoTime() - t0;
                long alloc = mx.getThreadAllocatedBytes(tid) - a0;
                if (problem == null && secs > CASE_LIMIT.toNanos()) {
                    problem = "took " + secs / 1_000_000 + " ms";
                }
                if (problem == null && alloc > allocationLimit(c.bytes().length)) {
                    problem = "allocated " + (alloc >> 20) + " MB for a " + c.bytes().length + "-byte input";
                }
                if (problem != null) {
                    failed[0]++;
                    if (failures.size() < 8) {
                        failures.add("case " + i + " (" + c.how() + "): " + problem + (thrown == null ? ""
                                : "\n" + stack(thrown)));
                        Path keep = Path.of("target", "fuzz-failures", reader + "-" + i + "-" + file.getFileName());
                        Files.createDirectories(keep.getParent());
                        Files.write(keep, c.bytes());
                    }
                }
            }
        });
        try {
            if (original != null) {
                Files.write(file, original);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        double secs = (System.nanoTime() - started) / 1e9;
        String line = String.format(java.util.Locale.ROOT, "%s,%d,%d,%d,%d,%.1f", reader, n, counts[0], counts[1],
                failed[0], secs);
        System.out.println("FUZZ reader,cases,read_ok,typed_error,failures,seconds: " + line);
        try {
            Path report = Path.of("target", "fuzz-report.csv");
            Files.createDirectories(report.getParent());
            if (!Files.exists(report)) {
                Files.writeString(report, "reader,cases,read_ok,typed_error,failures,seconds\n");
            }
            Files.writeString(report, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("cannot write the fuzz report: " + e);
        }
        if (!failures.isEmpty()) {
            fail(reader + ": " + failed[0] + " of " + n + " cases broke the property:\n" + String.join("\n", failures));
        }
    }

    /** Binary cases from a seeded generator. */
    static IntFunction<Mutator.Case> binaryCases(byte[] valid, Mutator.Binary format, long seed) {
        return i -> Mutator.binary(valid, format, i, new Random(seed * 1_000_003L + i));
    }

    /** Text cases from a seeded generator. */
    static IntFunction<Mutator.Case> textCases(String valid, long seed) {
        return i -> Mutator.text(valid, i, new Random(seed * 1_000_003L + i));
    }

    private static String stack(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        String s = sw.toString();
        return s.length() > 1500 ? s.substring(0, 1500) + "..." : s;
    }
}
