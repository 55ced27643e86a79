package org.lotterylab.visuals.model;

import org.lotterylab.api.store.Spread;

/**
 * What the error bars of a mean over repeats (replicates, seeds) span: the full range, or one sample
 * standard deviation either side. A single value, or a standard deviation that is undefined (n = 1), gives
 * no bar.
 */
public enum ErrorBars {
    /** From the smallest to the largest value. */
    MIN_MAX("min–max"),
    /** The mean ± one sample standard deviation. */
    SD("± s.d.");

    private final String label;

    ErrorBars(String label) {
        this.label = label;
    }

    /** A short label for the toggle and the legend note. */
    public String label() {
        return label;
    }

    /** The bar's length below the mean. */
    public double below(Spread s) {
        return this == MIN_MAX ? s.mean() - s.min() : sd(s);
    }

    /** The bar's length above the mean. */
    public double above(Spread s) {
        return this == MIN_MAX ? s.max() - s.mean() : sd(s);
    }

    private static double sd(Spread s) {
        return Double.isNaN(s.std()) ? 0 : s.std();
    }

    /** The constant with {@code label}, or MIN_MAX. */
    public static ErrorBars ofLabel(String label) {
        for (ErrorBars b : values()) {
            if (b.label.equals(label)) {
                return b;
            }
        }
        return MIN_MAX;
    }
}
