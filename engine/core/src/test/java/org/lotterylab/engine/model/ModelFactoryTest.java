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
        for (int j = 0; j < 1000; j++) {
            assertEquals(c, Math.abs(k[(int) layout.offset(0) + j]), 0f);
        }
        float[] g = Initializer.draw(layout, InitKind.GLOROT_NORMAL, 5);
        double sum = 0;
        int n = layout.layers().get(0).size();
        for (int j = 0; j < n; j++) {
            double v = g[(int) layout.offset(0) + j];
            sum += v * v;
        }
        assertEquals(2.0 / (784 + 300), sum / n, 2e-4);
        assertArrayEquals(g, Initializer.draw(layout, InitKind.GLOROT_NORMAL, 5));
    }

    private static MultiLayerNetwork build(ModelKind kind, InputShape in) {
        return ModelFactory.build(kind, in, OptimizerKind.ADAM, 1e-3, 0);
    }
}
