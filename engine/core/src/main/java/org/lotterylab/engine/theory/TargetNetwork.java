package org.lotterylab.engine.theory;

import java.util.SplittableRandom;

/**
 * The small trained network the construction imitates: 2 inputs, {@value #HIDDEN} ReLU units, 1 linear output,
 * no biases, trained by full-batch gradient descent on the mean squared error of y = max(x1, x2) for x
 * uniform on [-1, 1]^2. After every step the weights are clipped to [-1, 1], the range Pensia et al.'s
 * construction assumes (max(x1, x2) = relu(x1 - x2) + relu(x2) - relu(-x2) is reachable inside it).
 */
public final class TargetNetwork {
    /** Hidden units. */
    public static final int HIDDEN = 6;
    /** Inputs. */
    public static final int INPUTS = 2;
    static final int SAMPLES = 256;
    static final int STEPS = 4000;
    static final double LEARNING_RATE = 0.1;

    private TargetNetwork() {
    }

    /** The task: max(x1, x2). */
    public static double task(double[] x) {
        return Math.max(x[0], x[1]);
    }

    /** A line describing the target and its task, for tables and the view. */
    public static String describe() {
        return INPUTS + "-" + HIDDEN + "-1 ReLU network, no biases, weights in [-1, 1], trained by gradient descent "
                + "on y = max(x1, x2)";
    }

    /** Trains the target from a seeded uniform [-1, 1] init (deterministic for a seed). */
    public static ReluNet train(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] w1 = new double[HIDDEN][INPUTS];
        double[] w2 = new double[HIDDEN];
        for (int j = 0; j < HIDDEN; j++) {
            for (int i = 0; i < INPUTS; i++) {
                w1[j][i] = CandidateDistribution.uniform(rnd);
            }
            w2[j] = CandidateDistribution.uniform(rnd);
        }
        double[][] xs = inputs(rnd, SAMPLES);
        for (int step = 0; step < STEPS; step++) {
            double[][] g1 = new double[HIDDEN][INPUTS];
            double[] g2 = new double[HIDDEN];
            for (double[] x : xs) {
                double[] h = new double[HIDDEN];
                double y = 0;
                for (int j = 0; j < HIDDEN; j++) {
                    h[j] = Math.max(0, w1[j][0] * x[0] + w1[j][1] * x[1]);
                    y += w2[j] * h[j];
                }
                double d = 2 * (y - task(x)) / xs.length;
                for (int j = 0; j < HIDDEN; j++) {
                    g2[j] += d * h[j];
                    if (h[j] > 0) {
                        for (int i = 0; i < INPUTS; i++) {
                            g1[j][i] += d * w2[j] * x[i];
                        }
                    }
                }
            }
            for (int j = 0; j < HIDDEN; j++) {
                w2[j] = clip(w2[j] - LEARNING_RATE * g2[j]);
                for (int i = 0; i < INPUTS; i++) {
                    w1[j][i] = clip(w1[j][i] - LEARNING_RATE * g1[j][i]);
                }
            }
        }
        return new ReluNet(new double[][][] {w1, {w2}});
    }

    /** {@code n} inputs uniform on [-1, 1]^2. */
    public static double[][] inputs(SplittableRandom rnd, int n) {
        double[][] xs = new double[n][INPUTS];
        for (double[] x : xs) {
            for (int i = 0; i < INPUTS; i++) {
                x[i] = CandidateDistribution.uniform(rnd);
            }
        }
        return xs;
    }

    private static double clip(double v) {
        return Math.max(-1, Math.min(1, v));
    }
}
