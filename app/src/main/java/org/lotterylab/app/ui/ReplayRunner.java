package org.lotterylab.app.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.lotterylab.api.run.BackendInfo;
import org.lotterylab.api.run.ExperimentRunner;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.run.RunListener;
import org.lotterylab.api.spec.ExperimentSpec;

/**
 * Replays a stored run as if it were live: on its own thread it sends the run's events round by round,
 * spreading each round's evaluation points over the chosen seconds per round (read again before each
 * round, so a speed slider takes effect at once). Pause, resume and cancel work as on the engine. The
 * spec and output folder given to {@link #start} are ignored: the stored run is what is replayed.
 */
public final class ReplayRunner implements ExperimentRunner {
    private final RecordedRun run;
    private final DoubleSupplier secondsPerRound;

    /**
     * @param run             the stored run
     * @param secondsPerRound seconds each round takes on screen (read before every round)
     */
    public ReplayRunner(RecordedRun run, DoubleSupplier secondsPerRound) {
        this(run, secondsPerRound, List.of());
    }

    /**
     * A replay that also shows the run's stored LMC curves: each right after the round of its network
     * ({@code ticket-round-03} after round 3 of the ticket, {@code dense} after round 0).
     */
    public ReplayRunner(RecordedRun run, DoubleSupplier secondsPerRound, List<StoredLmc.Curve> lmc) {
        this.run = run;
        this.secondsPerRound = secondsPerRound;
        this.lmc = List.copyOf(lmc);
    }

    private final List<StoredLmc.Curve> lmc;

    @Override
    public BackendInfo backend() {
        return new BackendInfo("Replay", 1, run.backend().describe());
    }

    /** Starts the replay of the stored run with {@link #run}'s own spec. */
    public RunControl start(RunListener listener) {
        return start(run.spec(), run.dir(), listener);
    }

    @Override
    public RunControl start(ExperimentSpec ignoredSpec, Path ignoredOut, RunListener listener) {
        Control control = new Control();
        Thread t = new Thread(() -> replay(listener, control), "lth-replay");
        t.setDaemon(true);
        t.start();
        return control;
    }

    private void replay(RunListener listener, Control c) {
        long t0 = System.nanoTime();
        boolean cancelled = false;
        try {
            listener.onEvent(StoredRunEvents.started(run));
            int iterations = run.spec().iterations();
            for (RecordedRun.Round round : StoredRunEvents.inRoundOrder(run.rounds())) {
                if (c.checkpoint()) {
                    cancelled = true;
                    break;
                }
                var r = round.result();
                listener.onEvent(new RunEvent.RoundStarted(r.branch(), r.round(), r.weightsRemaining()));
                List<MetricPoint> points = round.metrics();
                long sliceNanos = (long) (Math.max(0.05, secondsPerRound.getAsDouble()) * 1e9 / (points.size() + 1));
                for (MetricPoint p : points) {
                    if (c.sleep(sliceNanos)) {
                        cancelled = true;
                        break;
                    }
                    listener.onEvent(new RunEvent.IterationProgress(r.branch(), r.round(), p.iteration(), iterations,
                            p.trainLoss(), 0));
                    listener.onEvent(new RunEvent.Evaluation(r.branch(), r.round(), p));
                }
                if (cancelled || c.sleep(sliceNanos)) {
                    cancelled = true;
                    break;
                }
                listener.onEvent(new RunEvent.RoundFinished(r, round.masks(), round.weights()));
                if (StoredRunEvents.isDenseTicket(round)) {
                    StoredEarlyBird.readOrNote(run.dir()).forEach(listener::onEvent);
                }
                for (StoredLmc.Curve curve : lmc) {
                    var id = org.lotterylab.visuals.lmc.RoundLmc.parse(curve.done().network());
                    if (id.isPresent() && id.get().branch() == r.branch() && id.get().round() == r.round()) {
                        listener.onEvent(curve);
                    }
                }
            }
            listener.onEvent(new RunEvent.RunFinished(run.dir(), (System.nanoTime() - t0) / 1e9, cancelled));
        } catch (RuntimeException e) {
            listener.onEvent(new RunEvent.RunFailed("Replay failed: " + e.getMessage(), e.toString()));
        } finally {
            c.done.countDown();
        }
    }

    /** Pause, resume and cancel of a replay. */
    private static final class Control implements RunControl {
        private final CountDownLatch done = new CountDownLatch(1);
        private boolean paused;
        private boolean cancelled;

        @Override
        public synchronized void pause() {
            paused = true;
        }

        @Override
        public synchronized void resume() {
            paused = false;
            notifyAll();
        }

        @Override
        public synchronized void cancel() {
            cancelled = true;
            notifyAll();
        }

        @Override
        public synchronized boolean isPaused() {
            return paused;
        }

        @Override
        public boolean isDone() {
            return done.getCount() == 0;
        }

        @Override
        public boolean await(Duration timeout) throws InterruptedException {
            return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        /** Waits while paused; returns whether cancelled. */
        synchronized boolean checkpoint() {
            while (paused && !cancelled) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
            return cancelled;
        }

        /** Sleeps {@code nanos} (longer while paused); returns whether cancelled. */
        synchronized boolean sleep(long nanos) {
            long deadline = System.nanoTime() + nanos;
            while (!cancelled) {
                long left = deadline - System.nanoTime();
                if (!paused && left <= 0) {
                    break;
                }
                try {
                    if (paused) {
                        long pausedAt = System.nanoTime();
                        wait();
                        deadline += System.nanoTime() - pausedAt;
                    } else {
                        TimeUnit.NANOSECONDS.timedWait(this, left);
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
