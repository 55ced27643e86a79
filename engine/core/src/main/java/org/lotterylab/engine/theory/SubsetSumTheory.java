package org.lotterylab.engine.theory;

/**
 * The theory's line for the subset-sum plot: the expected error of the best subset of n random candidates.
 *
 * <p>The 2^n subset sums of n independent candidates x_k (mean 0, E[x^2] = s) spread like a normal law of
 * variance sigma^2 = n s / 2 (each candidate is in a random subset with probability 1/2). Near a target z they
 * lie about as densely as 2^n points of that law, lambda(z) = 2^n phi(z / sigma) / sigma, and the nearest of
 * points that dense is on average 1 / (2 lambda) away. Averaged over targets uniform on [-1, 1]:
 *
 * <pre>  E[error](n) ~ 2^-(n+1) * sqrt(2 pi sigma^2) * mean over z of exp(z^2 / (2 sigma^2))</pre>
 *
 * so each extra candidate halves the error (c = 1 bit per candidate; C = sqrt(pi n s) for targets near 0).
 * This is the heuristic behind Lueker's bound that Pensia et al. use (n = O(log 1/eps) candidates reach every
 * target in [-1, 1] to eps with high probability); it is an asymptotic estimate, poor while sigma is small
 * against the target range (few candidates, or product candidates, whose sums spread a third as wide).
 */
public final class SubsetSumTheory {
    private static final int STEPS = 400;

    private SubsetSumTheory() {
    }

    /** The predicted mean error over targets uniform on [-1, 1], for {@code n} candidates from {@code d}. */
    public static double meanError(int n, CandidateDistribution d) {
        double var = n * d.secondMoment() / 2;
        // Simpson's rule for the mean of exp(z^2 / 2 var) over z in [-1, 1] (even in z: integrate [0, 1])
        double h = 1.0 / STEPS;
        double s = 0;
        for (int k = 0; k <= STEPS; k++) {
            double z = k * h;
            double w = k == 0 || k == STEPS ? 1 : k % 2 == 1 ? 4 : 2;
            s += w * Math.exp(z * z / (2 * var));
        }
        double meanFactor = s * h / 3;
        return Math.sqrt(2 * Math.PI * var) * meanFactor / Math.pow(2, n + 1);
    }

    /**
     * The least-squares slope of -log2(error) against n over the points with n at least {@code fromN}: how many
     * bits of accuracy each candidate adds (the theory: 1, less the slow growth of sigma).
     */
    public static double bitsPerCandidate(int[] n, double[] error, int fromN) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int m = 0;
        for (int k = 0; k < n.length; k++) {
            if (n[k] >= fromN && error[k] > 0) {
                double y = -Math.log(error[k]) / Math.log(2);
                sx += n[k];
                sy += y;
                sxx += (double) n[k] * n[k];
                sxy += n[k] * y;
                m++;
            }
        }
        if (m < 2) {
            return Double.NaN;
        }
        return (m * sxy - sx * sy) / (m * sxx - sx * sx);
    }
}
