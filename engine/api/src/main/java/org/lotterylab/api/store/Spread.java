package org.lotterylab.api.store;

import java.util.List;

/**
 * Summary statistics of one quantity across replicates.
 *
 * @param n      number of values
 * @param mean   arithmetic mean
 * @param std    sample standard deviation (n - 1 in the denominator); NaN when n &lt; 2
 * @param min    smallest value
 * @param max    largest value
 * @param values the values, in replicate (seed) order
 */
public record Spread(int n, double mean, double std, double min, double max, List<Double> values) {

    /** Copies the values. */
    public Spread {
        values = List.copyOf(values);
    }

    /** The spread of {@code values} (at least one). */
    public static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        int n = values.size();
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / n;
        double sq = 0;
        for (double v : values) {
            sq += (v - mean) * (v - mean);
        }
        double std = n < 2 ? Double.NaN : Math.sqrt(sq / (n - 1));
        return new Spread(n, mean, std, min, max, values);
    }
}
