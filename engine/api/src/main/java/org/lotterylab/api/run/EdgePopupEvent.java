package org.lotterylab.api.run;

import java.util.List;

/**
 * Events only edge-popup runs publish, next to the ordinary {@link RunEvent}s (which they publish with
 * {@link org.lotterylab.api.spec.Branch#EDGE_POPUP}). In an edge-popup run, {@code round} is the index of a
 * sweep point (one value of the fraction of edges kept); {@link Sweep} says which.
 */
public interface EdgePopupEvent extends RunEvent {

    /**
     * The points of a sweep, sent once after {@link RunEvent.RunStarted}.
     *
     * @param rounds the round index of each point
     * @param keeps  the fraction of edges KEPT per layer at each point, in (0, 1], same order
     */
    record Sweep(List<Integer> rounds, List<Double> keeps) implements EdgePopupEvent {
        /** Copies the lists and checks that they have the same length. */
        public Sweep {
            rounds = List.copyOf(rounds);
            keeps = List.copyOf(keeps);
            if (rounds.size() != keeps.size()) {
                throw new IllegalArgumentException(rounds.size() + " rounds for " + keeps.size() + " keep values");
            }
        }

        /** The fraction kept at {@code round}, or NaN when the round is not in the sweep. */
        public double keepOf(int round) {
            int i = rounds.indexOf(round);
            return i < 0 ? Double.NaN : keeps.get(i);
        }
    }

    /**
     * How many edges entered and left the mask since the previous report (one report per evaluation
     * interval). The mask keeps the same number of edges per layer at every step, so over a whole interval
     * {@code entered == left}; an edge that enters and leaves again within the interval is not counted.
     *
     * @param round     sweep point (round) of the edge-popup branch
     * @param iteration score updates so far
     * @param epoch     passes over the training set so far (iteration x batch / training examples)
     * @param entered   edges in the mask now that were not at the previous report
     * @param left      edges not in the mask now that were at the previous report
     * @param kept      edges in the mask (all prunable layers)
     */
    record MaskFlips(int round, int iteration, double epoch, int entered, int left, long kept)
            implements EdgePopupEvent {
    }
}
