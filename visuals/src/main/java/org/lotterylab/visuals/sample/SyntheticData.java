package org.lotterylab.visuals.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.mask.LayerSummary;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.PruningSchedule;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.LayerKind;

/**
 * Deterministic synthetic lottery-ticket data shaped like LeNet-300-100 on MNIST, for the gallery, demos
 * and tests: Glorot-normal theta_0, iterative magnitude pruning (20% of hidden, 10% of output weights per
 * round) of "trained" weights that grow near the image centre and stay small at the border (as MNIST's
 * always-black border gives them no gradient), accuracy curves with the paper's shape, and training
 * curves. No JavaFX.
 */
public final class SyntheticData {
    /** Hidden-layer rate (fraction removed per round). */
    public static final double HIDDEN_RATE = 0.2;
    /** Output-layer rate. */
    public static final double OUTPUT_RATE = 0.1;

    private SyntheticData() {
    }

    /** LeNet-300-100's prunable layers: fc1 (300 x 784), fc2 (100 x 300), output (10 x 100). */
    public static List<LayerInfo> lenetLayers() {
        return List.of(new LayerInfo("fc1", LayerKind.HIDDEN, new int[] {300, 784}),
                new LayerInfo("fc2", LayerKind.HIDDEN, new int[] {100, 300}),
                new LayerInfo("output", LayerKind.OUTPUT, new int[] {10, 100}));
    }

    /** One synthetic IMP run: theta_0 and, per round, masks and final weights. */
    public record Run(List<LayerInfo> layers, List<Tensor> theta0, List<List<Mask>> masks,
                      List<List<Tensor>> weights) {
        /** Number of rounds (round 0 = dense). */
        public int rounds() {
            return masks.size();
        }

        /** Per-layer weights remaining at {@code round}. */
        public List<LayerSummary> summaries(int round) {
            List<LayerSummary> out = new ArrayList<>();
            for (Mask m : masks.get(round)) {
                out.add(new LayerSummary(m.name(), m.size(), m.kept()));
            }
            return out;
        }
    }

    /**
     * A ticket run of {@code rounds} rounds (0..rounds-1) on {@code layers} (dense layers; the first is
     * treated as looking at a square image when its input count is a square).
     */
    public static Run imp(List<LayerInfo> layers, int rounds, long seed) {
        Random rnd = new Random(seed);
        List<Tensor> theta0 = new ArrayList<>();
        List<float[]> importance = new ArrayList<>();
        for (int li = 0; li < layers.size(); li++) {
            LayerInfo l = layers.get(li);
            int out = l.rows();
            int in = l.cols();
            double std = Math.sqrt(2.0 / (in + out));
            float[] w = new float[l.size()];
            float[] imp = new float[l.size()];
            int side = (int) Math.round(Math.sqrt(in));
            boolean image = li == 0 && side * side == in;
            for (int u = 0; u < out; u++) {
                for (int i = 0; i < in; i++) {
                    int k = u * in + i;
                    w[k] = (float) (rnd.nextGaussian() * std);
                    double g;
                    if (image) {
                        double x = i % side - (side - 1) / 2.0;
                        double y = i / side - (side - 1) / 2.0;
                        double r = Math.sqrt(x * x + y * y) / (side / 2.0);
                        g = 0.15 + 2.2 * Math.exp(-r * r * 2.6);
                    } else {
                        g = 0.6 + 0.8 * rnd.nextDouble();
                    }
                    imp[k] = (float) g;
                }
            }
            theta0.add(new Tensor(l.name(), l.shape(), w));
            importance.add(imp);
        }
        List<List<Mask>> masks = new ArrayList<>();
        List<List<Tensor>> weights = new ArrayList<>();
        List<boolean[]> keep = new ArrayList<>();
        for (LayerInfo l : layers) {
            boolean[] k = new boolean[l.size()];
            Arrays.fill(k, true);
            keep.add(k);
        }
        for (int r = 0; r < rounds; r++) {
            List<Mask> ms = new ArrayList<>();
            List<Tensor> ws = new ArrayList<>();
            List<float[]> finals = new ArrayList<>();
            for (int li = 0; li < layers.size(); li++) {
                LayerInfo l = layers.get(li);
                double rate = l.kind() == LayerKind.OUTPUT ? OUTPUT_RATE : HIDDEN_RATE;
                boolean[] k = keep.get(li);
                if (r > 0) {
                    // prune the smallest trained weights of the previous round among those kept
                    float[] prev = finalsOf(weights.get(r - 1), li);
                    int target = PruningSchedule.keptAfter(l.size(), rate, r);
                    pruneTo(k, prev, target);
                }
                float[] t0 = theta0.get(li).data();
                float[] imp = importance.get(li);
                double std = Math.sqrt(2.0 / (l.rows() + l.cols()));
                float[] fin = new float[l.size()];
                for (int i = 0; i < fin.length; i++) {
                    if (k[i]) {
                        double drift = rnd.nextGaussian() * std * 0.35;
                        fin[i] = (float) (t0[i] * imp[i] * (1.0 + 0.15 * r / Math.max(1, rounds)) + drift);
                    }
                }
                ms.add(new Mask(l.name(), l.shape(), k.clone()));
                finals.add(fin);
                ws.add(new Tensor(l.name(), l.shape(), fin));
            }
            masks.add(ms);
            weights.add(ws);
        }
        return new Run(layers, theta0, masks, weights);
    }

    private static float[] finalsOf(List<Tensor> ts, int li) {
        return ts.get(li).data();
    }

    private static void pruneTo(boolean[] keep, float[] values, int target) {
        int kept = 0;
        for (boolean b : keep) {
            if (b) {
                kept++;
            }
        }
        int remove = kept - target;
        if (remove <= 0) {
            return;
        }
        float[] mags = new float[kept];
        int j = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                mags[j++] = Math.abs(values[i]);
            }
        }
        Arrays.sort(mags);
        float threshold = mags[remove - 1];
        int below = 0;
        for (float m : mags) {
            if (m < threshold) {
                below++;
            }
        }
        int tiesToRemove = remove - below;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                float m = Math.abs(values[i]);
                if (m < threshold) {
                    keep[i] = false;
                } else if (m == threshold && tiesToRemove > 0) {
                    keep[i] = false;
                    tiesToRemove--;
                }
            }
        }
    }

    /** Re-initialised weights for the same masks (the random re-init control): fresh draws, masked. */
    public static List<List<Tensor>> reinitWeights(Run run, long seed) {
        Random rnd = new Random(seed);
        List<List<Tensor>> out = new ArrayList<>();
        for (int r = 0; r < run.rounds(); r++) {
            List<Tensor> ws = new ArrayList<>();
            for (int li = 0; li < run.layers().size(); li++) {
                LayerInfo l = run.layers().get(li);
                double std = Math.sqrt(2.0 / (l.rows() + l.cols()));
                boolean[] k = run.masks().get(r).get(li).keep();
                float[] w = new float[l.size()];
                for (int i = 0; i < w.length; i++) {
                    if (k[i]) {
                        w[i] = (float) (rnd.nextGaussian() * std * 1.3);
                    }
                }
                ws.add(new Tensor(l.name(), l.shape(), w));
            }
            out.add(ws);
        }
        return out;
    }

    /** Fraction of LeNet-300-100's prunable weights remaining after {@code round} layerwise rounds. */
    public static double lenetRemaining(int round) {
        double hidden = (235_200 + 30_000) * Math.pow(1 - HIDDEN_RATE, round);
        double out = 1_000 * Math.pow(1 - OUTPUT_RATE, round);
        return (hidden + out) / 266_200.0;
    }

    /** Per-layer summaries of LeNet-300-100 after {@code round} rounds. */
    public static List<LayerSummary> lenetSummaries(int round) {
        return List.of(new LayerSummary("fc1", 235_200, PruningSchedule.keptAfter(235_200, HIDDEN_RATE, round)),
                new LayerSummary("fc2", 30_000, PruningSchedule.keptAfter(30_000, HIDDEN_RATE, round)),
                new LayerSummary("output", 1_000, PruningSchedule.keptAfter(1_000, OUTPUT_RATE, round)));
    }

    /**
     * Round results shaped like the paper's LeNet figures: the ticket holds dense accuracy (with a small
     * bump near 13%) down to about 3.6% and learns fastest near 10-20%; random re-init and random pruning
     * degrade from about 21% and learn slower.
     */
    public static List<RoundResult> results(List<Branch> branches, int rounds, int seeds, long seed) {
        Random rnd = new Random(seed);
        List<RoundResult> out = new ArrayList<>();
        for (Branch b : branches) {
            for (int r = 0; r < rounds; r++) {
                double p = lenetRemaining(r);
                double pct = p * 100;
                for (int s = 0; s < seeds; s++) {
                    double acc = accuracyPct(b, pct) + rnd.nextGaussian() * 0.12;
                    double it = iteration(b, pct) * (1 + rnd.nextGaussian() * 0.06);
                    out.add(new RoundResult(b, r, p, (acc - 0.08) / 100, (int) Math.round(it / 100) * 100,
                            acc / 100, 40 + rnd.nextDouble() * 5, lenetSummaries(r)));
                }
            }
        }
        return out;
    }

    /** Mean test accuracy (%) of a branch at {@code pct} weights remaining. */
    public static double accuracyPct(Branch b, double pct) {
        double lp = Math.log(pct);
        return switch (b) {
            case TICKET -> 98.0 + 0.35 * Math.exp(-Math.pow(lp - Math.log(13), 2) / 1.0)
                    - 2.6 * Math.pow(Math.max(0, Math.log(3.6 / pct)), 1.4);
            case SAME_SIGN_REINIT -> 97.95 + 0.2 * Math.exp(-Math.pow(lp - Math.log(15), 2) / 1.0)
                    - 2.6 * Math.pow(Math.max(0, Math.log(5 / pct)), 1.4);
            case RANDOM_REINIT, ONE_SHOT, EARLY_BIRD -> 97.9 - 1.1 * Math.pow(Math.max(0, Math.log(21 / pct)), 1.5);
            case MAGNITUDE_AT_INIT, SNIP, GRASP, SYNFLOW, RANDOM_PRUNING -> 97.8 - 1.5 * Math.pow(Math.max(0, Math.log(30 / pct)), 1.5);
            case EDGE_POPUP -> 90 + 5 * Math.exp(-Math.pow(lp - Math.log(40), 2) / 1.5);
        };
    }

    /** Mean early-stop iteration of a branch at {@code pct} weights remaining. */
    public static double iteration(Branch b, double pct) {
        double lp = Math.log(pct);
        return switch (b) {
            case TICKET, SAME_SIGN_REINIT -> 11_000 - 5_500 * Math.exp(-Math.pow(lp - Math.log(12), 2) / 2.0)
                    + 5_000 * Math.max(0, Math.log(3 / pct));
            default -> 11_000 + 9_000 * Math.max(0, Math.log(40 / pct)) / Math.log(40);
        };
    }

    /**
     * Training curve of one round: {@code evals} evaluation points every {@code every} iterations, faster
     * and better for smaller {@code round} index changes (cosmetic).
     */
    public static List<MetricPoint> metrics(Branch b, int round, int evals, int every, long seed) {
        Random rnd = new Random(seed * 31 + round);
        double pct = lenetRemaining(round) * 100;
        double finalAcc = accuracyPct(b, pct) / 100;
        double tau = iteration(b, pct) / 3.0;
        List<MetricPoint> out = new ArrayList<>();
        for (int e = 1; e <= evals; e++) {
            int it = e * every;
            double prog = 1 - Math.exp(-it / tau);
            double valLoss = 0.06 + 2.2 * Math.exp(-it / (tau * 0.6)) + 0.02 * Math.max(0, it - 3 * tau) / (3 * tau)
                    + Math.abs(rnd.nextGaussian()) * 0.008;
            double acc = 0.1 + (finalAcc - 0.1) * prog + rnd.nextGaussian() * 0.002;
            out.add(new MetricPoint(it, valLoss * 1.1, valLoss, Math.min(1, acc + 0.001), Math.min(1, acc)));
        }
        return out;
    }

    /** Training loss at {@code iteration} (noisy, decaying). */
    public static double loss(Branch b, int round, int iteration, Random rnd) {
        double pct = lenetRemaining(round) * 100;
        double tau = iteration(b, pct) / 3.0 * 0.6;
        double base = 0.03 + 2.25 * Math.exp(-iteration / tau);
        return Math.max(1e-4, base * (1 + rnd.nextGaussian() * 0.1));
    }
}
