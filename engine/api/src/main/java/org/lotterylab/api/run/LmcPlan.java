package org.lotterylab.api.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.lotterylab.api.spec.ExperimentSpec;

/**
 * What a linear-mode-connectivity analysis should compute. Either the dense network of {@code spec}, or
 * (with {@code sourceRun}) the ticket of one round of a stored IMP run, whose spec then comes from the run; at
 * the run's own rewind iteration its start is the stored {@code theta-k-params.npz} (every parameter), and seed
 * pair 0 reproduces the run's own per-round curve ({@code lmcEachRound}) exactly.
 *
 * @param spec            the experiment (data, model, optimiser, training length, seed); may be null with a
 *                        {@code sourceRun}, otherwise required
 * @param ks              rewinding iterations k (W_k = the dense network after k iterations); sorted, distinct
 * @param alphas          points on each path, endpoints included, at least 2
 * @param seedPairs       seed pairs per (network, k), at least 1; each trains two copies
 * @param trainIterations iterations each copy trains from W_k, counted on the dense run's axis as
 *                        k+1 .. k + this; 0 = the rest of the training length ({@code spec.iterations() - k},
 *                        as every rewound IMP round trains)
 * @param threshold       stable means instability below this, in (0, 1]
 * @param sourceRun       a stored IMP run directory, or null for the dense network
 * @param round           the ticket round of {@code sourceRun} (0 = its dense network), -1 without a run
 */
public record LmcPlan(ExperimentSpec spec, List<Integer> ks, int alphas, int seedPairs, int trainIterations,
                      double threshold, Path sourceRun, int round) {

    /** The default stability threshold: 2% error (Frankle et al. 2020). */
    public static final double DEFAULT_THRESHOLD = 0.02;

    /** Checks what can be checked without the data; messages say what is allowed. */
    public LmcPlan {
        if (ks == null || ks.isEmpty()) {
            throw new IllegalArgumentException("k: give at least one rewinding iteration, e.g. 0,100,500");
        }
        TreeSet<Integer> sorted = new TreeSet<>();
        for (Integer k : ks) {
            if (k == null || k < 0) {
                throw new IllegalArgumentException("k: rewinding iterations must be >= 0 (got " + k + ")");
            }
            sorted.add(k);
        }
        ks = List.copyOf(new ArrayList<>(sorted));
        if (alphas < 2) {
            throw new IllegalArgumentException("alphas: the path needs at least 2 points, its endpoints alpha = 0 and "
                    + "alpha = 1 (got " + alphas + ")");
        }
        if (alphas > 1000) {
            throw new IllegalArgumentException("alphas: at most 1000 points (got " + alphas + ")");
        }
        if (seedPairs < 1) {
            throw new IllegalArgumentException("seeds: at least 1 seed pair is needed, each trains two copies (got "
                    + seedPairs + ")");
        }
        if (trainIterations < 0) {
            throw new IllegalArgumentException("train iterations must be >= 0 (0 = iterations - k; got "
                    + trainIterations + ")");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold: a fraction of error in (0, 1], e.g. 0.02 for 2% (got "
                    + threshold + ")");
        }
        if (sourceRun == null) {
            if (spec == null) {
                throw new IllegalArgumentException("a spec is needed for the dense network (or a stored run)");
            }
            if (round != -1) {
                throw new IllegalArgumentException("round " + round + " needs a stored run");
            }
        } else if (round < 0) {
            throw new IllegalArgumentException("round: which ticket round of " + sourceRun + " (>= 0; got " + round + ")");
        }
        if (spec != null) {
            check(ks, trainIterations, spec);
        }
    }

    /** A dense-network plan. */
    public static LmcPlan dense(ExperimentSpec spec, List<Integer> ks, int alphas, int seedPairs) {
        return new LmcPlan(spec, ks, alphas, seedPairs, 0, DEFAULT_THRESHOLD, null, -1);
    }

    /**
     * Checks the rewinding iterations against the training length of {@code spec}.
     *
     * @throws IllegalArgumentException when a k is beyond the training length
     */
    public void checkAgainst(ExperimentSpec s) {
        check(ks, trainIterations, s);
    }

    private static void check(List<Integer> ks, int trainIterations, ExperimentSpec s) {
        int last = ks.get(ks.size() - 1);
        if (last > s.iterations()) {
            throw new IllegalArgumentException("k = " + last + " is larger than the training length (iterations = "
                    + s.iterations() + "): W_k is the network after k of those iterations; choose k <= "
                    + s.iterations() + " or raise iterations");
        }
        if (trainIterations == 0 && last >= s.iterations()) {
            throw new IllegalArgumentException("k = " + last + " leaves no training for the two copies (they train "
                    + "iterations - k = " + (s.iterations() - last) + " iterations): choose k < " + s.iterations()
                    + " or give an explicit number of training iterations");
        }
    }

    /** Iterations each copy trains from W_k under {@code s}. */
    public int copyIterations(ExperimentSpec s, int k) {
        return trainIterations > 0 ? trainIterations : s.iterations() - k;
    }
}
