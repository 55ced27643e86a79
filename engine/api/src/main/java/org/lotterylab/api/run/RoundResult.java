package org.lotterylab.api.run;

import java.util.List;
import org.lotterylab.api.mask.LayerSummary;
import org.lotterylab.api.spec.Branch;

/**
 * The outcome of one round of one branch; one row of {@code summary.csv}.
 *
 * @param branch                 branch
 * @param round                  round (0 = dense)
 * @param weightsRemaining       fraction of prunable weights remaining, in (0, 1]
 * @param testAccuracy           test accuracy at the end of training
 * @param earlyStopIteration     iteration of minimum validation loss
 * @param earlyStopTestAccuracy  test accuracy at that iteration
 * @param seconds                wall-clock seconds the round took
 * @param layers                 weights remaining per layer
 */
public record RoundResult(Branch branch, int round, double weightsRemaining, double testAccuracy,
                          int earlyStopIteration, double earlyStopTestAccuracy, double seconds,
                          List<LayerSummary> layers) {

    /** Copies the layer list. */
    public RoundResult {
        layers = List.copyOf(layers);
    }
}
