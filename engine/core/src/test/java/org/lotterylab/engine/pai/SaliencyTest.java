package org.lotterylab.engine.pai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.lotterylab.engine.model.ModelFactory;
import org.lotterylab.engine.model.ParamLayout;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Each saliency against a hand computation on a tiny network: a softmax regression (4 inputs, 3 classes),
 * whose gradient and Hessian have closed forms, and a 3-2-2 ReLU network for SynFlow.
 */
class SaliencyTest {

    static final int IN = 4;
    static final int OUT = 3;
    static final int N = 5;

    static MultiLayerNetwork softmaxRegression() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.FLOAT).updater(new Sgd(0.1)).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(IN).nOut(OUT)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        return net;
    }

    /** Random theta (W then b), inputs and one-hot labels, seeded. */
    static float[] theta(Random r, int n) {
        float[] t = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = (float) (r.nextGaussian() * 0.7);
        }
        return t;
    }

    static float[][] inputs(Random r) {
        float[][] x = new float[N][IN];
        for (float[] row : x) {
            for (int i = 0; i < IN; i++) {
                row[i] = (float) r.nextGaussian();
            }
        }
        return x;
    }

    static DataSet dataSet(float[][] x, int[] labels) {
        float[] y = new float[N * OUT];
        for (int n = 0; n < N; n++) {
            y[n * OUT + labels[n]] = 1;
        }
        float[] flat = new float[N * IN];
        for (int n = 0; n < N; n++) {
            System.arraycopy(x[n], 0, flat, n * IN, IN);
        }
        return new DataSet(Nd4j.create(flat, new long[] {N, IN}, 'c'), Nd4j.create(y, new long[] {N, OUT}, 'c'));
    }

    /** W[o][i] of the flat DL4J vector: the [nIn, nOut] 'f' block, i.e. numpy (out, in) C order. */
    static double w(float[] theta, int o, int i) {
        return theta[o * IN + i];
    }

    static double[][] softmax(float[] theta, float[][] x) {
        double[][] p = new double[N][OUT];
        for (int n = 0; n < N; n++) {
            double max = Double.NEGATIVE_INFINITY;
            double[] z = new double[OUT];
            for (int o = 0; o < OUT; o++) {
                z[o] = theta[IN * OUT + o];
                for (int i = 0; i < IN; i++) {
                    z[o] += w(theta, o, i) * x[n][i];
                }
                max = Math.max(max, z[o]);
            }
            double sum = 0;
            for (int o = 0; o < OUT; o++) {
                p[n][o] = Math.exp(z[o] - max);
                sum += p[n][o];
            }
            for (int o = 0; o < OUT; o++) {
                p[n][o] /= sum;
            }
        }
        return p;
    }

    @Test
    void snipIsTheMagnitudeOfGradientTimesWeight() {
        Random r = new Random(11);
        MultiLayerNetwork net = softmaxRegression();
        ParamLayout layout = ModelFactory.layout(net);
        float[] theta = theta(r, (int) layout.totalParams());
        float[][] x = inputs(r);
        int[] labels = {0, 2, 1, 2, 0};
        double[] g = new GradientProbe(net, List.of(dataSet(x, labels))).gradient(theta);
        double[][] s = Saliency.snip(layout, theta, g);
        double[][] p = softmax(theta, x);
        for (int o = 0; o < OUT; o++) {
            for (int i = 0; i < IN; i++) {
                double grad = 0;
                for (int n = 0; n < N; n++) {
                    grad += (p[n][o] - (labels[n] == o ? 1 : 0)) * x[n][i] / N;
                }
                assertEquals(Math.abs(grad * w(theta, o, i)), s[0][o * IN + i], 1e-5, "W[" + o + "][" + i + "]");
            }
        }
    }

    @Test
    void graspHessianGradientProductMatchesTheExactValue() {
        Random r = new Random(12);
        MultiLayerNetwork net = softmaxRegression();
        ParamLayout layout = ModelFactory.layout(net);
        float[] theta = theta(r, (int) layout.totalParams());
        float[][] x = inputs(r);
        int[] labels = {1, 1, 0, 2, 0};
        GradientProbe probe = new GradientProbe(net, List.of(dataSet(x, labels)));
        double[] g = probe.gradient(theta);
        double[] hg = probe.hessianTimes(theta, g, Saliency.HVP_STEP);
        // exact: the Hessian of mean cross-entropy of softmax(Wx + b) is mean_n (diag(p) - pp') (x) [x;1][x;1]'
        double[][] p = softmax(theta, x);
        double[] exact = new double[theta.length];
        for (int n = 0; n < N; n++) {
            double[] u = new double[OUT];
            for (int o = 0; o < OUT; o++) {
                u[o] = g[IN * OUT + o];
                for (int i = 0; i < IN; i++) {
                    u[o] += g[o * IN + i] * x[n][i];
                }
            }
            double pu = 0;
            for (int o = 0; o < OUT; o++) {
                pu += p[n][o] * u[o];
            }
            for (int o = 0; o < OUT; o++) {
                double v = p[n][o] * u[o] - p[n][o] * pu;
                for (int i = 0; i < IN; i++) {
                    exact[o * IN + i] += v * x[n][i] / N;
                }
                exact[IN * OUT + o] += v / N;
            }
        }
        double scale = 0;
        for (double e : exact) {
            scale = Math.max(scale, Math.abs(e));
        }
        assertTrue(scale > 1e-3, "the test needs a non-trivial Hessian-vector product");
        for (int j = 0; j < exact.length; j++) {
            assertEquals(exact[j], hg[j], 2e-3 * scale, "(Hg)[" + j + "]");
        }
        double[][] s = Saliency.grasp(layout, theta, hg);
        for (int j = 0; j < IN * OUT; j++) {
            assertEquals(theta[j] * exact[j], s[0][j], 2e-3 * scale * Math.abs(theta[j]) + 1e-9);
        }
    }

    @Test
    void synflowScoresAreUpstreamTimesWeightTimesDownstreamPaths() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.FLOAT).updater(new Sgd(0.1)).list()
                .layer(new DenseLayer.Builder().nIn(3).nOut(2).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(2).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        ParamLayout layout = ModelFactory.layout(net);
        // W1 (2x3, numpy layout), b1 (2), W2 (2x2), b2 (2): signs mixed, biases zero
        float[] theta = {0.5f, -1f, 2f, -0.25f, 1.5f, -3f, 0, 0, 2f, -0.5f, 1f, 4f, 0, 0};
        assertEquals(14, layout.totalParams());
        boolean[][] mask = {{true, true, true, true, false, true}, {true, true, true, true}};
        double[][] s = Saliency.synflow(net, layout, theta, mask);
        double[][] w1 = {{0.5, 1, 2}, {0.25, 0, 3}}; // |W1| with the pruned weight at zero
        double[][] w2 = {{2, 0.5}, {1, 4}};
        double[] down = {w1[0][0] + w1[0][1] + w1[0][2], w1[1][0] + w1[1][1] + w1[1][2]}; // |W1| 1
        double[] up = {w2[0][0] + w2[1][0], w2[0][1] + w2[1][1]};                             // 1'|W2|
        for (int h = 0; h < 2; h++) {
            for (int i = 0; i < 3; i++) {
                assertEquals(up[h] * w1[h][i], s[0][h * 3 + i], 1e-4, "W1[" + h + "][" + i + "]");
            }
        }
        for (int o = 0; o < 2; o++) {
            for (int h = 0; h < 2; h++) {
                assertEquals(w2[o][h] * down[h], s[1][o * 2 + h], 1e-4, "W2[" + o + "][" + h + "]");
            }
        }
    }

    @Test
    void magnitudeIsAbsoluteInitialWeight() {
        MultiLayerNetwork net = softmaxRegression();
        ParamLayout layout = ModelFactory.layout(net);
        float[] theta = theta(new Random(3), (int) layout.totalParams());
        double[][] s = Saliency.magnitude(layout, theta);
        for (int j = 0; j < IN * OUT; j++) {
            assertEquals(Math.abs(theta[j]), s[0][j], 0);
        }
    }
}
