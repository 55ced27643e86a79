package org.lotterylab.engine.edgepopup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.engine.Backend;
import org.lotterylab.engine.context.ImpContext;
import org.lotterylab.engine.model.ParamLayout;
import org.lotterylab.engine.testdata.TinyData;
import org.lotterylab.engine.train.BatchStream;
import org.lotterylab.engine.train.RunGate;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The score gradient edge-popup applies is the straight-through one of the MEAN mini-batch loss:
 * {@code dL/ds = dL/dw_eff * w0 * sign(s)}, checked against central finite differences of the loss in w_eff;
 * and the mask it trains under keeps the largest |s| of each layer.
 */
class EdgePopupGradientTest {

    @TempDir
    static Path tmp;
    static ImpContext ctx;

    @BeforeAll
    static void setUp() throws Exception {
        Backend.init(2);
        Path data = TinyData.write(tmp.resolve("tiny"), 400, 3);
        ExperimentSpec spec = ExperimentSpec.defaults().with(Map.of("name", "ep", "dataset", data.toString(),
                "model", "mlp-small", "init", "kaiming-normal", "iterations", "40", "evalInterval", "10",
                "batchSize", "20"));
        ctx = ImpContext.prepare(spec, null);
    }

    @Test
    void oneScoreStepIsMinusLrTimesTheStraightThroughGradientOfTheMeanLoss() {
        ParamLayout layout = ctx.layout();
        float[] w0 = ctx.theta0();
        int batch = 20;
        double lr = 0.5;
        double keep = 0.5;
        EdgePopupOptions o = EdgePopupOptions.defaults().with("weightDecay", "0").with("learningRate", "0.5");
        EdgePopupTrainer.Config cfg = new EdgePopupTrainer.Config(keep, batch, 1, 1, 11, 12, 1, o);
        EdgePopupTrainer trainer = new EdgePopupTrainer(layout, ctx.splits().train(), ctx.trainer().validation(),
                ctx.trainer().test());
        float[] s0 = ScoreState.initialScores(layout, w0, o.scoreInit(), cfg.scoreSeed());
        EdgePopupTrainer.Outcome out = trainer.train(ctx.newNetwork(), w0, cfg, new RunGate(),
                new EdgePopupTrainer.Callback() { }, "test");

        // w_eff at the first step: w0 masked by the top-k |s0| of each layer
        float[] eff = w0.clone();
        int pos = 0;
        for (int l = 0; l < layout.size(); l++) {
            int n = layout.layers().get(l).size();
            boolean[] m = TopK.mask(Arrays.copyOfRange(s0, pos, pos + n), TopK.keptCount(n, keep));
            for (int j = 0; j < n; j++) {
                if (!m[j]) {
                    eff[(int) layout.offset(l) + j] = 0f;
                }
            }
            pos += n;
        }
        // the first mini-batch the trainer saw
        var train = ctx.splits().train();
        float[] xb = new float[batch * train.featureSize()];
        float[] yb = new float[batch * train.numClasses()];
        new BatchStream(train, cfg.orderSeed()).next(batch, xb, yb);
        DataSet ds = new DataSet(Nd4j.create(xb, new long[] {batch, train.featureSize()}, 'c'),
                Nd4j.create(yb, new long[] {batch, train.numClasses()}, 'c'));
        MultiLayerNetwork probe = ctx.newNetwork();

        // the output layer's scores: implied gradient (s0 - s1) / lr for the weights with the largest steps
        int l = 1;
        int from = (int) layout.prunableWeights() - layout.layers().get(l).size();
        float[] s1 = out.scores()[l];
        int n = s1.length;
        Integer[] idx = new Integer[n];
        for (int j = 0; j < n; j++) {
            idx[j] = j;
        }
        Arrays.sort(idx, (a, b) -> Float.compare(Math.abs(s0[from + b] - s1[b]), Math.abs(s0[from + a] - s1[a])));
        int off = (int) layout.offset(l);
        int checked = 0;
        for (int t = 0; t < 8; t++) {
            int j = idx[t];
            double implied = (s0[from + j] - s1[j]) / lr;
            double eps = 1e-2;
            double dLdw = (loss(probe, eff, off + j, eps, ds) - loss(probe, eff, off + j, -eps, ds)) / (2 * eps);
            double expected = dLdw * w0[off + j] * Math.signum(s0[from + j]);
            assertTrue(Math.abs(expected) > 1e-4, "a weight with a real gradient: " + expected);
            assertEquals(expected, implied, 0.03 * Math.abs(expected),
                    "output weight " + j + ": straight-through gradient of the mean loss");
            checked++;
        }
        assertEquals(8, checked);
    }

    private static double loss(MultiLayerNetwork net, float[] eff, int j, double delta, DataSet ds) {
        float[] p = eff.clone();
        p[j] += (float) delta;
        net.setParams(Nd4j.createFromArray(p));
        return net.score(ds, false);
    }

    @Test
    void theTrainedMaskKeepsTheLargestMagnitudesOfEachLayer() {
        ParamLayout layout = ctx.layout();
        EdgePopupTrainer trainer = new EdgePopupTrainer(layout, ctx.splits().train(), ctx.trainer().validation(),
                ctx.trainer().test());
        EdgePopupTrainer.Config cfg = new EdgePopupTrainer.Config(0.3, 20, 15, 5, 11, 12, 5,
                EdgePopupOptions.defaults());
        EdgePopupTrainer.Outcome out = trainer.train(ctx.newNetwork(), ctx.theta0(), cfg, new RunGate(),
                new EdgePopupTrainer.Callback() { }, "test");
        for (int l = 0; l < layout.size(); l++) {
            float[] s = out.scores()[l];
            boolean[] m = out.mask()[l];
            float minKept = Float.POSITIVE_INFINITY;
            float maxDropped = 0;
            int kept = 0;
            for (int j = 0; j < s.length; j++) {
                if (m[j]) {
                    kept++;
                    minKept = Math.min(minKept, Math.abs(s[j]));
                } else {
                    maxDropped = Math.max(maxDropped, Math.abs(s[j]));
                }
            }
            assertEquals(TopK.keptCount(s.length, 0.3), kept, "layer " + l);
            assertTrue(minKept >= maxDropped, "layer " + l + ": every kept |s| (min " + minKept
                    + ") is at least every dropped one (max " + maxDropped + ")");
        }
    }
}
