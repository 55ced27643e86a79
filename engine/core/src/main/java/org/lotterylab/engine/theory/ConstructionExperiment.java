package org.lotterylab.engine.theory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.lotterylab.api.theory.ConstructionPoint;

/**
 * The construction experiment: trains {@link TargetNetwork} once, then for each width multiplier m draws a
 * random network and prunes it by {@link PensiaConstruction}, and measures |pruned(x) - target(x)| on
 * {@value #HELD_OUT} held-out inputs uniform on [-1, 1]^2 (not the training inputs), over {@value #TRIALS} random
 * networks per width. Every width draws from its own stream split from the seed.
 *
 * @param widths the width multipliers, each 1 to {@value #MAX_WIDTH}
 * @param seed   the seed
 */
public record ConstructionExperiment(List<Integer> widths, long seed) {
    /** Held-out inputs. */
    public static final int HELD_OUT = 1000;
    /** Random networks per width (odd, so the median is one of them). */
    public static final int TRIALS = 5;
    /** The largest width multiplier (about 32 units of each sign per subset sum). */
    public static final int MAX_WIDTH = 64;

    /** Checks and copies the widths. */
    public ConstructionExperiment {
        widths = List.copyOf(widths);
        for (int m : widths) {
            if (m < 1 || m > MAX_WIDTH) {
                throw new IllegalArgumentException("widths must be 1.." + MAX_WIDTH + ", got " + m);
            }
        }
    }

    /** The trained target network of this seed. */
    public ReluNet target() {
        return TargetNetwork.train(seed);
    }

    /** The held-out inputs of this seed. */
    public double[][] heldOut() {
        return TargetNetwork.inputs(new SplittableRandom(seed ^ 0x5DEECE66DL), HELD_OUT);
    }

    /** Mean |target(x)| on the held-out inputs. */
    public static double outputScale(ReluNet target, double[][] xs) {
        double s = 0;
        for (double[] x : xs) {
            s += Math.abs(target.forward(x)[0]);
        }
        return s / xs.length;
    }

    /** One point per width, in the order given, each over {@value #TRIALS} random networks. */
    public List<ConstructionPoint> run(ReluNet target, double[][] xs) {
        List<ConstructionPoint> out = new ArrayList<>();
        for (int m : widths) {
            SplittableRandom rnd = new SplittableRandom(seed * 7_919L + m);
            double[] netMeans = new double[TRIALS];
            double max = 0;
            double kept = 0;
            double weightMean = 0;
            double weightMax = 0;
            long params = 0;
            for (int t = 0; t < TRIALS; t++) {
                PensiaConstruction c = PensiaConstruction.build(target, m, rnd);
                double sum = 0;
                for (double[] x : xs) {
                    double e = Math.abs(c.pruned().forward(x)[0] - target.forward(x)[0]);
                    sum += e;
                    max = Math.max(max, e);
                }
                netMeans[t] = sum / xs.length;
                double[] we = c.weightErrors();
                weightMax = Math.max(weightMax, we[0]);
                weightMean += we[1] / TRIALS;
                kept += (double) c.keptWeights() / TRIALS;
                params = c.random().params();
            }
            double[] sorted = netMeans.clone();
            Arrays.sort(sorted);
            double mean = Arrays.stream(netMeans).sum() / TRIALS;
            out.add(new ConstructionPoint(m, TRIALS, params, kept, weightMean, weightMax, mean, sorted[TRIALS / 2],
                    max));
        }
        return out;
    }
}
