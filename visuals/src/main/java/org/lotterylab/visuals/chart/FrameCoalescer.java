package org.lotterylab.visuals.chart;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.animation.AnimationTimer;

/**
 * Runs an action at most once per request burst: {@link #request()} marks work pending and the action runs on
 * a coming pulse. Lets views accept hundreds of updates per frame and redraw once. FX thread only.
 *
 * <p>All coalescers share one queue, and at most {@value #ACTIONS_PER_PULSE} pending action runs per pulse, in
 * the order they were requested. A view's action changes its charts, and the pulse that runs it then lays out
 * and paints them; under software rendering one chart's layout and paint is most of a frame, so when a finished
 * round makes every view redraw, the redraws are spread over consecutive pulses instead of stacking up in one
 * long pulse (measured with {@code -Djavafx.pulseLogger=true}: one pulse painting five charts took 120 to
 * 500 ms). A view waits at most one pulse per other pending view (a dozen views: about 0.2 s).
 */
public final class FrameCoalescer {
    /** Pending actions run per pulse, at most. */
    public static final int ACTIONS_PER_PULSE = 1;

    private static final Deque<FrameCoalescer> QUEUE = new ArrayDeque<>();
    private static AnimationTimer timer;

    private final Runnable action;
    private boolean pending;

    /** A coalescer for {@code action}. */
    public FrameCoalescer(Runnable action) {
        this.action = action;
    }

    /** Asks for the action to run on a coming pulse (no-op when already asked). */
    public void request() {
        if (!pending) {
            pending = true;
            QUEUE.addLast(this);
            timer().start();
        }
    }

    /** Runs the pending action now, if any. */
    public void flush() {
        if (pending) {
            QUEUE.remove(this);
            pending = false;
            action.run();
        }
    }

    /** Drops a pending request. */
    public void cancel() {
        if (pending) {
            pending = false;
            QUEUE.remove(this);
        }
    }

    /** Whether work is pending. */
    public boolean isPending() {
        return pending;
    }

    /** Runs every queued action now (FX thread); for off-screen rendering that cannot wait for pulses. */
    public static void flushAll() {
        while (!QUEUE.isEmpty()) {
            QUEUE.peekFirst().flush();
        }
        if (timer != null) {
            timer.stop();
        }
    }

    /** Requests waiting for a pulse, over all coalescers (FX thread). */
    public static int queued() {
        return QUEUE.size();
    }

    private static AnimationTimer timer() {
        if (timer == null) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    runPulse();
                }
            };
        }
        return timer;
    }

    /** One pulse's share of the queue. */
    static void runPulse() {
        for (int i = 0; i < ACTIONS_PER_PULSE && !QUEUE.isEmpty(); i++) {
            FrameCoalescer c = QUEUE.pollFirst();
            c.pending = false;
            try {
                c.action.run();
            } catch (RuntimeException e) {
                // one view's failure must not stop the redraws of the others
                System.getLogger(FrameCoalescer.class.getName()).log(System.Logger.Level.WARNING,
                        "a view failed to redraw", e);
            }
        }
        if (QUEUE.isEmpty() && timer != null) {
            timer.stop();
        }
    }
}
