package org.lotterylab.api.run;

import java.nio.file.Path;
import java.util.List;

/**
 * Events of a linear-mode-connectivity (instability) analysis (Frankle et al. 2020), published on the
 * engine's thread like every {@link RunEvent}. A curve is identified by (network, k, seed pair): the
 * network ({@code dense} or {@code ticket-round-NN}), the rewinding iteration k of its start weights W_k,
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
     * @param trainCount training examples evaluated at each point (the first ones of the training set)
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
     * @param trainError         error on the training subset
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
     * @param trainInstability   the same on the training subset
     * @param trainMaxError      largest training error on the path
     * @param trainEndpointMeanError mean training error of the endpoints
     * @param weightsRemaining   fraction of prunable weights kept
     * @param trainIterations    iterations each copy trained from W_k
     * @param evalSeconds        seconds spent interpolating and evaluating the whole path (no training), NaN when
     *                           replayed from disk
     * @param stored             whether the curve was read back from disk rather than computed now
     */
    record LmcCurveDone(String network, int k, int seedPair, double instability, double maxError, double alphaAtMax,
                        double endpointMeanError, boolean stable, double threshold, double trainInstability,
                        double trainMaxError, double trainEndpointMeanError, double weightsRemaining,
                        int trainIterations, double evalSeconds, boolean stored) implements LmcEvent {
    }
}
