package org.lotterylab.api.run;

/**
 * The instability of one interpolation path (Frankle et al. 2020): the largest error on the path minus the
 * mean of the errors at its two endpoints (alpha = 0 and alpha = 1). It is never negative. The path is
 * <em>stable</em> when the instability is below the threshold (2% by default): the two trained copies are
 * then linearly connected, with no error barrier between them.
 *
 * @param instability       max error - endpoint mean error
 * @param maxError          the largest error on the path (endpoints included)
 * @param indexOfMax        the first point with that error
 * @param endpointMeanError mean of the first and last errors
 * @param stable            {@code instability < threshold}
 * @param threshold         the threshold used
 */
public record Instability(double instability, double maxError, int indexOfMax, double endpointMeanError,
                          boolean stable, double threshold) {

    /** The default threshold: 2% error. */
    public static final double DEFAULT_THRESHOLD = 0.02;

    /** The definition, for labels next to the number. */
    public static final String DEFINITION = "instability = max error on the path - mean error of its two endpoints";

    /** The instability of {@code errors} (one per point, endpoints first and last) with the default threshold. */
    public static Instability of(double[] errors) {
        return of(errors, DEFAULT_THRESHOLD);
    }

    /**
     * The instability of an error curve.
     *
     * @param errors    errors along the path in order (alpha = 0 first, alpha = 1 last), at least 2, finite
     * @param threshold stable when the instability is below this; in (0, 1]
     */
    public static Instability of(double[] errors, double threshold) {
        if (errors == null || errors.length < 2) {
            throw new IllegalArgumentException("an error curve needs at least its two endpoints (got "
                    + (errors == null ? 0 : errors.length) + " points)");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1] (got " + threshold + ")");
        }
        int iMax = 0;
        for (int i = 0; i < errors.length; i++) {
            if (!Double.isFinite(errors[i])) {
                throw new IllegalArgumentException("error at point " + i + " is " + errors[i]);
            }
            if (errors[i] > errors[iMax]) {
                iMax = i;
            }
        }
        double mean = (errors[0] + errors[errors.length - 1]) / 2;
        double inst = Math.max(0, errors[iMax] - mean);
        return new Instability(inst, errors[iMax], iMax, mean, inst < threshold, threshold);
    }

    /** The same numbers judged against another threshold. */
    public Instability withThreshold(double t) {
        if (!(t > 0 && t <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1] (got " + t + ")");
        }
        return new Instability(instability, maxError, indexOfMax, endpointMeanError, instability < t, t);
    }

    /**
     * The binomial standard error of the instability of {@code errors} measured on {@code examples} examples:
     * {@code sqrt(m(1-m)/N + (e0(1-e0) + e1(1-e1))/(4N))} for the largest error m and the endpoint errors e0, e1.
     * It treats the three proportions as independent samples; every point is evaluated on the same examples,
     * which correlates them, so the sampling error of their difference is smaller and this is an upper
     * estimate. It measures the noise from the finite evaluation set only, not from the two copies' data
     * orders (seed pairs give that spread). NaN when {@code examples} is not positive.
     */
    public static double standardError(double[] errors, int examples) {
        if (examples <= 0) {
            return Double.NaN;
        }
        Instability t = of(errors);
        double m = t.maxError();
        double e0 = errors[0];
        double e1 = errors[errors.length - 1];
        return Math.sqrt((m * (1 - m) + (e0 * (1 - e0) + e1 * (1 - e1)) / 4) / examples);
    }
}
