package org.lotterylab.api.run;

import java.nio.file.Path;
import java.util.List;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;

/**
 * Events the engine publishes to {@link RunListener}s from its own background thread. Every payload is
 * an immutable copy; nothing refers to live engine arrays. Listeners must return quickly and must not
 * touch UI objects directly (hand over to the UI thread).
 */
public interface RunEvent {

    /**
     * A run began (fresh or resumed).
     *
     * @param runDir   the run directory
     * @param spec     the spec
     * @param backend  compute backend
     * @param layers   the prunable layers
     * @param theta0   initial weights of the prunable layers (same order as layers)
     * @param resumedRounds rounds already finished on disk per branch, empty when fresh
     */
    record RunStarted(Path runDir, ExperimentSpec spec, BackendInfo backend, List<LayerInfo> layers,
                      List<Tensor> theta0, List<RoundResult> resumedRounds) implements RunEvent {
        /** Copies lists. */
        public RunStarted {
            layers = List.copyOf(layers);
            theta0 = List.copyOf(theta0);
            resumedRounds = List.copyOf(resumedRounds);
        }
    }

    /** A round began training. */
    record RoundStarted(Branch branch, int round, double weightsRemaining) implements RunEvent {
    }

    /** Training progress, sent every few iterations. */
    record IterationProgress(Branch branch, int round, int iteration, int totalIterations, double loss,
                             double examplesPerSecond) implements RunEvent {
    }

    /** An evaluation point. */
    record Evaluation(Branch branch, int round, MetricPoint point) implements RunEvent {
    }

    /**
     * A round finished and its files are on disk.
     *
     * @param result       the summary row
     * @param masks        the round's masks
     * @param finalWeights the trained weights (masked) of the prunable layers
     */
    record RoundFinished(RoundResult result, List<Mask> masks, List<Tensor> finalWeights) implements RunEvent {
        /** Copies lists. */
        public RoundFinished {
            masks = List.copyOf(masks);
            finalWeights = List.copyOf(finalWeights);
        }
    }

    /** All rounds of a branch are done. */
    record BranchFinished(Branch branch) implements RunEvent {
    }

    /**
     * An early-bird evaluation point of the dense round (You et al. 2020): the pruner's mask drawn from the
     * current weights, compared with the earlier points' masks (normalised Hamming distances in [0, 1]).
     *
     * @param index              the point's position, 0 first
     * @param iteration          training iteration
     * @param distanceToPrevious distance to the previous point's mask (NaN at the first point)
     * @param maxDistanceWindow  largest distance to the other masks of the window (NaN until the window is full)
     * @param drawn              whether the ticket counts as drawn at this point (stays true once drawn)
     * @param distancesToEarlier distance to the mask of every earlier point, index 0 first (a copy; length index)
     */
    record EarlyBirdPoint(int index, int iteration, double distanceToPrevious, double maxDistanceWindow,
                          boolean drawn, float[] distancesToEarlier) implements RunEvent {
        /** Copies the row and checks its length. */
        public EarlyBirdPoint {
            distancesToEarlier = distancesToEarlier.clone();
            if (distancesToEarlier.length != index) {
                throw new IllegalArgumentException("point " + index + " needs " + index + " distances, got "
                        + distancesToEarlier.length);
            }
        }

        /** The distances to the earlier points (a copy). */
        @Override
        public float[] distancesToEarlier() {
            return distancesToEarlier.clone();
        }
    }

    /**
     * The early-bird summary after the dense round (live, or read from {@code early-bird.json} and
     * {@code early-bird-distances.npz}).
     *
     * @param drawn           whether the ticket was drawn before training ended
     * @param drawnIteration  where it was drawn (the last iteration when it was not)
     * @param iterations      dense-round iterations
     * @param iterationsSaved iterations of dense training the early-bird ticket did not need
     * @param iterationsAt    the iteration of each point, in order
     * @param distances       pairwise distances, points x points, row-major (a copy)
     */
    record EarlyBirdDrawn(boolean drawn, int drawnIteration, int iterations, int iterationsSaved, int[] iterationsAt,
                          float[] distances) implements RunEvent {
        /** Copies the arrays and checks the matrix is points x points. */
        public EarlyBirdDrawn {
            iterationsAt = iterationsAt.clone();
            distances = distances.clone();
            if (distances.length != iterationsAt.length * iterationsAt.length) {
                throw new IllegalArgumentException(iterationsAt.length + " points need " + iterationsAt.length
                        * iterationsAt.length + " distances, got " + distances.length);
            }
        }

        /** Points in the matrix. */
        public int points() {
            return iterationsAt.length;
        }

        /** The points' iterations (a copy). */
        @Override
        public int[] iterationsAt() {
            return iterationsAt.clone();
        }

        /** The matrix (a copy). */
        @Override
        public float[] distances() {
            return distances.clone();
        }
    }

    /** A free-text note for logs and status bars (e.g. "resuming after round 3"). */
    record Note(String text) implements RunEvent {
    }

    /** The run ended normally or was cancelled; finished rounds are on disk either way. */
    record RunFinished(Path runDir, double seconds, boolean cancelled) implements RunEvent {
    }

    /**
     * The run failed. Finished rounds stay on disk.
     *
     * @param reason a clear one-line message for the user
     * @param detail technical detail (exception text), may be empty
     */
    record RunFailed(String reason, String detail) implements RunEvent {
    }
}
