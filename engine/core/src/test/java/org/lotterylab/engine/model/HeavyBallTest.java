package org.lotterylab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.spec.ModelKind;
import org.lotterylab.api.spec.OptimizerKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

/** {@code momentum} means heavy-ball (PyTorch, open_lth): {@code v = mu v + g; w -= lr v}. */
class HeavyBallTest {

    @Test
    void updaterTurnsGradientsIntoHeavyBallSteps() {
        HeavyBall cfg = new HeavyBall(0.1, 0.9);
        INDArray state = Nd4j.zeros(1, 3);
        GradientUpdater<?> u = cfg.instantiate(state, true);
        float[][] g = {{1, -2, 0.5f}, {0.5f, 1, -1}, {-1, 0, 2}};
        double[] v = new double[3];
        for (int t = 0; t < g.length; t++) {
            INDArray grad = Nd4j.createFromArray(new float[][] {g[t]});
            u.applyUpdater(grad, t, 0);
            for (int i = 0; i < 3; i++) {
                v[i] = 0.9 * v[i] + g[t][i];
                assertEquals(0.1 * v[i], grad.getDouble(0, i), 1e-6, "step " + t + " entry " + i);
                assertEquals(v[i], state.getDouble(0, i), 1e-6, "the velocity is the updater state");
            }
        }
        // by hand: step 3 of entry 0 is 0.1 * (0.81 * 1 + 0.9 * 0.5 - 1) = 0.026
        assertEquals(0.026, 0.1 * v[0], 1e-9);
    }

    /**
     * The whole DL4J path: a LeNet trained with optimizer sgd and momentum 0.9 moves its weights exactly as the
     * heavy-ball rule computed by hand from each step's mean gradient (taken from a plain-SGD probe with lr 1),
     * and not as Nesterov's rule.
     */
    @Test
    void sgdWithMomentumTrainsHeavyBallAndNesterovIsTheExplicitOption() {
        InputShape in = new InputShape(1, 28, 28, 10);
        double lr = 0.05;
        double mu = 0.9;
        MultiLayerNetwork net = ModelFactory.build(ModelKind.MLP_SMALL, in, OptimizerKind.SGD, lr, mu);
        assertTrue(net.getLayerWiseConfigurations().getConf(0).getLayer().getUpdaterByParam("W") instanceof HeavyBall);
        MultiLayerNetwork nesterov = ModelFactory.build(ModelKind.MLP_SMALL, in, OptimizerKind.SGD_NESTEROV, lr, mu);
        assertTrue(nesterov.getLayerWiseConfigurations().getConf(0).getLayer().getUpdaterByParam("W")
                instanceof Nesterovs);
        MultiLayerNetwork probe = ModelFactory.build(ModelKind.MLP_SMALL, in, OptimizerKind.SGD, 1.0, 0);
        ParamLayout layout = ModelFactory.layout(net);
        float[] w = Initializer.draw(layout, org.lotterylab.api.spec.InitKind.KAIMING_NORMAL, 4);
        net.setParams(Nd4j.createFromArray(w));
        nesterov.setParams(Nd4j.createFromArray(w));
        java.util.Random rng = new java.util.Random(2);
        double[] v = new double[w.length];
        double[] p = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            p[j] = w[j];
        }
        double maxNesterovGap = 0;
        for (int step = 0; step < 3; step++) {
            float[] x = new float[8 * 784];
            float[] y = new float[8 * 10];
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextFloat();
            }
            for (int e = 0; e < 8; e++) {
                y[e * 10 + rng.nextInt(10)] = 1;
            }
            DataSet ds = new DataSet(Nd4j.create(x, new long[] {8, 784}, 'c'), Nd4j.create(y, new long[] {8, 10}, 'c'));
            float[] before = net.params().toFloatVector();
            probe.setParams(Nd4j.createFromArray(before));
            probe.fit(ds);
            float[] afterProbe = probe.params().toFloatVector();
            net.fit(ds);
            nesterov.fit(ds);
            float[] got = net.params().toFloatVector();
            float[] gotN = nesterov.params().toFloatVector();
            for (int j = 0; j < w.length; j++) {
                double g = before[j] - afterProbe[j]; // the mean gradient (plain SGD, lr 1)
                v[j] = mu * v[j] + g;
                p[j] = before[j] - lr * v[j];
                assertEquals(p[j], got[j], 1e-5 + 1e-4 * Math.abs(p[j]), "step " + step + " param " + j);
                maxNesterovGap = Math.max(maxNesterovGap, Math.abs(gotN[j] - got[j]));
            }
        }
        assertTrue(maxNesterovGap > 1e-4, "Nesterov is a different update (gap " + maxNesterovGap + ")");
    }
}
