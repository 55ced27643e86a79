package org.lotterylab.app.ui;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.lotterylab.api.run.RunEvent;

/**
 * Cuts the pending events into per-frame batches: everything in order, but at most a few heavy events
 * (a run start or a finished round, which carry whole weight matrices) per frame, so that opening a long
 * stored run or a burst of rounds never holds the JavaFX thread for more than a few milliseconds.
 */
public final class EventBatcher {
    private final int maxHeavyPerFrame;
    private final int maxEventsPerFrame;

    /**
     * @param maxHeavyPerFrame  heavy events ({@link RunEvent.RunStarted}, {@link RunEvent.RoundFinished}) per frame
     * @param maxEventsPerFrame events of any kind per frame
     */
    public EventBatcher(int maxHeavyPerFrame, int maxEventsPerFrame) {
        if (maxHeavyPerFrame < 1 || maxEventsPerFrame < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxHeavyPerFrame = maxHeavyPerFrame;
        this.maxEventsPerFrame = maxEventsPerFrame;
    }

    /** Whether {@code e} carries weight matrices. */
    public static boolean isHeavy(RunEvent e) {
        return e instanceof RunEvent.RunStarted || e instanceof RunEvent.RoundFinished;
    }

    /** Removes and returns the next frame's batch from the head of {@code pending}. */
    public List<RunEvent> next(Deque<RunEvent> pending) {
        List<RunEvent> batch = new ArrayList<>();
        int heavy = 0;
        while (!pending.isEmpty() && batch.size() < maxEventsPerFrame) {
            RunEvent e = pending.peekFirst();
            if (isHeavy(e)) {
                if (heavy == maxHeavyPerFrame) {
                    break;
                }
                heavy++;
            }
            batch.add(pending.pollFirst());
        }
        return batch;
    }
}
