package org.lotterylab.engine.theory;

import java.util.SplittableRandom;

/** How the random candidates of a subset-sum problem are drawn. */
public enum CandidateDistribution {
    /** Uniform on [-1, 1]. */
    UNIFORM(1.0 / 3.0),
    /** The product a*b of two independent uniform [-1, 1] draws (a two-edge path of a random network). */
    PRODUCT(1.0 / 9.0);

    private final double secondMoment;

    CandidateDistribution(double secondMoment) {
        this.secondMoment = secondMoment;
    }

    /** E[x^2] of one candidate. */
    public double secondMoment() {
        return secondMoment;
    }

    /** One draw. */
    public double draw(SplittableRandom rnd) {
        double a = uniform(rnd);
        return this == UNIFORM ? a : a * uniform(rnd);
    }

    /** {@code n} draws. */
    public double[] draw(SplittableRandom rnd, int n) {
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = draw(rnd);
        }
        return out;
    }

    /** Uniform on [-1, 1). */
    static double uniform(SplittableRandom rnd) {
        return 2 * rnd.nextDouble() - 1;
    }
}
