package org.lotterylab.api.store;

import java.util.Locale;

/**
 * One row of a width sweep ({@link WidthSweepCsv}): a strong ticket found by edge-popup in a random network
 * {@code width} times as wide as the model, or the trained target network the sweep compares against.
 *
 * @param kind                  what the row measures
 * @param width                 hidden-layer width multiplier of the network (1 = the model as published)
 * @param hidden                hidden-layer sizes, e.g. {@code 600x200} (units or filters, in network order)
 * @param keep                  fraction of edges kept per layer (1 for the trained target)
 * @param weights               prunable weights of the network
 * @param weightsKept           weights the ticket keeps (all of them for the target)
 * @param testAccuracy          test accuracy at the end of training (fraction)
 * @param earlyStopTestAccuracy test accuracy at the iteration of minimum validation loss (fraction)
 * @param run                   the run directory's name, in the folder that holds the table
 */
public record WidthSweepRow(Kind kind, int width, String hidden, double keep, long weights, long weightsKept,
                            double testAccuracy, double earlyStopTestAccuracy, String run) {

    /** What a row measures. */
    public enum Kind {
        /** Edge-popup's subnetwork of frozen random weights (no weight training). */
        STRONG_TICKET("strong-ticket"),
        /** The 1x network trained normally (the lab's trainer, same data and seed). */
        TRAINED_TARGET("trained-target");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The id written in the table. */
        public String id() {
            return id;
        }

        /** The kind with {@code id}. */
        public static Kind fromId(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("kind is not strong-ticket or trained-target: '" + id + "'");
        }
    }

    /** Validates the row. */
    public WidthSweepRow {
        if (kind == null) {
            throw new IllegalArgumentException("kind must be set");
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1 (got " + width + ")");
        }
        if (!(keep > 0 && keep <= 1)) {
            throw new IllegalArgumentException("keep must be in (0, 1] (got " + keep + ")");
        }
        if (weights < 0 || weightsKept < 0 || weightsKept > weights) {
            throw new IllegalArgumentException("weights_kept must be in [0, weights] (got " + weightsKept + " of "
                    + weights + ")");
        }
        Csv.cell("hidden", hidden);
        Csv.cell("run", run);
    }

    /** {@code 2x (600x200)} style label for legends and tables. */
    public String widthLabel() {
        return String.format(Locale.ROOT, "%dx (%s)", width, hidden);
    }
}
