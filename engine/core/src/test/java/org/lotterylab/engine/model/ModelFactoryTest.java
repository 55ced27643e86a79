package org.lotterylab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.spec.InitKind;
import org.lotterylab.api.spec.LayerKind;
import org.lotterylab.api.spec.ModelKind;
import org.lotterylab.api.spec.OptimizerKind;
import org.lotterylab.api.spec.SpecException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ModelFactoryTest {

    private static final InputShape MNIST = new InputShape(1, 28, 28, 10);

    @Test
    void lenetHasThePapersShapes() {
        ParamLayout l = ModelFactory.layout(build(ModelKind.LENET_300_100, MNIST));
        assertEquals(List.of("fc1", "fc2", "output"), l.layers().stream().map(LayerInfo::name).toList());
        assertArrayEquals(new int[] {300, 784}, l.layers().get(0).shape());
        assertArrayEquals(new int[] {100, 300}, l.layers().get(1).shape());
        assertArrayEquals(new int[] {10, 100}, l.layers().get(2).shape());
        assertEquals(266_200, l.prunableWeights());
        assertEquals(LayerKind.OUTPUT, l.layers().get(2).kind());
    }

    @Test
    void convNetsTakeMnistAndCifarShapes() {
        ParamLayout c2 = ModelFactory.layout(build(ModelKind.CONV2, MNIST));
        assertArrayEquals(new int[] {64, 1, 3, 3}, c2.layers().get(0).shape());
        assertArrayEquals(new int[] {256, 64 * 14 * 14}, c2.layers().get(2).shape());
        ParamLayout c6 = ModelFactory.layout(build(ModelKind.CONV6, new InputShape(3, 32, 32, 10)));
        assertEquals(9, c6.size());
        assertArrayEquals(new int[] {64, 3, 3, 3}, c6.layers().get(0).shape());
        assertArrayEquals(new int[] {256, 256 * 4 * 4}, c6.layers().get(6).shape());
        ParamLayout c4 = ModelFactory.layout(build(ModelKind.CONV4, MNIST));
        assertArrayEquals(new int[] {256, 128 * 7 * 7}, c4.layers().get(4).shape());
    }

    @Test
    void tooSmallImagesAreRejectedWithAReason() {
        SpecException e = assertThrows(SpecException.class,
                () -> ModelFactory.checkInput(ModelKind.CONV6, new InputShape(1, 4, 4, 10)));
        assertEquals("model", e.field());
    }

    /** The flat segment of a layer is its weights in numpy layout: (out, in) or (out, in, kh, kw), C order. */
    @Test
    void flatSegmentsAreNumpyLayout() {
        for (ModelKind kind : new ModelKind[] {ModelKind.LENET_300_100, ModelKind.CONV2}) {
            MultiLayerNetwork net = build(kind, MNIST);
            ParamLayout layout = ModelFactory.layout(net);
            float[] flat = Initializer.draw(layout, InitKind.KAIMING_NORMAL, 3);
            net.setParams(Nd4j.createFromArray(flat));
            int layerIdx = 0;
            for (int i = 0; i < net.getnLayers(); i++) {
                if (!net.getLayer(i).paramTable().containsKey("W")) {
                    continue;
                }
                INDArray w = net.getLayer(i).getParam("W");
                LayerInfo info = layout.layers().get(layerIdx);
                int off = (int) layout.offset(layerIdx);
                int[] s = info.shape();
                if (s.length == 2) {
                    for (int o = 0; o < s[0]; o += 37) {
                        for (int in = 0; in < s[1]; in += 53) {
                            assertEquals(flat[off + o * s[1] + in], w.getFloat(in, o), 0f, info.name());
                        }
                    }
                } else {
                    for (int o = 0; o < s[0]; o += 7) {
                        for (int in = 0; in < s[1]; in += 5) {
                            int idx = ((o * s[1] + in) * s[2] + 1) * s[3] + 2;
                            assertEquals(flat[off + idx], w.getFloat(o, in, 1, 2), 0f, info.name());
                        }
                    }
                }
                layerIdx++;
            }
        }
    }

    @Test
    void initialiserScalesFollowFanIn() {
        ParamLayout layout = ModelFactory.layout(build(ModelKind.LENET_300_100, MNIST));
        float[] k = Initializer.draw(layout, InitKind.SIGNED_KAIMING_CONSTANT, 5);
        float c = (float) Math.sqrt(2.0 / 784);
        int pos = 0;
        for (int j = 0; j < layout.layers().get(0).size(); j++) {
            assertEquals(c, Math.abs(k[(int) layout.offset(0) + j]), 0f);
            pos += k[(int) layout.offset(0) + j] > 0 ? 1 : 0;
        }
        assertEquals(0.5, pos / (double) layout.layers().get(0).size(), 0.01, "random signs");
        assertArrayEquals(Initializer.draw(layout, InitKind.GLOROT_NORMAL, 5),
                Initializer.draw(layout, InitKind.GLOROT_NORMAL, 5));
    }

    /**
     * Every layer's variance: Glorot normal 2 / (fan_in + fan_out), Kaiming normal 2 / fan_in, with fan = channels
     * x receptive field for convolutions. The tolerance (6% on the smallest layer's 1,000 weights, about 2 standard
     * errors of 4.5%; 2% on the large ones) rejects a wrong factor of 2 by far. The mean is zero.
     */
    @Test
    void glorotAndKaimingNormalHaveTheirVarianceInEveryLayer() {
        for (ModelKind kind : new ModelKind[] {ModelKind.LENET_300_100, ModelKind.CONV2}) {
            ParamLayout layout = ModelFactory.layout(build(kind, MNIST));
            for (InitKind init : new InitKind[] {InitKind.GLOROT_NORMAL, InitKind.KAIMING_NORMAL}) {
                float[] w = Initializer.draw(layout, init, 9);
                for (int l = 0; l < layout.size(); l++) {
                    int[] s = layout.layers().get(l).shape();
                    int receptive = s.length == 4 ? s[2] * s[3] : 1;
                    double fanIn = s[1] * receptive;
                    double fanOut = s[0] * receptive;
                    double expected = init == InitKind.GLOROT_NORMAL ? 2 / (fanIn + fanOut) : 2 / fanIn;
                    int off = (int) layout.offset(l);
                    int n = layout.layers().get(l).size();
                    double sum = 0;
                    double sq = 0;
                    for (int j = off; j < off + n; j++) {
                        sum += w[j];
                        sq += (double) w[j] * w[j];
                    }
                    double var = sq / n;
                    double tol = n >= 20_000 ? 0.02 : n >= 5_000 ? 0.04 : 0.1;
                    String what = kind.id() + " " + init.id() + " " + layout.layers().get(l).name() + " (" + n + ")";
                    assertEquals(expected, var, tol * expected, what);
                    assertEquals(0, sum / n, 4 * Math.sqrt(expected / n), what + " mean");
                }
                for (int l = 0; l < layout.size(); l++) {
                    int b = (int) layout.biasOffset(l);
                    for (int j = b; j < b + layout.biasSize(l); j++) {
                        assertEquals(0f, w[j], 0f, "biases start at zero");
                    }
                }
            }
        }
    }

    @Test
    void layerNamesAndBiasPositionsMatchTheNetwork() {
        for (ModelKind kind : ModelKind.values()) {
            if (GraphModels.builds(kind)) {
                continue; // ResNet-20 and VGG-16: GraphModelsTest
            }
            MultiLayerNetwork net = build(kind, MNIST);
            ParamLayout layout = ModelFactory.layout(net);
            assertEquals(kind.layerNames(), layout.layers().stream().map(LayerInfo::name).toList(), kind.id());
            float[] flat = new float[(int) layout.totalParams()];
            for (int j = 0; j < flat.length; j++) {
                flat[j] = j;
            }
            net.setParams(Nd4j.createFromArray(flat));
            var biases = org.lotterylab.engine.prune.Pruner.biases(layout, flat);
            int li = 0;
            for (int i = 0; i < net.getnLayers(); i++) {
                if (!net.getLayer(i).paramTable().containsKey("W")) {
                    continue;
                }
                float[] b = net.getLayer(i).getParam("b").dup().data().asFloat();
                assertArrayEquals(b, biases.get(li).data(), 0f, kind.id() + " layer " + li);
                assertEquals(layout.layers().get(li).name() + ".bias", biases.get(li).name());
                li++;
            }
        }
    }

    private static MultiLayerNetwork build(ModelKind kind, InputShape in) {
        return ModelFactory.build(kind, in, OptimizerKind.ADAM, 1e-3, 0);
    }
}
