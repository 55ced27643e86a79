package org.lotterylab.app.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.visuals.chart.PulseBudget;

/**
 * Hands events from the engine's thread to the JavaFX thread without ever making either wait: the
 * listener only appends to a lock-free queue; an {@link AnimationTimer}, running only while events are
 * pending, takes at most one batch per frame ({@link EventBatcher}) and applies it in one go, in a pulse that no
 * view's redraw has taken ({@link PulseBudget}).
 */
public final class LiveUpdatePump implements EventRoute {
    private final ConcurrentLinkedQueue<RunEvent> inbox = new ConcurrentLinkedQueue<>();
    private final Deque<RunEvent> pending = new ArrayDeque<>();
    private final AtomicBoolean active = new AtomicBoolean();
    private final EventBatcher batcher;
    private final Consumer<List<RunEvent>> apply;
    private final long minIntervalNanos;
    private Deferred deferred = Deferred.NONE;
    private volatile Consumer<RunEvent> preparer = e -> { };
    private long lastApply = Long.MIN_VALUE / 2;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse(now);
        }
    };

    /**
     * What the pulse stamped {@code now} does (JavaFX thread): the deferred work of the last batch, else the next
     * batch when it is due; neither when a view's redraw has taken the pulse ({@link PulseBudget}).
     */
    void pulse(long now) {
        if (deferred.pending()) {
            // follow-up work of the previous batch gets a frame of its own, shared with no view's redraw
            if (PulseBudget.tryClaim(now)) {
                runDeferred();
            }
            return;
        }
        if (now - lastApply >= minIntervalNanos && PulseBudget.tryClaim(now)) {
            lastApply = now;
            drainFrame();
        }
    }

    /**
     * A pump that gives batches to {@code apply} on the JavaFX thread, at most {@value #DEFAULT_RATE_HZ} times
     * a second: often enough to look live, rarely enough that redrawing the charts never crowds out
     * scrolling, hovering and resizing (each redraw of a chart is a whole frame's work in software rendering).
     */
    public LiveUpdatePump(Consumer<List<RunEvent>> apply) {
        this(apply, new EventBatcher(1, 20_000), DEFAULT_RATE_HZ);
    }

    /** A pump with custom per-batch limits and at most {@code maxBatchesPerSecond} batches a second. */
    public LiveUpdatePump(Consumer<List<RunEvent>> apply, EventBatcher batcher, double maxBatchesPerSecond) {
        this.apply = apply;
        this.batcher = batcher;
        this.minIntervalNanos = (long) (1e9 / maxBatchesPerSecond) - 2_000_000L; // a little slack for frame jitter
    }

    /** Batches per second at most, by default. */
    public static final int DEFAULT_RATE_HZ = 12;

    /** Queues an event; any thread; never blocks. */
    @Override
    public void onEvent(RunEvent event) {
        try {
            preparer.accept(event);
        } catch (RuntimeException ex) {
            // the JavaFX thread does the work itself then; the sender must never fail on a view's account
            System.err.println("lab: preparing an event for the views failed: " + ex);
        }
        inbox.add(event);
        if (active.compareAndSet(false, true)) {
            if (Platform.isFxApplicationThread()) {
                timer.start();
            } else {
                Platform.runLater(timer::start);
            }
        }
    }

    /**
     * Sets work done on each event by the thread that sends it, before the event is queued: what needs no
     * JavaFX thread (packing a round's masks) moves off it. Runs on whatever thread calls {@link #onEvent}.
     */
    public void setPreparer(Consumer<RunEvent> work) {
        preparer = work == null ? e -> { } : work;
    }

    /** Work a batch leaves for a later frame (JavaFX thread). */
    public interface Deferred {
        /** Nothing deferred. */
        Deferred NONE = new Deferred() {
            @Override
            public boolean pending() {
                return false;
            }

            @Override
            public void run() {
            }
        };

        /** Whether there is work left. */
        boolean pending();

        /** Does the work left. */
        void run();
    }

    /**
     * Sets the follow-up work that batches may leave (for example redrawing side views after a finished
     * round); it runs in the frame after the batch, so one frame never carries both.
     */
    public void setDeferred(Deferred work) {
        deferred = work == null ? Deferred.NONE : work;
    }

    private void runDeferred() {
        long t0 = System.nanoTime();
        try {
            deferred.run();
            PulseMonitor.debugWork("deferred", System.nanoTime() - t0);
        } catch (RuntimeException ex) {
            System.err.println("lab: a view failed to update: " + ex);
            ex.printStackTrace();
        }
        stopWhenIdle();
    }

    /** Forgets every event not applied yet (JavaFX thread). */
    @Override
    public void discardPending() {
        inbox.clear();
        pending.clear();
    }

    /** Whether events are waiting to be applied. */
    public boolean hasPending() {
        return !inbox.isEmpty() || !pending.isEmpty();
    }

    private void drainFrame() {
        RunEvent e;
        while ((e = inbox.poll()) != null) {
            pending.addLast(e);
        }
        if (!pending.isEmpty()) {
            List<RunEvent> batch = batcher.next(pending);
            try {
                apply.accept(batch);
            } catch (RuntimeException ex) {
                // a view that throws must not stop the updates of the others
                System.err.println("lab: a view failed to update: " + ex);
                ex.printStackTrace();
            }
        }
        stopWhenIdle();
    }

    private void stopWhenIdle() {
        if (pending.isEmpty() && inbox.isEmpty() && !deferred.pending()) {
            timer.stop();
            active.set(false);
            // an event may have arrived between the check and the reset: keep going for it
            if (!inbox.isEmpty() && active.compareAndSet(false, true)) {
                timer.start();
            }
        }
    }
}
