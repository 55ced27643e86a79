package org.lotterylab.visuals.chart;

import io.fair_acc.chartfx.Chart;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.locks.DefaultDataSetLock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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
 * 500 ms). A view waits at most one pulse per other pending view (a dozen views: about 0.2 s). A pulse whose
 * {@link PulseBudget} another scheduler took (the window's batch of engine events) runs no action.
 */
public final class FrameCoalescer {
    /** Pending actions run per pulse, at most. */
    public static final int ACTIONS_PER_PULSE = 1;

    private static final Deque<FrameCoalescer> QUEUE = new ArrayDeque<>();
    private static AnimationTimer timer;

    private final Runnable action;
    private final List<Chart> writes;
    private boolean pending;

    /** A coalescer for {@code action}. */
    public FrameCoalescer(Runnable action) {
        this(action, new Chart[0]);
    }

    /**
     * A coalescer for {@code action}, which writes the data sets of {@code charts}. ChartFX read-locks a chart's
     * data sets in its pre-layout step and unlocks them in the post-layout step of a pulse; a chart that joins a
     * scene (a pane maximised, a presentation page turned) runs that pre-layout step at once, outside a pulse, so
     * its data sets stay locked until the next pulse's post-layout. A write from this pulse's animation phase would
     * then wait on the JavaFX thread for the JavaFX thread: the window froze (seen in {@code LabWindowTest}). Such
     * an action waits for a pulse in which its charts are unlocked.
     */
    public FrameCoalescer(Runnable action, Chart... charts) {
        this.action = action;
        this.writes = List.of(charts);
    }

    /** Whether the action can write its charts' data sets now: none is read-locked. */
    boolean canWrite() {
        for (Chart chart : writes) {
            for (DataSet ds : chart.getAllDatasets()) {
                if (ds.lock() instanceof DefaultDataSetLock<?> lock && lock.getReaderCount() > 0) {
                    return false;
                }
            }
        }
        return true;
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
                    pulse(now);
                }
            };
        }
        return timer;
    }

    /** What the pulse stamped {@code now} does: its share of the queue, unless its {@link PulseBudget} is taken. */
    public static void pulse(long now) {
        if (PulseBudget.tryClaim(now)) {
            runPulse();
        }
    }

    /** One pulse's share of the queue, now (FX thread; tests step through pulses with it). */
    public static void runPulse() {
        int ran = 0;
        for (int tries = QUEUE.size(); ran < ACTIONS_PER_PULSE && tries > 0 && !QUEUE.isEmpty(); tries--) {
            FrameCoalescer c = QUEUE.pollFirst();
            if (!c.canWrite()) {
                QUEUE.addLast(c); // its charts are locked until this pulse's post-layout: a later pulse
                continue;
            }
            ran++;
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
