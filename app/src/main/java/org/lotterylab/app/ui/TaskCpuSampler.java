package org.lotterylab.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Debugging aid on Linux: the run time so far of every thread of this process, Java or native (OpenMP, OpenBLAS,
 * GC and compiler threads), read from {@code /proc/self/task/<tid>/schedstat} in nanoseconds. Used by
 * {@link PulseMonitor} under {@code -Dlth.lab.debug=true} to name the threads that had the cores during a long
 * pulse gap. Elsewhere it samples nothing.
 */
final class TaskCpuSampler {
    private static final Path TASKS = Path.of("/proc/self/task");
    private final Map<String, String> names = new HashMap<>();

    /** Thread key ({@code name/tid}) to nanoseconds run so far; empty where {@code /proc} is missing. */
    Map<String, Long> sample() {
        Map<String, Long> out = new HashMap<>();
        if (!Files.isDirectory(TASKS)) {
            return out;
        }
        try (Stream<Path> dirs = Files.list(TASKS)) {
            dirs.forEach(d -> {
                String tid = d.getFileName().toString();
                try {
                    String name = names.get(tid);
                    if (name == null) {
                        name = Files.readString(d.resolve("comm")).trim() + "/" + tid;
                        names.put(tid, name);
                    }
                    out.put(name, firstNumber(d.resolve("schedstat")));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between the listing and the read
                }
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    // one small buffer for every read: Files.readString allocated 8 KB per file, 1.7 GB in a lab run at 60 Hz,
    // and the collector's work then showed up in the very gaps this measures
    private final byte[] buffer = new byte[64];

    private long firstNumber(Path file) throws IOException {
        int n;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            n = in.read(buffer);
        }
        long v = 0;
        for (int i = 0; i < n && buffer[i] >= '0' && buffer[i] <= '9'; i++) {
            v = v * 10 + (buffer[i] - '0');
        }
        return v;
    }

    /** The {@code limit} threads that ran longest between two samples, as "name/tid ms", longest first. */
    static String busiest(Map<String, Long> before, Map<String, Long> after, int limit) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 1_000_000L)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .map(e -> String.format(Locale.ROOT, "%s %.0f", e.getKey(), e.getValue() / 1e6))
                .collect(Collectors.joining(", "));
    }
}
