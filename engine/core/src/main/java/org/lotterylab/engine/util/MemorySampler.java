package org.lotterylab.engine.util;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.bytedeco.javacpp.Pointer;

/**
 * Samples the process's memory (Java heap, resident set, off-heap bytes tracked by JavaCPP) and, when asked
 * to, appends one CSV line per sample to a file. Opt-in: the file is named by the system property
 * {@value #PROPERTY} or, failing that, the environment variable {@value #ENV}; with neither, {@link #fromEnvironment()}
 * gives a sampler that only samples.
 *
 * <p>The resident set comes from {@code /proc/self/status} (VmRSS, VmHWM) and is -1 where that file does not
 * exist (macOS, Windows).
 */
public final class MemorySampler {
    /** System property naming the memory log file. */
    public static final String PROPERTY = "lth.memoryLog";
    /** Environment variable naming the memory log file (used when the property is not set). */
    public static final String ENV = "LTH_MEMORY_LOG";
    /** Header of the CSV log. */
    public static final String HEADER = "label,heap_used_mb,heap_committed_mb,rss_mb,peak_rss_mb,javacpp_mb,"
            + "javacpp_physical_mb";

    private static final Path PROC_STATUS = Path.of("/proc/self/status");
    private static final double MB = 1024.0 * 1024.0;

    private final Path log;

    private MemorySampler(Path log) {
        this.log = log;
    }

    /** A sampler that logs to the file named by {@value #PROPERTY} or {@value #ENV}, or only samples. */
    public static MemorySampler fromEnvironment() {
        String prop = System.getProperty(PROPERTY);
        String name = prop != null && !prop.isBlank() ? prop : System.getenv(ENV);
        return new MemorySampler(name == null || name.isBlank() ? null : Path.of(name.trim()));
    }

    /** A sampler that appends to {@code log} (created with a header when missing). */
    public static MemorySampler logTo(Path log) {
        return new MemorySampler(log);
    }

    /** The log file, if this sampler writes one. */
    public Optional<Path> log() {
        return Optional.ofNullable(log);
    }

    /**
     * One sample.
     *
     * @param label             what was just done, e.g. "ticket/3"
     * @param heapUsedMb        Java heap in use
     * @param heapCommittedMb   Java heap reserved from the OS
     * @param rssMb             resident set now (-1 when unknown)
     * @param peakRssMb         peak resident set so far (-1 when unknown)
     * @param javacppMb         off-heap bytes JavaCPP tracks ({@link Pointer#totalBytes()})
     * @param javacppPhysicalMb physical bytes as JavaCPP sees them ({@link Pointer#physicalBytes()})
     */
    public record Sample(String label, double heapUsedMb, double heapCommittedMb, double rssMb, double peakRssMb,
                         double javacppMb, double javacppPhysicalMb) {

        /** The sample as one CSV line (no newline). */
        public String csv() {
            return String.format(java.util.Locale.ROOT, "%s,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f", label.replace(',', ';'),
                    heapUsedMb, heapCommittedMb, rssMb, peakRssMb, javacppMb, javacppPhysicalMb);
        }
    }

    /** Takes a sample now and, when logging, appends it to the log (a failing write is reported once, on stderr). */
    public Sample sample(String label) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long[] rss = residentKb();
        Sample s = new Sample(label, heap.getUsed() / MB, heap.getCommitted() / MB,
                rss[0] < 0 ? -1 : rss[0] / 1024.0, rss[1] < 0 ? -1 : rss[1] / 1024.0,
                Pointer.totalBytes() / MB, Pointer.physicalBytes() / MB);
        if (log != null) {
            append(s);
        }
        return s;
    }

    private boolean failed;

    private synchronized void append(Sample s) {
        if (failed) {
            return;
        }
        try {
            boolean fresh = !Files.exists(log) || Files.size(log) == 0;
            Path parent = log.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                if (fresh) {
                    w.write(HEADER + "\n");
                }
                w.write(s.csv() + "\n");
            }
        } catch (IOException e) {
            failed = true;
            System.getLogger(MemorySampler.class.getName()).log(System.Logger.Level.WARNING,
                    "memory log " + log + " cannot be written (" + e.getMessage() + "); not logging");
        }
    }

    /** VmRSS and VmHWM in kB from /proc/self/status, -1 each when unavailable. */
    static long[] residentKb() {
        long rss = -1;
        long hwm = -1;
        try {
            for (String line : Files.readAllLines(PROC_STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    rss = kb(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kb(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
        return new long[] {rss, hwm};
    }

    private static long kb(String line) {
        String digits = line.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }
}
