package org.lotterylab.app.ui;

import java.lang.management.ManagementFactory;
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
    private long longGaps;
    private final java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    private long renderThreadId = -1;
    private long lastCpu = -1;
    private long maxCpu;
    private final PulseDebugLog debug = DEBUG ? new PulseDebugLog() : null;

    /** Debugging: counts {@code nanos} of work named {@code what} towards the current pulse (JavaFX thread). */
    static void debugWork(String what, long nanos) {
        if (DEBUG) {
            PulseDebugLog.work(what, nanos);
        }
    }

    /** Debugging: times the CSS and layout passes of the window's {@code scene}. */
    public void watchLayout(javafx.scene.Scene scene) {
        if (DEBUG) {
            debug.watchLayout(scene);
        }
    }

    /** Debugging: records the layout and drawing times of every chart under {@code root}. */
    public static void watchCharts(javafx.scene.Parent root) {
        if (DEBUG) {
            PulseDebugLog.watchCharts(root);
        }
    }

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
        longGaps = 0;
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
            debug.pulse(now - before, before < 0 || cpuBefore < 0 || cpuNow < 0 ? -1 : cpuNow - cpuBefore);
        }
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
            if (gap > LONG_GAP_NANOS) {
                longGaps++;
            }
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

    /** The goal for the longest gap between two pulses (50 ms: three frames at 60 Hz). */
    public static final double GOAL_MILLIS = 50;
    private static final long LONG_GAP_NANOS = (long) (GOAL_MILLIS * 1e6);

    /** Gaps between pulses longer than {@link #GOAL_MILLIS} since the measurement started. */
    public long longGaps() {
        return longGaps;
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
