package org.lotterylab.app.ui;

import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.run.RunEvent;

/**
 * The window's own events for a group of runs shown as one result: they travel the live-update path with
 * the first run's ordinary events (which fill the views of one run), so a group opened from disk and one
 * running live reach the views the same way.
 */
public final class GroupEvents {

    private GroupEvents() {
    }

    /**
     * A group is shown: its members' results replace the accuracy plot's, its LMC curves the LMC view's
     * instability chart.
     *
     * @param group the group and what is known of it so far
     */
    public record Opened(GroupViewModel group) implements RunEvent {
    }

    /**
     * A finished round of one member of the group shown.
     *
     * @param member the member's index in the group
     * @param result its result
     */
    public record Result(int member, RoundResult result) implements RunEvent {
    }

    /**
     * A finished LMC curve of one member of the group shown.
     *
     * @param member the member's index in the group
     * @param done   the curve's result
     */
    public record Curve(int member, LmcEvent.LmcCurveDone done) implements RunEvent {
    }
}
