package org.lotterylab.app.ui;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * Measures how smoothly the JavaFX thread runs: while started, it records the longest gap between two
 * consecutive pulses (the timestamps handed to {@link AnimationTimer#handle(long)}). A run that never
 * blocks the JavaFX thread keeps this near one frame (about 17 ms at 60 Hz).
 */
public final class PulseMonitor extends AnimationTimer {
    private static final boolean DEBUG = Boolean.getBoolean("lth.lab.debug");
    private final ReadOnlyDoubleWrapper maxGapMillis = new ReadOnlyDoubleWrapper(this, "maxGapMillis", 0);
    private long last = -1;
    private long maxGap;
    private long pulses;

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
        maxGapMillis.set(0);
    }

    @Override
    public void handle(long now) {
        record(now);
    }

    /** Records a pulse at {@code nanos}. */
    public void record(long nanos) {
        pulses++;
        if (last >= 0) {
            long gap = nanos - last;
            if (DEBUG && gap > 50_000_000L) {
                System.err.printf("lab-debug: pulse gap %.0f ms%n", gap / 1e6);
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

    /** Pulses seen since the measurement started. */
    public long pulses() {
        return pulses;
    }

    /** The longest gap so far, in milliseconds (updated when it grows). */
    public ReadOnlyDoubleProperty maxGapMillisProperty() {
        return maxGapMillis.getReadOnlyProperty();
    }
}
