package org.lotterylab.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.lotterylab.api.run.BackendInfo;
import org.lotterylab.api.run.ExperimentRunner;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.run.RunLatch;
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
        RunLatch control = new RunLatch();
        Thread t = new Thread(() -> replay(listener, control), "lth-replay");
        t.setDaemon(true);
        t.start();
        return control;
    }

    private void replay(RunListener listener, RunLatch c) {
        long t0 = System.nanoTime();
        boolean cancelled = false;
        try {
            listener.onEvent(StoredRunEvents.started(run));
            int iterations = run.spec().iterations();
            for (RecordedRun.Round round : StoredRunEvents.inRoundOrder(run.rounds())) {
                if (c.waitWhilePaused()) {
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
            c.markDone();
        }
    }
}
