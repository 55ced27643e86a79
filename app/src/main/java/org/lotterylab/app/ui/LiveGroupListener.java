package org.lotterylab.app.ui;

import java.nio.file.Path;
import java.util.List;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.run.RunListener;
import org.lotterylab.engine.replicate.ReplicateListener;

/**
 * Brings live replicates to the window's one live-update path: the first replicate's events pass as they
 * are (they fill the views of one run), followed by {@link GroupEvents.Opened}; every replicate's finished
 * rounds and LMC curves (resumed ones included) follow as {@link GroupEvents}, so the accuracy plot and the
 * LMC view update as each replicate's round lands. The replicates' own ends are held back: one
 * {@link RunEvent.RunFinished} (or {@link RunEvent.RunFailed} naming the failed seeds) ends the group.
 * Called on the replicates' threads; only enqueues.
 */
final class LiveGroupListener implements ReplicateListener {
    private final RunListener sink;
    private final GroupViewModel group;
    private final Path firstRun;
    private final long startNanos = System.nanoTime();

    /** Forwards to {@code sink} the events of {@code group}'s replicates. */
    LiveGroupListener(RunListener sink, GroupViewModel group) {
        this.sink = sink;
        this.group = group;
        this.firstRun = group.group().members().get(0).dir();
    }

    @Override
    public void onEvent(int index, long seed, RunEvent e) {
        if (e instanceof RunEvent.RunStarted s) {
            if (index == 0) {
                sink.onEvent(e);
                sink.onEvent(new GroupEvents.Opened(group));
            }
            for (RoundResult r : s.resumedRounds()) {
                sink.onEvent(new GroupEvents.Result(index, r));
            }
            return;
        }
        if (e instanceof RunEvent.RunFinished || e instanceof RunEvent.RunFailed) {
            return; // the group ends in allDone
        }
        if (index == 0) {
            sink.onEvent(e);
        }
        if (e instanceof RunEvent.RoundFinished f) {
            sink.onEvent(new GroupEvents.Result(index, f.result()));
        } else if (e instanceof LmcEvent.LmcCurveDone d) {
            sink.onEvent(new GroupEvents.Curve(index, d));
        }
    }

    @Override
    public void allDone(List<String> failures, boolean cancelled) {
        if (!failures.isEmpty()) {
            sink.onEvent(new RunEvent.RunFailed("Replicates failed: " + String.join("; ", failures), ""));
        } else {
            sink.onEvent(new RunEvent.RunFinished(firstRun, (System.nanoTime() - startNanos) / 1e9, cancelled));
        }
    }
}
