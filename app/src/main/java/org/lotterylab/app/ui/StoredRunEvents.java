package org.lotterylab.app.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.api.run.RunEvent;

/**
 * Turns a {@link RecordedRun} into the same {@link RunEvent}s a live run sends, so that opening,
 * refreshing and replaying a stored run go through the window's one live-update path.
 */
public final class StoredRunEvents {

    /**
     * The window's own marker after the events of an opened (or refreshed) stored run.
     *
     * @param dir      the run directory
     * @param complete whether the run has all its rounds
     * @param warnings problems found while reading it
     */
    public record Loaded(Path dir, boolean complete, List<String> warnings) implements RunEvent {
        /** Copies the warnings. */
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    private StoredRunEvents() {
    }

    /** The rounds in replay order: round by round, branches in their fixed order within a round. */
    public static List<RecordedRun.Round> inRoundOrder(List<RecordedRun.Round> rounds) {
        List<RecordedRun.Round> sorted = new ArrayList<>(rounds);
        sorted.sort(Comparator.comparingInt((RecordedRun.Round r) -> r.result().round())
                .thenComparing(r -> r.result().branch()));
        return sorted;
    }

    /** The start event of {@code run} (no resumed rounds: they follow as finished rounds). */
    public static RunEvent.RunStarted started(RecordedRun run) {
        return new RunEvent.RunStarted(run.dir(), run.spec(), run.backend(), run.layers(), run.theta0(), List.of());
    }

    /** The events of one round: started, its evaluation points, finished. */
    public static List<RunEvent> roundEvents(RecordedRun.Round round) {
        List<RunEvent> out = new ArrayList<>();
        var r = round.result();
        out.add(new RunEvent.RoundStarted(r.branch(), r.round(), r.weightsRemaining()));
        for (MetricPoint p : round.metrics()) {
            out.add(new RunEvent.Evaluation(r.branch(), r.round(), p));
        }
        out.add(new RunEvent.RoundFinished(r, round.masks(), round.weights()));
        return out;
    }

    /** All events that show {@code run} at once: start, every round, then {@link Loaded}. */
    public static List<RunEvent> opening(RecordedRun run) {
        List<RunEvent> out = new ArrayList<>();
        out.add(started(run));
        for (RecordedRun.Round r : inRoundOrder(run.rounds())) {
            out.addAll(roundEvents(r));
            if (isDenseTicket(r)) {
                out.addAll(StoredEarlyBird.readOrNote(run.dir()));
            }
        }
        out.add(new Loaded(run.dir(), run.complete(), run.warnings()));
        return out;
    }

    /** Whether {@code r} is round 0 of the ticket, after which the early-bird files exist. */
    static boolean isDenseTicket(RecordedRun.Round r) {
        return r.result().round() == 0 && r.result().branch() == org.lotterylab.api.spec.Branch.TICKET;
    }

    /** The events of the rounds not in {@code shown} (keys from {@link #key}), then {@link Loaded}. */
    public static List<RunEvent> newRounds(RecordedRun run, Set<String> shown) {
        List<RunEvent> out = new ArrayList<>();
        for (RecordedRun.Round r : inRoundOrder(run.rounds())) {
            if (!shown.contains(key(r))) {
                out.addAll(roundEvents(r));
                if (isDenseTicket(r)) {
                    out.addAll(StoredEarlyBird.readOrNote(run.dir()));
                }
            }
        }
        out.add(new Loaded(run.dir(), run.complete(), run.warnings()));
        return out;
    }

    /** A key naming a round of a branch, e.g. {@code ticket#3}. */
    public static String key(RecordedRun.Round r) {
        return r.result().branch().id() + "#" + r.result().round();
    }
}
