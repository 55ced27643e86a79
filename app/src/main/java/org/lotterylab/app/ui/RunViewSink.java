package org.lotterylab.app.ui;

import java.util.List;
import org.lotterylab.api.run.RunEvent;

/**
 * Where the {@link RunViewModel} sends the events that change the views. The window's implementation
 * ({@link LabViews}) drives the JavaFX views; tests record the calls.
 */
public interface RunViewSink {

    /** A run (live, replayed or opened) began: forget the previous one and show its layers. */
    void runStarted(RunEvent.RunStarted event);

    /** A round began training. */
    void roundStarted(RunEvent.RoundStarted event);

    /** Training-loss samples, in order, all received since the previous frame. */
    void losses(List<RunEvent.IterationProgress> samples);

    /** An evaluation point. */
    void evaluation(RunEvent.Evaluation event);

    /** A round finished: its result, masks and weights. */
    void roundFinished(RunEvent.RoundFinished event);

    /** A point on the interpolation path of a round's linear-mode-connectivity curve. */
    default void lmcPoint(org.lotterylab.api.run.LmcEvent.LmcPoint point) {
    }

    /** A round's linear-mode-connectivity curve is finished ({@code standardError}: NaN when unknown). */
    default void lmcCurve(org.lotterylab.api.run.LmcEvent.LmcCurveDone done, double standardError) {
    }

    /** An early-bird point of the dense round. */
    default void earlyBirdPoint(RunEvent.EarlyBirdPoint point) {
    }

    /** The early-bird summary after the dense round. */
    default void earlyBirdDrawn(RunEvent.EarlyBirdDrawn summary) {
    }

    /** A group of runs is shown as one result (see {@link GroupEvents}). */
    default void groupOpened(GroupViewModel group) {
    }

    /** A finished round of member {@code member} of the group shown. */
    default void groupResult(int member, org.lotterylab.api.run.RoundResult result) {
    }

    /** A finished LMC curve of member {@code member} of the group shown. */
    default void groupCurve(int member, org.lotterylab.api.run.LmcEvent.LmcCurveDone done) {
    }

    /** A sink that does nothing. */
    static RunViewSink none() {
        return new RunViewSink() {
            @Override
            public void runStarted(RunEvent.RunStarted event) {
            }

            @Override
            public void roundStarted(RunEvent.RoundStarted event) {
            }

            @Override
            public void losses(List<RunEvent.IterationProgress> samples) {
            }

            @Override
            public void evaluation(RunEvent.Evaluation event) {
            }

            @Override
            public void roundFinished(RunEvent.RoundFinished event) {
            }
        };
    }
}
