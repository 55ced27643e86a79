package org.lotterylab.engine.theory;

/**
 * A fully connected ReLU network without biases, in plain Java: layer l maps R^in to R^out with the matrix
 * {@code weights[l]} ([out][in]); every layer but the last is followed by max(0, .), the last is linear.
 * Immutable (the matrices are copied in and out).
 */
public final class ReluNet {
    private final double[][][] weights;

    /** A network with the given layer matrices (copied); consecutive layers must fit. */
    public ReluNet(double[][][] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("a network needs a layer");
        }
        this.weights = copy(weights);
        for (int l = 1; l < weights.length; l++) {
            if (weights[l][0].length != weights[l - 1].length) {
                throw new IllegalArgumentException("layer " + l + " takes " + weights[l][0].length + " inputs, layer "
                        + (l - 1) + " gives " + weights[l - 1].length);
            }
        }
    }

    /** The number of layers. */
    public int depth() {
        return weights.length;
    }

    /** A copy of layer {@code l}'s matrix, [out][in]. */
    public double[][] layer(int l) {
        return copy(weights[l]);
    }

    /** The input width. */
    public int inputs() {
        return weights[0][0].length;
    }

    /** The output width. */
    public int outputs() {
        return weights[weights.length - 1].length;
    }

    /** The number of weights. */
    public long params() {
        long n = 0;
        for (double[][] w : weights) {
            n += (long) w.length * w[0].length;
        }
        return n;
    }

    /** The number of weights that are not exactly zero. */
    public long nonZero() {
        long n = 0;
        for (double[][] w : weights) {
            for (double[] row : w) {
                for (double v : row) {
                    if (v != 0) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** The output for input {@code x}. */
    public double[] forward(double[] x) {
        double[] a = x;
        for (int l = 0; l < weights.length; l++) {
            double[][] w = weights[l];
            double[] z = new double[w.length];
            for (int j = 0; j < w.length; j++) {
                double s = 0;
                for (int i = 0; i < a.length; i++) {
                    s += w[j][i] * a[i];
                }
                z[j] = l < weights.length - 1 ? Math.max(0, s) : s;
            }
            a = z;
        }
        return a;
    }

    /** This network with every weight multiplied by the 0/1 mask (pruned weights exactly zero). */
    public ReluNet masked(boolean[][][] keep) {
        double[][][] w = copy(weights);
        for (int l = 0; l < w.length; l++) {
            for (int j = 0; j < w[l].length; j++) {
                for (int i = 0; i < w[l][j].length; i++) {
                    if (!keep[l][j][i]) {
                        w[l][j][i] = 0.0;
                    }
                }
            }
        }
        return new ReluNet(w);
    }

    static double[][][] copy(double[][][] w) {
        double[][][] c = new double[w.length][][];
        for (int l = 0; l < w.length; l++) {
            c[l] = copy(w[l]);
        }
        return c;
    }

    static double[][] copy(double[][] w) {
        double[][] c = new double[w.length][];
        for (int j = 0; j < w.length; j++) {
            c[j] = w[j].clone();
        }
        return c;
    }
}
