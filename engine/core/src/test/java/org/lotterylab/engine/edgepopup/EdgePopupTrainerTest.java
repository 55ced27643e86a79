package org.lotterylab.engine.edgepopup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.engine.Backend;
import org.lotterylab.engine.context.ImpContext;
import org.lotterylab.engine.model.ParamLayout;
import org.lotterylab.engine.testdata.TinyData;
import org.lotterylab.engine.train.RunGate;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Edge-popup's invariants on a small MLP and tiny synthetic data. */
class EdgePopupTrainerTest {

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

    private EdgePopupTrainer trainer() {
        return new EdgePopupTrainer(ctx.layout(), ctx.splits().train(), ctx.trainer().validation(),
                ctx.trainer().test());
    }

    private static EdgePopupTrainer.Config config(double keep, int iterations, EdgePopupOptions o) {
        return new EdgePopupTrainer.Config(keep, 20, iterations, 10, 11, 12, 5, o);
    }

    @Test
    void frozenWeightsStayBitIdenticalAndEachLayerKeepsExactlyTopKAtEveryStep() {
        ParamLayout layout = ctx.layout();
        float[] w0 = ctx.theta0();
        float[] w0Copy = w0.clone();
        EdgePopupTrainer t = trainer();
        double keep = 0.3;
        int[] k = t.keptCounts(keep);
        assertEquals(TopK.keptCount(100 * 784, keep), k[0]);
        assertEquals(TopK.keptCount(10 * 100, keep), k[1]);
        AtomicInteger steps = new AtomicInteger();
        AtomicReference<String> problem = new AtomicReference<>();
        EdgePopupTrainer.Outcome out = t.train(ctx.newNetwork(), w0, config(keep, 30, EdgePopupOptions.defaults()),
                new RunGate(), new EdgePopupTrainer.Callback() {
                    @Override
                    public void afterStep(int iteration, INDArray params) {
                        steps.incrementAndGet();
                        float[] p = params.toFloatVector();
                        for (int l = 0; l < layout.size(); l++) {
                            int off = (int) layout.offset(l);
                            int n = layout.layers().get(l).size();
                            int nonZero = 0;
                            for (int j = off; j < off + n; j++) {
                                if (p[j] != 0f) {
                                    nonZero++;
                                    if (Float.floatToRawIntBits(p[j]) != Float.floatToRawIntBits(w0Copy[j])) {
                                        problem.compareAndSet(null, "weight " + j + " is " + p[j] + ", w0 " + w0Copy[j]);
                                    }
                                }
                            }
                            if (nonZero != k[l]) {
                                problem.compareAndSet(null, "step " + iteration + ": layer " + l + " uses " + nonZero
                                        + " weights, expected " + k[l]);
                            }
                        }
                        for (int j = 0; j < p.length; j++) {
                            if (!isWeight(layout, j) && p[j] != w0Copy[j]) {
                                problem.compareAndSet(null, "bias " + j + " changed to " + p[j]);
                            }
                        }
                    }

                    @Override
                    public boolean wantsSteps() {
                        return true;
                    }
                }, "test");
        assertNull(problem.get(), problem.get());
        assertEquals(30, steps.get());
        assertArrayEquals(w0Copy, w0, "the caller's w0 is not modified");
        for (int l = 0; l < layout.size(); l++) {
            int kept = 0;
            for (boolean b : out.mask()[l]) {
                kept += b ? 1 : 0;
            }
            assertEquals(k[l], kept, "final mask of layer " + l);
        }
    }

    private static boolean isWeight(ParamLayout layout, int j) {
        for (int l = 0; l < layout.size(); l++) {
            long off = layout.offset(l);
            if (j >= off && j < off + layout.layers().get(l).size()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void forwardPassIsTheInputTimesTheMaskedFrozenWeights() {
        float[] w0 = ctx.theta0();
        // non-zero biases make the check stricter: they must pass through unchanged too
        java.util.Random rng = new java.util.Random(3);
        ParamLayout layout = ctx.layout();
        for (int j = 0; j < w0.length; j++) {
            if (!isWeight(layout, j)) {
                w0[j] = (float) (0.1 * rng.nextGaussian());
            }
        }
        MultiLayerNetwork net = ctx.newNetwork();
        EdgePopupTrainer.Outcome out = trainer().train(net, w0, config(0.4, 12, EdgePopupOptions.defaults()),
                new RunGate(), new EdgePopupTrainer.Callback() { }, "test");
        LayerInfo fc1 = layout.layers().get(0);
        LayerInfo o = layout.layers().get(1);
        assertEquals(100, fc1.rows());
        assertEquals(784, fc1.cols());
        int off1 = (int) layout.offset(0);
        int off2 = (int) layout.offset(1);
        // DL4J puts each bias right after its layer's weights
        int b1 = off1 + fc1.size();
        int b2 = off2 + o.size();
        int batch = 5;
        float[] x = java.util.Arrays.copyOf(ctx.splits().test().pixels(), batch * 784);
        float[] got = net.output(Nd4j.create(x, new long[] {batch, 784}, 'c'), false).dup('c').data().asFloat();
        for (int e = 0; e < batch; e++) {
            double[] h = new double[100];
            for (int u = 0; u < 100; u++) {
                double z = w0[b1 + u];
                for (int i = 0; i < 784; i++) {
                    if (out.mask()[0][u * 784 + i]) {
                        z += (double) x[e * 784 + i] * w0[off1 + u * 784 + i];
                    }
                }
                h[u] = Math.max(0, z);
            }
            double[] logits = new double[10];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < 10; c++) {
                double z = w0[b2 + c];
                for (int u = 0; u < 100; u++) {
                    if (out.mask()[1][c * 100 + u]) {
                        z += h[u] * w0[off2 + c * 100 + u];
                    }
                }
                logits[c] = z;
                max = Math.max(max, z);
            }
            double sum = 0;
            for (int c = 0; c < 10; c++) {
                sum += Math.exp(logits[c] - max);
            }
            for (int c = 0; c < 10; c++) {
                double p = Math.exp(logits[c] - max) / sum;
                assertEquals(p, got[e * 10 + c], 1e-5, "example " + e + " class " + c);
            }
        }
    }

    @Test
    void theMaskChangesDuringTrainingAndTheFlipsAreCounted() {
        float[] w0 = ctx.theta0();
        EdgePopupOptions o = EdgePopupOptions.defaults().with("learningRate", "0.5");
        EdgePopupTrainer.Config cfg = new EdgePopupTrainer.Config(0.5, 20, 32, 8, 11, 12, 5, o);
        float[] s0 = ScoreState.initialScores(ctx.layout(), w0, o.scoreInit(), cfg.scoreSeed());
        int n1 = ctx.layout().layers().get(0).size();
        boolean[] first = TopK.mask(java.util.Arrays.copyOf(s0, n1), TopK.keptCount(n1, 0.5));
        List<EdgePopupTrainer.FlipPoint> flips = new ArrayList<>();
        EdgePopupTrainer.Outcome out = trainer().train(ctx.newNetwork(), w0, cfg, new RunGate(),
                new EdgePopupTrainer.Callback() {
                    @Override
                    public void flips(EdgePopupTrainer.FlipPoint p) {
                        flips.add(p);
                    }
                }, "test");
        int changed = 0;
        for (int i = 0; i < n1; i++) {
            if (first[i] != out.mask()[0][i]) {
                changed++;
            }
        }
        assertTrue(changed > 0, "pruned edges come back and kept ones leave");
        assertEquals(4, flips.size(), "one report per evaluation interval");
        int entered = 0;
        for (EdgePopupTrainer.FlipPoint p : flips) {
            assertEquals(p.entered(), p.left(), "layers keep a fixed number of edges");
            entered += p.entered();
            assertEquals(TopK.keptCount(n1, 0.5) + TopK.keptCount(1000, 0.5), p.kept());
        }
        assertTrue(entered > 0);
        assertEquals(32 * 20 / (double) ctx.splits().train().count(), flips.get(3).epoch(), 1e-12);
        assertEquals(5, out.metrics().size());
        assertTrue(out.finalTestAccuracy() > 0.3, "learns something on the easy tiny data: " + out.finalTestAccuracy());
    }

    @Test
    void convolutionalModelsUseTheSameFlatScheme() throws Exception {
        Path data = TinyData.write(tmp.resolve("tiny-conv"), 100, 4);
        ExperimentSpec spec = ExperimentSpec.defaults().with(Map.of("name", "ep-conv", "dataset", data.toString(),
                "model", "conv-2", "init", "signed-kaiming-constant", "iterations", "2", "evalInterval", "2",
                "batchSize", "4"));
        ImpContext conv = ImpContext.prepare(spec, null);
        ParamLayout layout = conv.layout();
        assertEquals(List.of("conv1", "conv2", "fc1", "fc2", "output"),
                layout.layers().stream().map(LayerInfo::name).toList());
        float[] w0 = conv.theta0();
        EdgePopupTrainer t = new EdgePopupTrainer(layout, conv.splits().train(), conv.trainer().validation(),
                conv.trainer().test());
        int[] k = t.keptCounts(0.3);
        AtomicReference<String> problem = new AtomicReference<>();
        EdgePopupTrainer.Outcome out = t.train(conv.newNetwork(), w0, new EdgePopupTrainer.Config(0.3, 4, 2, 2, 1, 2, 1,
                EdgePopupOptions.defaults()), new RunGate(), new EdgePopupTrainer.Callback() {
                    @Override
                    public void afterStep(int iteration, INDArray params) {
                        float[] p = params.toFloatVector();
                        for (int l = 0; l < layout.size(); l++) {
                            int off = (int) layout.offset(l);
                            int nonZero = 0;
                            for (int j = off; j < off + layout.layers().get(l).size(); j++) {
                                if (p[j] != 0f) {
                                    nonZero++;
                                    if (p[j] != w0[j]) {
                                        problem.compareAndSet(null, "weight " + j + " changed");
                                    }
                                }
                            }
                            if (nonZero != k[l]) {
                                problem.compareAndSet(null, layout.layers().get(l).name() + " uses " + nonZero
                                        + " weights, expected " + k[l]);
                            }
                        }
                    }

                    @Override
                    public boolean wantsSteps() {
                        return true;
                    }
                }, "conv test");
        assertNull(problem.get(), problem.get());
        assertEquals(2, out.metrics().size());
    }

    @Test
    void adamAndWeightMagnitudeScoresWork() {
        EdgePopupOptions o = EdgePopupOptions.defaults().with("optimizer", "adam").with("learningRate", "0.01")
                .with("scoreInit", "weight-magnitude");
        float[] w0 = ctx.theta0();
        EdgePopupTrainer.Outcome out = trainer().train(ctx.newNetwork(), w0, config(0.5, 20, o), new RunGate(),
                new EdgePopupTrainer.Callback() { }, "test");
        assertEquals(3, out.metrics().size());
        float[] s0 = ScoreState.initialScores(ctx.layout(), w0, o.scoreInit(), 0);
        assertEquals(Math.abs(w0[17]), s0[17], "weight-magnitude scores start at |w0|");
    }

    @Test
    void badInputsGiveClearMessages() {
        assertThrows(IllegalArgumentException.class, () -> config(0, 10, EdgePopupOptions.defaults()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config(1.5, 10, EdgePopupOptions.defaults()));
        assertTrue(e.getMessage().contains("(0, 1]"), e.getMessage());
        ParamLayout none = new ParamLayout(List.of(), new long[0], 10);
        e = assertThrows(IllegalArgumentException.class, () -> new EdgePopupTrainer(none, ctx.splits().train(),
                ctx.trainer().validation(), ctx.trainer().test()));
        assertTrue(e.getMessage().contains("prunable layers"), e.getMessage());

        SpecException s = assertThrows(SpecException.class, () -> EdgePopupRunner.parseKeeps("0.5,1.2"));
        assertTrue(s.getMessage().contains("(0, 1]") && s.getMessage().contains("1.2"), s.getMessage());
        s = assertThrows(SpecException.class, () -> EdgePopupRunner.parseKeeps("0"));
        assertTrue(s.getMessage().startsWith("keep: "), s.getMessage());
        s = assertThrows(SpecException.class, () -> EdgePopupRunner.parseKeeps("half"));
        assertTrue(s.getMessage().contains("'half' is not a number"), s.getMessage());
        assertThrows(SpecException.class, () -> EdgePopupRunner.parseKeeps(" , "));
        assertEquals(List.of(0.7, 0.5, 0.1), EdgePopupRunner.parseKeeps("0.1, 0.5,0.7,0.5"), "largest first, no duplicates");

        assertThrows(SpecException.class, () -> EdgePopupOptions.defaults().with("learningRate", "0"));
        assertThrows(SpecException.class, () -> EdgePopupOptions.defaults().with("momentum", "1"));
        assertThrows(SpecException.class, () -> EdgePopupOptions.defaults().with("optimizer", "rmsprop"));
        assertThrows(SpecException.class, () -> EdgePopupOptions.defaults().with("nope", "1"));

        // signed-constant weights all have the same magnitude: weight-magnitude scores would be all ties
        float[] signed = ctx.theta0();
        for (int l = 0; l < ctx.layout().size(); l++) {
            int off = (int) ctx.layout().offset(l);
            for (int j = off; j < off + ctx.layout().layers().get(l).size(); j++) {
                signed[j] = j % 2 == 0 ? 0.05f : -0.05f;
            }
        }
        EdgePopupOptions wm = EdgePopupOptions.defaults().with("scoreInit", "weight-magnitude");
        s = assertThrows(SpecException.class, () -> trainer().train(ctx.newNetwork(), signed, config(0.5, 5, wm),
                new RunGate(), new EdgePopupTrainer.Callback() { }, "test"));
        assertTrue(s.getMessage().contains("kaiming-uniform"), s.getMessage());
        assertFalse(EdgePopupOptions.defaults().toMap().isEmpty());
    }
}
