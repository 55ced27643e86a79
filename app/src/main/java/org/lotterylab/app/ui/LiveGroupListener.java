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
 * Called on the replicates' threads, one call at a time; only enqueues. The other replicates' events are
 * held back until the first replicate has started (its start clears the views), so none is lost when
 * replicates resume side by side.
 */
final class LiveGroupListener implements ReplicateListener {
    private final RunListener sink;
    private final GroupViewModel group;
    private final Path firstRun;
    private final long startNanos = System.nanoTime();
    private final List<RunEvent> held = new java.util.ArrayList<>();
    private boolean opened;

    /** Forwards to {@code sink} the events of {@code group}'s replicates. */
    LiveGroupListener(RunListener sink, GroupViewModel group) {
        this.sink = sink;
        this.group = group;
        this.firstRun = group.group().members().get(0).dir();
    }

    @Override
    public synchronized void onEvent(int index, long seed, RunEvent e) {
        if (e instanceof RunEvent.RunStarted s) {
            if (index == 0) {
                sink.onEvent(e);
                sink.onEvent(new GroupEvents.Opened(group));
                opened = true;
                held.forEach(sink::onEvent);
                held.clear();
            }
            for (RoundResult r : s.resumedRounds()) {
                send(new GroupEvents.Result(index, r));
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
            send(new GroupEvents.Result(index, f.result()));
        } else if (e instanceof LmcEvent.LmcCurveDone d) {
            send(new GroupEvents.Curve(index, d));
        }
    }

    private void send(RunEvent e) {
        if (opened) {
            sink.onEvent(e);
        } else {
            held.add(e);
        }
    }

    @Override
    public synchronized void allDone(List<String> failures, boolean cancelled) {
        held.forEach(sink::onEvent);
        held.clear();
        if (!failures.isEmpty()) {
            sink.onEvent(new RunEvent.RunFailed("Replicates failed: " + String.join("; ", failures), ""));
        } else {
            sink.onEvent(new RunEvent.RunFinished(firstRun, (System.nanoTime() - startNanos) / 1e9, cancelled));
        }
    }
}
