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
import org.lotterylab.api.run.RunListener;

/**
 * Hands events from the engine's thread to the JavaFX thread without ever making either wait: the
 * listener only appends to a lock-free queue; an {@link AnimationTimer}, running only while events are
 * pending, takes at most one batch per frame ({@link EventBatcher}) and applies it in one go.
 */
public final class LiveUpdatePump implements RunListener {
    private final ConcurrentLinkedQueue<RunEvent> inbox = new ConcurrentLinkedQueue<>();
    private final Deque<RunEvent> pending = new ArrayDeque<>();
    private final AtomicBoolean active = new AtomicBoolean();
    private final EventBatcher batcher;
    private final Consumer<List<RunEvent>> apply;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drainFrame();
        }
    };

    /** A pump that gives each frame's batch to {@code apply} on the JavaFX thread. */
    public LiveUpdatePump(Consumer<List<RunEvent>> apply) {
        this(apply, new EventBatcher(2, 20_000));
    }

    /** A pump with custom per-frame limits. */
    public LiveUpdatePump(Consumer<List<RunEvent>> apply, EventBatcher batcher) {
        this.apply = apply;
        this.batcher = batcher;
    }

    /** Queues an event; any thread; never blocks. */
    @Override
    public void onEvent(RunEvent event) {
        inbox.add(event);
        if (active.compareAndSet(false, true)) {
            if (Platform.isFxApplicationThread()) {
                timer.start();
            } else {
                Platform.runLater(timer::start);
            }
        }
    }

    /** Forgets every event not applied yet (JavaFX thread). */
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
        if (pending.isEmpty() && inbox.isEmpty()) {
            timer.stop();
            active.set(false);
            // an event may have arrived between the check and the reset: keep going for it
            if (!inbox.isEmpty() && active.compareAndSet(false, true)) {
                timer.start();
            }
        }
    }
}
