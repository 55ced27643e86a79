package org.lotterylab.app.ui;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * Measures how smoothly the JavaFX thread runs: while started, it records the longest gap between two
 * consecutive pulses (the timestamps handed to {@link AnimationTimer#handle(long)}). A run that never
 * blocks the JavaFX thread keeps this near one frame (about 17 ms at 60 Hz).
 *
 * <p>It also records the most CPU time the JavaFX thread and the render thread ({@code QuantumRenderer-0})
 * used between two pulses: the window's own work per frame. A gap much longer than that work means the two
 * threads waited for a core (a loaded machine), not that the window had too much to do.
 */
public final class PulseMonitor extends AnimationTimer {
    private static final boolean DEBUG = Boolean.getBoolean("lth.lab.debug");
    private final ReadOnlyDoubleWrapper maxGapMillis = new ReadOnlyDoubleWrapper(this, "maxGapMillis", 0);
    private long last = -1;
    private long maxGap;
    private long pulses;
    private final java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    private long renderThreadId = -1;
    private long lastCpu = -1;
    private long maxCpu;
    private final TaskCpuSampler tasks = DEBUG ? new TaskCpuSampler() : null;
    private Map<String, Long> taskCpu = Map.of();

    /** Starts a new measurement (forgets the previous one). */
    @Override
    public void start() {
        reset();
        super.start();
    }

    /** Forgets what was measured. */
    public void reset() {
        last = -1;
        maxGap = 0;
        pulses = 0;
        lastCpu = -1;
        maxCpu = 0;
        maxGapMillis.set(0);
    }

    @Override
    public void handle(long now) {
        long before = last;
        long cpuBefore = lastCpu;
        record(now);
        long cpuNow = windowThreadsCpuNanos();
        recordCpu(cpuNow);
        if (DEBUG) {
            debugGap(now - before, before < 0 || cpuBefore < 0 || cpuNow < 0 ? -1 : cpuNow - cpuBefore);
        }
    }

    /** Debugging: a gap over 50 ms, the window threads' CPU in it and the threads (Java or native) that ran most. */
    private void debugGap(long gapNanos, long windowCpuNanos) {
        Map<String, Long> now = tasks.sample();
        if (windowCpuNanos >= 0 && gapNanos > 50_000_000L) {
            // the JVM's uptime lines this up with -Xlog's uptime decorations (GC, safepoints)
            System.err.printf(Locale.ROOT, "lab-debug: pulse gap %.0f ms, window threads' cpu %.0f ms, ending at"
                    + " uptime %d ms; ran most: %s%n", gapNanos / 1e6, windowCpuNanos / 1e6,
                    ManagementFactory.getRuntimeMXBean().getUptime(),
                    TaskCpuSampler.busiest(taskCpu, now, 6));
        }
        taskCpu = now;
    }

    /** Records the JavaFX and render threads' CPU time so far, in nanoseconds, at a pulse (-1: unknown). */
    public void recordCpu(long cpuNanos) {
        if (cpuNanos < 0) {
            return;
        }
        if (lastCpu >= 0) {
            long used = cpuNanos - lastCpu;
            maxCpu = Math.max(maxCpu, used);
        }
        lastCpu = cpuNanos;
    }

    /** The most CPU time the JavaFX and render threads used between two pulses so far, in milliseconds. */
    public double maxPulseCpuMillis() {
        return maxCpu / 1e6;
    }

    private long windowThreadsCpuNanos() {
        if (!cpu.isThreadCpuTimeSupported()) {
            return -1;
        }
        if (renderThreadId < 0) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals("QuantumRenderer-0")) {
                    renderThreadId = t.getId();
                }
            }
        }
        long fx = cpu.getCurrentThreadCpuTime();
        long render = renderThreadId < 0 ? 0 : cpu.getThreadCpuTime(renderThreadId);
        return fx < 0 ? -1 : fx + Math.max(0, render);
    }

    /** Records a pulse at {@code nanos}. */
    public void record(long nanos) {
        pulses++;
        if (last >= 0) {
            long gap = nanos - last;
            if (gap > maxGap) {
                maxGap = gap;
                maxGapMillis.set(gap / 1e6);
            }
        }
        last = nanos;
    }

    /** The longest gap between pulses so far, in milliseconds. */
    public double maxGapMillis() {
        return maxGap / 1e6;
    }

    /** Pulses seen since the measurement started. */
    public long pulses() {
        return pulses;
    }

    /** The longest gap so far, in milliseconds (updated when it grows). */
    public ReadOnlyDoubleProperty maxGapMillisProperty() {
        return maxGapMillis.getReadOnlyProperty();
    }
}
