package org.lotterylab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.spec.InitKind;
import org.lotterylab.api.spec.ModelKind;
import org.lotterylab.api.spec.OptimizerKind;
import org.lotterylab.engine.prune.Pruner;
import org.lotterylab.engine.train.Dl4jBackend;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** ResNet-20 and VGG-16: architecture, layout, batch norm outside the masks, batch-norm statistics, training. */
class GraphModelsTest {

    static final InputShape CIFAR = new InputShape(3, 32, 32, 10);

    static Net net(ModelKind kind) {
        return ModelFactory.create(kind, CIFAR, OptimizerKind.SGD, 0.05, 0.9);
    }

    @Test
    void layoutNamesShapesAndBatchNormMatchOpenLth() {
        try (Net r = net(ModelKind.RESNET_20); Net v = net(ModelKind.VGG_16)) {
            ParamLayout rl = r.layout();
            assertEquals(ModelKind.RESNET_20.layerNames(), rl.layers().stream().map(LayerInfo::name).toList());
            // 432 + 6 x 2,304 + (4,608 + 5 x 9,216 + 512) + (18,432 + 5 x 36,864 + 2,048) + 640
            assertEquals(270_896, rl.prunableWeights(), "ResNet-20's 0.27M prunable weights");
            assertEquals(21, rl.batchNorms().size(), "one batch norm per convolution");
            assertEquals(List.of(32, 16, 1, 1), toList(rl.layers().get(9).shape()), "the first 1x1 shortcut");
            assertEquals(List.of(10, 64), toList(rl.layers().get(21).shape()), "FC 64 -> 10");
            for (int i = 0; i < 21; i++) {
                assertEquals(-1, rl.biasOffset(i), "ResNet convolutions have no bias");
            }
            ParamLayout vl = v.layout();
            assertEquals(ModelKind.VGG_16.layerNames(), vl.layers().stream().map(LayerInfo::name).toList());
            assertEquals(13, vl.batchNorms().size());
            // 1,728 + 36,864 + 73,728 + 147,456 + 294,912 + 2 x 589,824 + 1,179,648 + 5 x 2,359,296 + 5,120
            assertEquals(14_715_584, vl.prunableWeights(), "VGG-16's 14.7M prunable weights");
            assertEquals(List.of(10, 512), toList(vl.layers().get(13).shape()));
            for (ParamLayout l : List.of(rl, vl)) {
                assertTrue(l.layers().size() == l.size());
                assertBatchNormOutsideMasks(l);
            }
        }
    }

    /** Batch-norm entries are in no prunable segment and the flat mask of an all-pruned mask keeps them at 1. */
    static void assertBatchNormOutsideMasks(ParamLayout l) {
        boolean[][] none = Pruner.dense(l);
        for (boolean[] m : none) {
            java.util.Arrays.fill(m, false);
        }
        float[] flat = Pruner.flatMask(l, none);
        for (BatchNormSlot bn : l.batchNorms()) {
            for (long off : new long[] {bn.gammaOffset(), bn.betaOffset(), bn.meanOffset(), bn.varOffset()}) {
                for (int c = 0; c < bn.channels(); c++) {
                    assertEquals(1f, flat[(int) off + c], 0f, bn.name() + " is never masked");
                }
            }
        }
        long pruned = 0;
        for (float f : flat) {
            if (f == 0f) {
                pruned++;
            }
        }
        assertEquals(l.prunableWeights(), pruned, "a mask covers exactly the prunable weights");
    }

    @Test
    void initialiserSetsBatchNormAsOpenLth() {
        try (Net r = net(ModelKind.RESNET_20)) {
            ParamLayout l = r.layout();
            float[] w = Initializer.draw(l, InitKind.KAIMING_NORMAL, 5);
            for (BatchNormSlot bn : l.batchNorms()) {
                for (int c = 0; c < bn.channels(); c++) {
                    float g = w[(int) bn.gammaOffset() + c];
                    assertTrue(g >= 0 && g < 1, "gamma uniform in [0, 1)");
                    assertEquals(0f, w[(int) bn.betaOffset() + c], 0f);
                    assertEquals(0f, w[(int) bn.meanOffset() + c], 0f);
                    assertEquals(1f, w[(int) bn.varOffset() + c], 0f);
                }
            }
        }
    }

    @Test
    void recomputedStatisticsMakeInferenceMatchTrainingModeOnTheSameBatch() {
        try (Net r = net(ModelKind.RESNET_20)) {
            ParamLayout l = r.layout();
            float[] w = Initializer.draw(l, InitKind.KAIMING_NORMAL, 7);
            INDArray wa = Nd4j.createFromArray(w);
            r.setParams(wa);
            float[] x = pattern(8, 11);
            BatchNormStats.recompute(r, new BatchNormStats.Batches(List.of(x), 8));
            float[] after = r.params().toFloatVector();
            INDArray xa = Nd4j.create(x, new long[] {8, 3072}, 'c');
            float[] eval = r.output(xa).dup('c').data().asFloat();
            Net.Graph g = (Net.Graph) r;
            float[] train = g.net().outputSingle(true, xa).dup('c').data().asFloat();
            for (int i = 0; i < eval.length; i++) {
                assertEquals(train[i], eval[i], 2e-3, "probability " + i);
            }
            int changed = 0;
            for (BatchNormSlot bn : l.batchNorms()) {
                for (int c = 0; c < bn.channels(); c++) {
                    if (after[(int) bn.varOffset() + c] != 1f) {
                        changed++;
                    }
                    assertEquals(w[(int) bn.gammaOffset() + c], after[(int) bn.gammaOffset() + c], 0f, "gamma kept");
                }
            }
            assertTrue(changed > 100, "running variances were recomputed");
            for (int i = 0; i < l.size(); i++) {
                int off = (int) l.offset(i);
                for (int j = 0; j < l.layers().get(i).size(); j++) {
                    assertEquals(w[off + j], after[off + j], 0f, "weights untouched");
                }
            }
        }
    }

    @Test
    void aFewStepsOnALearnablePatternReduceTheLoss() {
        for (ModelKind kind : List.of(ModelKind.RESNET_20, ModelKind.VGG_16)) {
            try (Dl4jBackend b = new Dl4jBackend(() -> net(kind))) {
                ParamLayout l = b.network().layout();
                b.load(Initializer.draw(l, InitKind.KAIMING_NORMAL, 3));
                float[] x = pattern(2, 2);
                float[] y = new float[2 * 10];
                for (int i = 0; i < 2; i++) {
                    y[i * 10 + i] = 1f;
                }
                List<Double> losses = new ArrayList<>();
                for (int s = 0; s < 5; s++) {
                    losses.add(b.step(x, y, 2));
                }
                assertTrue(losses.get(4) < 0.7 * losses.get(0), kind.id() + " losses " + losses);
            }
        }
    }

    /** {@code n} images like {@link org.lotterylab.engine.testdata.TinyCifar}'s, classes 0..n-1, scaled to [0, 1]. */
    static float[] pattern(int n, long seed) {
        java.util.Random rng = new java.util.Random(seed);
        float[] x = new float[n * 3072];
        for (int i = 0; i < n; i++) {
            int by = (i / 4) * 8 + 4;
            int bx = (i % 4) * 8;
            for (int c = 0; c < 3; c++) {
                for (int yy = 0; yy < 32; yy++) {
                    for (int xx = 0; xx < 32; xx++) {
                        float v = rng.nextInt(60);
                        if (c == i % 3 && yy >= by && yy < by + 8 && xx >= bx && xx < bx + 8) {
                            v += 170;
                        }
                        x[i * 3072 + c * 1024 + yy * 32 + xx] = v / 255f;
                    }
                }
            }
        }
        return x;
    }

    private static List<Integer> toList(int[] a) {
        List<Integer> out = new ArrayList<>();
        for (int v : a) {
            out.add(v);
        }
        return out;
    }
}
