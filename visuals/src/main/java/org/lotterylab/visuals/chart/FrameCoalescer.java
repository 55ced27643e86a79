package org.lotterylab.visuals.chart;

import javafx.animation.AnimationTimer;

/**
 * Runs an action at most once per frame: {@link #request()} marks work pending and the action runs on
 * the next pulse. Lets views accept hundreds of updates per frame and redraw once. FX thread only.
 */
public final class FrameCoalescer {
    private final Runnable action;
    private boolean pending;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            stop();
            if (pending) {
                pending = false;
                action.run();
            }
        }
    };

    /** A coalescer for {@code action}. */
    public FrameCoalescer(Runnable action) {
        this.action = action;
    }

    /** Asks for the action to run on the next frame (no-op when already asked). */
    public void request() {
        if (!pending) {
            pending = true;
            timer.start();
        }
    }

    /** Runs the pending action now, if any. */
    public void flush() {
        if (pending) {
            timer.stop();
            pending = false;
            action.run();
        }
    }

    /** Drops a pending request. */
    public void cancel() {
        pending = false;
        timer.stop();
    }

    /** Whether work is pending. */
    public boolean isPending() {
        return pending;
    }
}
