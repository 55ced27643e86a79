package org.lotterylab.engine.theory;

import java.util.SplittableRandom;

/**
 * Pensia et al.'s construction of a pruned random network that imitates a target ReLU network.
 *
 * <p>Each target layer z = W a (W is [out][in]) is replaced by two random layers, U ([in*m][in]) then a ReLU,
 * then V ([out][in*m]), all weights uniform on [-1, 1]; hidden unit (i, k) = i*m + k is the k-th of m units
 * for input i. Pruning keeps only U[(i,k)][i], so the unit computes relu(u x_i) = u relu(x_i) when u > 0 and
 * |u| relu(-x_i) when u < 0. Since w x = w relu(x) - w relu(-x), the target weight W[j][i] is rebuilt from
 * two subset sums of products u*v along the m paths from x_i to z_j: over the units with u > 0, the subset
 * of u V[j][(i,k)] nearest W[j][i]; over those with u < 0, the subset of |u| V[j][(i,k)] nearest -W[j][i].
 * The kept V entries are exactly those subsets ({@link SubsetSumIndex}, exact), and a U entry is kept when some
 * kept V entry uses its unit. The pruned pair then computes, exactly as {@link #claimedLayer} says,
 * z_j = sum_i A+[j][i] relu(x_i) + A-[j][i] relu(-x_i), with A+ ~ W[j][i] and A- ~ -W[j][i]. The target's own
 * ReLUs follow the V layers, so a target of depth L becomes a random network of depth 2L whose hidden widths
 * alternate in*m and out.
 *
 * <p>When more than {@link SubsetSumIndex#MAX_CANDIDATES} units of one sign serve one input (only for m well
 * above 64) the first ones are used.
 */
public final class PensiaConstruction {
    private final ReluNet target;
    private final int width;
    private final ReluNet random;
    private final boolean[][][] keep;
    private final ReluNet pruned;
    private final double[][][] plus;
    private final double[][][] minus;

    private PensiaConstruction(ReluNet target, int width, ReluNet random, boolean[][][] keep, double[][][] plus,
                               double[][][] minus) {
        this.target = target;
        this.width = width;
        this.random = random;
        this.keep = keep;
        this.pruned = random.masked(keep);
        this.plus = plus;
        this.minus = minus;
    }

    /** Draws the random network of width multiplier {@code m} from {@code rnd} and prunes it to imitate {@code target}. */
    public static PensiaConstruction build(ReluNet target, int m, SplittableRandom rnd) {
        if (m < 1) {
            throw new IllegalArgumentException("width multiplier must be positive, got " + m);
        }
        int depth = target.depth();
        double[][][] layers = new double[2 * depth][][];
        boolean[][][] keep = new boolean[2 * depth][][];
        double[][][] plus = new double[depth][][];
        double[][][] minus = new double[depth][][];
        for (int l = 0; l < depth; l++) {
            double[][] w = target.layer(l);
            int out = w.length;
            int in = w[0].length;
            double[][] u = uniform(rnd, in * m, in);
            double[][] v = uniform(rnd, out, in * m);
            boolean[][] keepU = new boolean[in * m][in];
            boolean[][] keepV = new boolean[out][in * m];
            plus[l] = new double[out][in];
            minus[l] = new double[out][in];
            for (int j = 0; j < out; j++) {
                for (int i = 0; i < in; i++) {
                    plus[l][j][i] = approximate(u, v, j, i, m, true, w[j][i], keepU, keepV);
                    minus[l][j][i] = approximate(u, v, j, i, m, false, -w[j][i], keepU, keepV);
                }
            }
            layers[2 * l] = u;
            layers[2 * l + 1] = v;
            keep[2 * l] = keepU;
            keep[2 * l + 1] = keepV;
        }
        return new PensiaConstruction(target, m, new ReluNet(layers), keep, plus, minus);
    }

    /** Picks the subset of the units of input i with u of the given sign whose path products sum nearest goal. */
    private static double approximate(double[][] u, double[][] v, int j, int i, int m, boolean positive, double goal,
                                      boolean[][] keepU, boolean[][] keepV) {
        int[] units = new int[Math.min(m, SubsetSumIndex.MAX_CANDIDATES)];
        int n = 0;
        for (int k = 0; k < m && n < units.length; k++) {
            int h = i * m + k;
            if (positive ? u[h][i] > 0 : u[h][i] < 0) {
                units[n++] = h;
            }
        }
        double[] products = new double[n];
        for (int c = 0; c < n; c++) {
            products[c] = Math.abs(u[units[c]][i]) * v[j][units[c]];
        }
        SubsetSumIndex.Best best = new SubsetSumIndex(products).best(goal);
        for (int c = 0; c < n; c++) {
            if (best.contains(c)) {
                keepV[j][units[c]] = true;
                keepU[units[c]][i] = true;
            }
        }
        return best.sum();
    }

    private static double[][] uniform(SplittableRandom rnd, int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int c = 0; c < cols; c++) {
                row[c] = CandidateDistribution.uniform(rnd);
            }
        }
        return a;
    }

    /** The width multiplier m. */
    public int width() {
        return width;
    }

    /** The target network. */
    public ReluNet target() {
        return target;
    }

    /** The random network before pruning. */
    public ReluNet random() {
        return random;
    }

    /** The pruned network (the random one times the mask). */
    public ReluNet pruned() {
        return pruned;
    }

    /** Whether weight [j][i] of random layer {@code l} is kept. */
    public boolean kept(int l, int j, int i) {
        return keep[l][j][i];
    }

    /** The number of weights the mask keeps. */
    public long keptWeights() {
        long n = 0;
        for (boolean[][] layer : keep) {
            for (boolean[] row : layer) {
                for (boolean k : row) {
                    if (k) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** A+ of target layer {@code l}: the subset sums standing in for W on relu(x) (copy). */
    public double[][] plusSums(int l) {
        return ReluNet.copy(plus[l]);
    }

    /** A- of target layer {@code l}: the subset sums standing in for -W on relu(-x) (copy). */
    public double[][] minusSums(int l) {
        return ReluNet.copy(minus[l]);
    }

    /**
     * What pruned random layers 2l and 2l+1 compute for input a, by the construction's claim:
     * z_j = sum_i A+[j][i] relu(a_i) + A-[j][i] relu(-a_i) (before the ReLU that follows, if any).
     */
    public double[] claimedLayer(int l, double[] a) {
        double[] z = new double[plus[l].length];
        for (int j = 0; j < z.length; j++) {
            for (int i = 0; i < a.length; i++) {
                z[j] += plus[l][j][i] * Math.max(0, a[i]) + minus[l][j][i] * Math.max(0, -a[i]);
            }
        }
        return z;
    }

    /** The largest and the mean weight error max(|A+ - W|, |A- + W|) over the target's weights. */
    public double[] weightErrors() {
        double max = 0;
        double sum = 0;
        int n = 0;
        for (int l = 0; l < plus.length; l++) {
            double[][] w = target.layer(l);
            for (int j = 0; j < w.length; j++) {
                for (int i = 0; i < w[j].length; i++) {
                    double e = Math.max(Math.abs(plus[l][j][i] - w[j][i]), Math.abs(minus[l][j][i] + w[j][i]));
                    max = Math.max(max, e);
                    sum += e;
                    n++;
                }
            }
        }
        return new double[] {max, sum / n};
    }
}
