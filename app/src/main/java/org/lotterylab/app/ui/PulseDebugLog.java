package org.lotterylab.app.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * The pulse monitor's debugging line ({@code -Dlth.lab.debug=true}): for every gap between pulses over
 * {@value #PRINT_OVER_MS} ms it prints, on stderr, the window threads' CPU, the threads of the process (Java or
 * native) that ran most, and for this pulse and the four before it the JavaFX thread's CPU, the time of the
 * scene's CSS and layout passes and the named work done in it: batches of engine events, deferred side-view
 * work, each ChartFX chart's pre-layout, layout and drawing (its own bench hooks). JavaFX thread only.
 */
final class PulseDebugLog {
    private static final long PRINT_OVER_MS = 45;
    private static final Map<String, Long> WORK = new TreeMap<>();

    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    private final TaskCpuSampler tasks = new TaskCpuSampler();
    private final Deque<String> recent = new ArrayDeque<>();
    private Map<String, Long> taskCpu = Map.of();
    private long lastFxCpu = -1;
    private long layoutStart;
    private long layoutNanos;
    private long layoutPasses;

    /** Counts {@code nanos} of work named {@code what} towards the current pulse's line. */
    static void work(String what, long nanos) {
        WORK.merge(what, nanos, Long::sum);
    }

    /** Times the CSS and layout passes of {@code scene}, and notes every window (popup, tooltip) that opens or closes. */
    void watchLayout(Scene scene) {
        javafx.stage.Window.getWindows().addListener((javafx.collections.ListChangeListener<javafx.stage.Window>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(w -> work("window+" + w.getClass().getSimpleName(), 1_000_000L));
                c.getRemoved().forEach(w -> work("window-" + w.getClass().getSimpleName(), 1_000_000L));
            }
        });
        scene.addPreLayoutPulseListener(() -> layoutStart = System.nanoTime());
        scene.addPostLayoutPulseListener(() -> {
            layoutNanos += System.nanoTime() - layoutStart;
            layoutPasses++;
        });
    }

    /** Records the layout and drawing times of every ChartFX chart under {@code root}. */
    static void watchCharts(Parent root) {
        for (Node n : root.getChildrenUnmodifiable()) {
            if (n instanceof io.fair_acc.chartfx.Chart chart) {
                String name = chart.getTitle() == null || chart.getTitle().isBlank()
                        ? "chart@" + Integer.toHexString(System.identityHashCode(chart)) : chart.getTitle();
                chart.setRecorder((tag, level) -> (unit, time) -> {
                    if (tag.startsWith("chart-run") || tag.equals("chart-cssAndLayout")) {
                        work(name + "." + tag.substring("chart-".length()), unit.toNanos(time));
                    }
                });
            }
            if (n instanceof Parent p) {
                watchCharts(p);
            }
        }
    }

    /** A pulse ended a gap of {@code gapNanos}, in which the window's threads used {@code windowCpuNanos} (-1: unknown). */
    void pulse(long gapNanos, long windowCpuNanos) {
        Map<String, Long> now = tasks.sample();
        long fxCpu = cpu.getCurrentThreadCpuTime();
        String line = String.format(Locale.ROOT, "gap %.0f fx %.0f layout %.0f/%d work %s", gapNanos / 1e6,
                lastFxCpu < 0 ? -1 : (fxCpu - lastFxCpu) / 1e6, layoutNanos / 1e6, layoutPasses,
                WORK.entrySet().stream().filter(e -> e.getValue() >= 1_000_000L)
                        .map(e -> e.getKey() + "=" + e.getValue() / 1_000_000).collect(Collectors.joining(",")));
        lastFxCpu = fxCpu;
        if (windowCpuNanos >= 0 && gapNanos > PRINT_OVER_MS * 1_000_000L) {
            // the JVM's uptime lines this up with -Xlog's uptime decorations (GC, safepoints)
            System.err.printf(Locale.ROOT, "lab-debug: pulse gap %.0f ms, window threads' cpu %.0f ms, ending at"
                    + " uptime %d ms; ran most: %s%n    before: %s%n    this: %s%n", gapNanos / 1e6,
                    windowCpuNanos / 1e6, ManagementFactory.getRuntimeMXBean().getUptime(),
                    TaskCpuSampler.busiest(taskCpu, now, 6), String.join(" | ", recent), line);
        }
        recent.addLast(line);
        if (recent.size() > 4) {
            recent.removeFirst();
        }
        taskCpu = now;
        layoutNanos = 0;
        layoutPasses = 0;
        WORK.clear();
    }
}
