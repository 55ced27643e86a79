package org.lotterylab.api.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one {@link RunControl} state of the lab: paused, cancelled and done, shared between whoever controls a run
 * (the window, the CLI) and the thread doing the work, which asks {@link #waitWhilePaused()} or
 * {@link #sleep(long)} between steps and calls {@link #markDone()} at the end. Work made of other runs (a
 * replicate group, a width sweep) {@link #follow}s each of them, so that pause, resume and cancel reach every
 * run it started. Cancelling ends a pause; an interrupted wait counts as cancelled (the interrupt is kept).
 */
public class RunLatch implements RunControl {

    private final Object lock = new Object();
    private final CountDownLatch done = new CountDownLatch(1);
    private final List<RunControl> followed = new ArrayList<>();
    private boolean paused;
    private volatile boolean cancelled;

    @Override
    public void pause() {
        synchronized (lock) {
            paused = true;
            followed.forEach(RunControl::pause);
        }
    }

    @Override
    public void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
            followed.forEach(RunControl::resume);
        }
    }

    @Override
    public void cancel() {
        synchronized (lock) {
            cancelled = true;
            paused = false;
            lock.notifyAll();
            followed.forEach(RunControl::cancel);
        }
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
    public boolean await(Duration timeout) throws InterruptedException {
        return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Marks the run as ended (finished, cancelled or failed). */
    public void markDone() {
        done.countDown();
    }

    /**
     * Passes this latch's pause, resume and cancel on to {@code run} from now on, and its present state at once: a
     * run followed after a cancel is cancelled, one followed while paused is paused.
     */
    public void follow(RunControl run) {
        synchronized (lock) {
            followed.add(run);
            if (cancelled) {
                run.cancel();
            } else if (paused) {
                run.pause();
            }
        }
    }

    /** Blocks while paused; returns whether the run is cancelled. */
    public boolean waitWhilePaused() {
        synchronized (lock) {
            while (paused && !cancelled) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
            return cancelled;
        }
    }

    /** Sleeps {@code nanos} of unpaused time (a pause stretches it) and returns whether the run is cancelled. */
    public boolean sleep(long nanos) {
        synchronized (lock) {
            long deadline = System.nanoTime() + nanos;
            while (!cancelled) {
                long left = deadline - System.nanoTime();
                if (!paused && left <= 0) {
                    break;
                }
                try {
                    if (paused) {
                        long pausedAt = System.nanoTime();
                        lock.wait();
                        deadline += System.nanoTime() - pausedAt;
                    } else {
                        TimeUnit.NANOSECONDS.timedWait(lock, left);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
            return cancelled;
        }
    }
}
