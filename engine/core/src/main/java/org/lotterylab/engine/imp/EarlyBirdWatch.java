package org.lotterylab.engine.imp;

import java.util.BitSet;
import java.util.Locale;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.engine.earlybird.EarlyBirdTracker;
import org.lotterylab.engine.model.ParamLayout;
import org.lotterylab.engine.prune.Pruner;

/**
 * Early-bird tracking during the dense round (You et al. 2020): at every evaluation point the pruner's mask
 * for the run's final target ({@code rounds} rounds of the spec's schedule, theta_0 as the reference) is
 * drawn from the current weights and handed to an {@link EarlyBirdTracker}; the weights at the first point
 * where the ticket counts as drawn are kept for the early-bird branch.
 */
final class EarlyBirdWatch {

    private final ParamLayout layout;
    private final ExperimentSpec spec;
    private final float[] theta0;
    private final boolean[][] dense;
    private final EarlyBirdTracker tracker;
    private float[] drawn;

    EarlyBirdWatch(ParamLayout layout, ExperimentSpec spec, float[] theta0) {
        this.layout = layout;
        this.spec = spec;
        this.theta0 = theta0;
        this.dense = Pruner.dense(layout);
        this.tracker = new EarlyBirdTracker((int) layout.prunableWeights(),
                new EarlyBirdTracker.Options(spec.earlyBirdWindow(), spec.earlyBirdThreshold()));
    }

    /** Draws the mask of the dense weights {@code params} at {@code iteration}; the point as a live event. */
    RunEvent.EarlyBirdPoint observe(int iteration, float[] params) {
        boolean[][] mask = Pruner.prune(layout, dense, params, theta0, spec, spec.rounds());
        EarlyBirdTracker.Point p = tracker.observe(iteration, mask);
        if (p.drawn() && drawn == null) {
            drawn = params.clone();
        }
        int index = tracker.points().size() - 1;
        BitSet newest = tracker.maskAt(index);
        float[] row = new float[index];
        for (int i = 0; i < index; i++) {
            BitSet x = tracker.maskAt(i);
            x.xor(newest);
            row[i] = (float) ((double) x.cardinality() / layout.prunableWeights());
        }
        return new RunEvent.EarlyBirdPoint(index, iteration, p.distanceToPrevious(), p.maxDistanceWindow(), p.drawn(),
                row);
    }

    /** The summary after the dense round of {@code iterations} iterations. */
    RunEvent.EarlyBirdDrawn summary(int iterations) {
        int at = tracker.drawnAt().orElse(iterations);
        int[] its = tracker.points().stream().mapToInt(EarlyBirdTracker.Point::iteration).toArray();
        return new RunEvent.EarlyBirdDrawn(tracker.drawnAt().isPresent(), at, iterations, iterations - at, its,
                tracker.pairwiseDistances());
    }

    /** The tracker. */
    EarlyBirdTracker tracker() {
        return tracker;
    }

    /** The weights where the ticket was drawn, or {@code denseFinal} when it never was. */
    float[] drawnParams(float[] denseFinal) {
        return drawn != null ? drawn : denseFinal;
    }

    /** One line for the user: where the ticket was drawn and the training it saves. */
    String describe(int iterations) {
        if (tracker.drawnAt().isEmpty()) {
            return String.format(Locale.ROOT, "early-bird: no ticket drawn in %d iterations (window %d, distance < %.2f); "
                    + "the early-bird branch uses the final dense weights", iterations, spec.earlyBirdWindow(),
                    spec.earlyBirdThreshold());
        }
        int at = tracker.drawnAt().getAsInt();
        return String.format(Locale.ROOT, "early-bird: ticket drawn at iteration %d of %d (masks within %.2f over %d "
                + "evaluations): %d iterations (%.0f%%) of dense training it did not need", at, iterations,
                spec.earlyBirdThreshold(), spec.earlyBirdWindow(), iterations - at, 100.0 * (iterations - at) / iterations);
    }
}
