package org.lotterylab.api.run;

/**
 * One evaluation point of a round; one row of a round's {@code metrics.csv}.
 *
 * @param iteration    iterations trained so far in this round
 * @param trainLoss    mean training loss since the previous point
 * @param valLoss      validation loss
 * @param valAccuracy  validation accuracy
 * @param testAccuracy test accuracy
 * @param testLoss     test loss (mean cross-entropy); NaN where not measured (runs written before it was logged)
 */
public record MetricPoint(int iteration, double trainLoss, double valLoss, double valAccuracy, double testAccuracy,
                          double testLoss) {

    /** A point without a test loss (NaN), as read from files written before the test loss was logged. */
    public MetricPoint(int iteration, double trainLoss, double valLoss, double valAccuracy, double testAccuracy) {
        this(iteration, trainLoss, valLoss, valAccuracy, testAccuracy, Double.NaN);
    }
}
