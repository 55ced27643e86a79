package org.lotterylab.engine.replicate;

import java.util.List;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.store.GroupSummary;

/** Receives the events of every replicate, tagged with the replicate, on the replicates' threads. */
public interface ReplicateListener {

    /** An event of replicate {@code index} (seed {@code seed}). */
    void onEvent(int index, long seed, RunEvent event);

    /** The merged table after a replicate's round finished (already written to disk). */
    default void merged(List<GroupSummary.Row> rows) {
    }

    /** Every replicate has ended; {@code failures} holds the reasons of those that failed. */
    default void allDone(List<String> failures, boolean cancelled) {
    }
}
