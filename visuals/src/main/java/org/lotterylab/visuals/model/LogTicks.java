package org.lotterylab.visuals.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Tick values and labels for a "weights remaining (%)" log axis. Ticks sit on the measured sparsities
 * (100, 51.2, 26.2, 13.4, 6.9, 3.6 ... for 20% per round) spaced at least a minimum ratio apart, so every
 * label names a real data point; without data they follow 100 x 0.512^k.
 */
public final class LogTicks {
    /** Default smallest ratio between neighbouring major ticks. */
    public static final double DEFAULT_MIN_RATIO = 1.8;

    private LogTicks() {
    }

    /**
     * Major tick values within [lo, hi], descending.
     *
     * @param lo       lower bound (> 0)
     * @param hi       upper bound
     * @param data     x values of the data (any order; may be empty)
     * @param minRatio smallest ratio between neighbouring ticks (> 1)
     */
    public static double[] major(double lo, double hi, double[] data, double minRatio) {
        double ratio = Math.max(1.0001, minRatio);
        double[] cand = data == null ? new double[0] : data.clone();
        cand = Arrays.stream(cand).filter(v -> v >= lo * 0.9999 && v <= hi * 1.0001 && v > 0).sorted().distinct().toArray();
        List<Double> out = new ArrayList<>();
        if (cand.length == 0) {
            for (double v = 100; v >= lo; v *= 0.512) {
                if (v <= hi * 1.0001) {
                    out.add(v);
                }
                if (out.size() > 64) {
                    break;
                }
            }
        } else {
            double last = Double.NaN;
            for (int i = cand.length - 1; i >= 0; i--) {
                double v = cand[i];
                if (Double.isNaN(last) || last / v >= ratio) {
                    out.add(v);
                    last = v;
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The smallest ratio between major ticks so labels {@code labelPx} wide fit on an axis {@code axisPx} long. */
    public static double minRatioFor(double lo, double hi, double axisPx, double labelPx) {
        if (!(axisPx > 0) || !(lo > 0) || !(hi > lo)) {
            return DEFAULT_MIN_RATIO;
        }
        double decadesPerPx = Math.log(hi / lo) / axisPx;
        return Math.max(1.15, Math.exp(decadesPerPx * labelPx));
    }

    /** Factor above the largest value (at least 100%) where the axis starts, so the first label is not cut. */
    static final double TOP_MARGIN = 1.25;

    /** Axis bounds [lo, hi] around data x values (percent), padded by a factor on the log scale. */
    public static double[] range(double[] data) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : data) {
            if (v > 0 && Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            return new double[] {1, 110};
        }
        max = Math.max(max, 100);
        min = Math.min(min, 50);
        // a quarter above the top: the "100%" label is centred on its tick at the left edge and needs room
        return new double[] {min / 1.45, max * TOP_MARGIN};
    }

    /** Tick label: "100%", "51%", "6.9%", "0.92%", "0.047%" (two significant digits below 10). */
    public static String label(double pct) {
        return number(pct) + "%";
    }

    /** The number part of {@link #label}. */
    public static String number(double pct) {
        if (pct >= 9.95) {
            return String.format(Locale.ROOT, "%.0f", pct);
        }
        if (pct >= 0.995) {
            return String.format(Locale.ROOT, "%.1f", pct);
        }
        if (pct <= 0) {
            return "0";
        }
        int decimals = (int) Math.ceil(-Math.log10(pct)) + 1;
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 6) + "f", pct);
    }
}
