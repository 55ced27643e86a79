package org.lotterylab.engine.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.lotterylab.api.run.RunControl;

/**
 * Pause/resume/cancel shared between the UI (or CLI) and the training loop, which calls
 * {@link #checkpoint()} between iterations.
 */
public final class RunGate implements RunControl {

    private final Object lock = new Object();
    private boolean paused;
    private volatile boolean cancelled;
    private final CountDownLatch done = new CountDownLatch(1);

    @Override
    public void pause() {
        synchronized (lock) {
            paused = true;
        }
    }

    @Override
    public void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        resume();
    }

    @Override
    public boolean isPaused() {
        synchronized (lock) {
            return paused;
        }
    }

    /** Whether cancel was requested. */
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public boolean isDone() {
        return done.getCount() == 0;
    }

    @Override
    public boolean await(java.time.Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Marks the run as ended. */
    public void markDone() {
        done.countDown();
    }

    /** Blocks while paused; throws {@link CancelledException} when cancelled. */
    public void checkpoint() {
        if (cancelled) {
            throw new CancelledException();
        }
        synchronized (lock) {
            while (paused && !cancelled) {
                try {
                    lock.wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancelledException();
                }
            }
        }
        if (cancelled) {
            throw new CancelledException();
        }
    }

    /**
     * The one way an engine runner starts its work: {@code body} on a new daemon thread named {@code thread},
     * with a fresh gate that is marked done however the body ends. Returns the gate at once.
     */
    public static RunGate startDaemon(String thread, java.util.function.Consumer<RunGate> body) {
        RunGate gate = new RunGate();
        Thread t = new Thread(() -> {
            try {
                body.accept(gate);
            } finally {
                gate.markDone();
            }
        }, thread);
        t.setDaemon(true);
        t.start();
        return gate;
    }

    /** Thrown inside the training loop when the run is cancelled. */
    public static final class CancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CancelledException() {
            super("cancelled", null, false, false);
        }
    }
}
