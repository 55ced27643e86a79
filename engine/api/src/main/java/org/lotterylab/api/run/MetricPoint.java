package org.lotterylab.api.run;

/**
 * One evaluation point of a round; one row of a round's {@code metrics.csv}.
 *
 * @param iteration    iterations trained so far in this round
 * @param trainLoss    mean training loss since the previous point
 * @param valLoss      validation loss
 * @param valAccuracy  validation accuracy
 * @param testAccuracy test accuracy
 */
public record MetricPoint(int iteration, double trainLoss, double valLoss, double valAccuracy, double testAccuracy) {
}
