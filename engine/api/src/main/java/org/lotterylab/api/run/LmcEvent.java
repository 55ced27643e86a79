package org.lotterylab.api.run;

import java.nio.file.Path;
import java.util.List;

/**
 * Events of a linear-mode-connectivity (instability) analysis (Frankle et al. 2020), published on the
 * engine's thread like every {@link RunEvent}. A curve is identified by (network, k, seed pair): the
 * network ({@code dense}, or {@code <branch-id>-round-NN} for a round of an IMP branch, e.g.
 * {@code ticket-round-03} or {@code random-reinit-round-03}), the rewinding iteration k of its start weights W_k,
 * and the seed pair whose two data orders trained the two copies W1 and W2. Errors are fractions in [0, 1]
 * (1 - accuracy). An analysis ends with {@link RunEvent.RunFinished} or {@link RunEvent.RunFailed}.
 */
public interface LmcEvent extends RunEvent {

    /** The network every curve of a label like {@code dense} or {@code ticket-round-03} refers to. */
    String network();

    /**
     * An analysis began (fresh or resumed).
     *
     * @param runDir     where {@code lmc.csv} and {@code instability.csv} are written
     * @param backend    compute backend
     * @param networks   the networks analysed
     * @param ks         rewinding iterations, ascending
     * @param alphas     points on each path, endpoints included
     * @param seedPairs  seed pairs per (network, k)
     * @param threshold  stability threshold on the instability
     * @param testCount  test examples evaluated at each point
     * @param trainCount training examples evaluated at each point (the whole training split)
     * @param storedCurves curves found finished on disk (they are replayed as events, not recomputed)
     */
    record LmcStarted(Path runDir, BackendInfo backend, List<String> networks, List<Integer> ks, int alphas,
                      int seedPairs, double threshold, int testCount, int trainCount, int storedCurves)
            implements LmcEvent {
        /** Copies lists. */
        public LmcStarted {
            networks = List.copyOf(networks);
            ks = List.copyOf(ks);
        }

        @Override
        public String network() {
            return String.join(",", networks);
        }
    }

    /**
     * Training progress: the dense prefix that yields W_k ({@code phase} "W_k", seedPair -1), or one of the
     * two copies ("copy 1", "copy 2").
     */
    record LmcTraining(String network, int k, int seedPair, String phase, int iteration, int totalIterations,
                       double loss) implements LmcEvent {
    }

    /**
     * One evaluated point of a path: the network alpha*W1 + (1 - alpha)*W2, evaluated without retraining.
     *
     * @param index              position on the path, 0 .. count-1 (alpha = index / (count - 1))
     * @param count              points on the path
     * @param alpha              the interpolation weight of W1
     * @param testError          error on the test set
     * @param trainError         error on the training split
     * @param testMisclassified  misclassified test examples
     * @param testCount          test examples
     * @param trainMisclassified misclassified training examples
     * @param trainCount         training examples evaluated
     * @param weightsRemaining   fraction of prunable weights the network keeps (1 for dense)
     */
    record LmcPoint(String network, int k, int seedPair, int index, int count, double alpha, double testError,
                    double trainError, int testMisclassified, int testCount, int trainMisclassified, int trainCount,
                    double weightsRemaining) implements LmcEvent {

        /** Error of the split ({@code test} or {@code train}). */
        public double error(String split) {
            return "train".equals(split) ? trainError : testError;
        }

        /** Misclassified examples of the split. */
        public int misclassified(String split) {
            return "train".equals(split) ? trainMisclassified : testMisclassified;
        }

        /** Examples of the split. */
        public int examples(String split) {
            return "train".equals(split) ? trainCount : testCount;
        }
    }

    /**
     * A curve is complete and stored. Instability = max error on the path - mean of the two endpoint errors.
     *
     * @param instability        test instability
     * @param maxError           largest test error on the path
     * @param alphaAtMax         the alpha of that error (the first such point)
     * @param endpointMeanError  mean test error of the endpoints (alpha = 0 and 1)
     * @param stable             {@code instability < threshold}
     * @param threshold          the stability threshold used
     * @param trainInstability   the same on the training split
     * @param trainMaxError      largest training error on the path
     * @param trainEndpointMeanError mean training error of the endpoints
     * @param weightsRemaining   fraction of prunable weights kept
     * @param trainIterations    iterations each copy trained from W_k
     * @param evalSeconds        seconds spent interpolating and evaluating the whole path (no training), NaN when
     *                           replayed from disk
     * @param stored             whether the curve was read back from disk rather than computed now
     * @param instabilitySe      binomial standard error of the test instability (NaN when unknown)
     * @param trainInstabilitySe the same for the training-split instability
     * @param testCount          test examples evaluated at each point (0 when unknown)
     * @param trainCount         training examples evaluated at each point (0 when unknown)
     */
    record LmcCurveDone(String network, int k, int seedPair, double instability, double maxError, double alphaAtMax,
                        double endpointMeanError, boolean stable, double threshold, double trainInstability,
                        double trainMaxError, double trainEndpointMeanError, double weightsRemaining,
                        int trainIterations, double evalSeconds, boolean stored, double instabilitySe,
                        double trainInstabilitySe, int testCount, int trainCount) implements LmcEvent {

        /** A curve without its sampling errors and example counts (they read NaN and 0). */
        public LmcCurveDone(String network, int k, int seedPair, double instability, double maxError,
                            double alphaAtMax, double endpointMeanError, boolean stable, double threshold,
                            double trainInstability, double trainMaxError, double trainEndpointMeanError,
                            double weightsRemaining, int trainIterations, double evalSeconds, boolean stored) {
            this(network, k, seedPair, instability, maxError, alphaAtMax, endpointMeanError, stable, threshold,
                    trainInstability, trainMaxError, trainEndpointMeanError, weightsRemaining, trainIterations,
                    evalSeconds, stored, Double.NaN, Double.NaN, 0, 0);
        }
    }

    /**
     * One IMP round's finished curve, for the IMP dashboard: emitted by an IMP run with {@code lmcEachRound}
     * after each measured round of each branch in {@code lmcBranches} (computed now, or replayed from the run's
     * {@code lmc.csv} on resume), right after the curve's {@link LmcCurveDone}. Round 0 (the dense network) is
     * reported once, under the ticket branch. The arrays are copies.
     *
     * @param network            the curve's label, {@code <branch-id>-round-NN}
     * @param branch             the IMP branch
     * @param round              the round (0 = dense)
     * @param weightsRemaining   fraction of prunable weights the round keeps
     * @param k                  the rewind iteration: both copies trained iterations k+1 .. T from the round's start
     * @param alphas             the points' alphas, 0 first and 1 last
     * @param testError          test error at each point
     * @param trainError         training-split error at each point
     * @param testCount          test examples per point
     * @param trainCount         training examples per point (the whole training split)
     * @param instability        test instability (max - endpoint mean)
     * @param instabilitySe      its binomial standard error
     * @param trainInstability   training-split instability
     * @param trainInstabilitySe its binomial standard error
     * @param threshold          stable when the instability is below this
     * @param stable             {@code instability < threshold} (test split, as Frankle et al. 2020)
     * @param stored             replayed from disk rather than computed now
     */
    record RoundCurve(String network, org.lotterylab.api.spec.Branch branch, int round, double weightsRemaining,
                      int k, double[] alphas, double[] testError, double[] trainError, int testCount, int trainCount,
                      double instability, double instabilitySe, double trainInstability, double trainInstabilitySe,
                      double threshold, boolean stable, boolean stored) implements LmcEvent {
        /** Copies the arrays and checks they have one value per point. */
        public RoundCurve {
            alphas = alphas.clone();
            testError = testError.clone();
            trainError = trainError.clone();
            if (testError.length != alphas.length || trainError.length != alphas.length) {
                throw new IllegalArgumentException("one error per alpha is needed (" + alphas.length + " alphas, "
                        + testError.length + " test and " + trainError.length + " training errors)");
            }
        }

        /** The alphas (a copy). */
        @Override
        public double[] alphas() {
            return alphas.clone();
        }

        /** The test errors (a copy). */
        @Override
        public double[] testError() {
            return testError.clone();
        }

        /** The training-split errors (a copy). */
        @Override
        public double[] trainError() {
            return trainError.clone();
        }
    }
}
