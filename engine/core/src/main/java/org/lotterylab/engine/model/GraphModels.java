package org.lotterylab.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.spec.LayerKind;
import org.lotterylab.api.spec.ModelKind;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * ResNet-20 and VGG-16 for CIFAR-10 as DL4J {@link ComputationGraph}s, built as open_lth's
 * {@code cifar_resnet_20} and {@code cifar_vgg_16} (see {@link ModelKind}). 3x3 convolutions pad by 1 on every
 * side (as PyTorch's {@code padding=1}; a stride-2 3x3 conv halves the image exactly as there), batch norm
 * keeps its running variance as a variance ({@code useLogStd(false)}) with epsilon 1e-5 and a moving-average
 * decay of 0.9 (PyTorch's defaults, momentum 0.1).
 *
 * <p>The prunable vertices are named {@code conv1..convN} and {@code output} in network order (for ResNet-20
 * each block's two convolutions, then its shortcut convolution when it has one), the names
 * {@link ModelKind#layerNames} gives; batch-norm vertices are {@code bn1..bnM}.
 */
public final class GraphModels {

    /** Batch-norm epsilon (PyTorch's default). */
    public static final double BN_EPS = 1e-5;
    /** Batch-norm moving-average decay: running = decay * running + (1 - decay) * batch (PyTorch momentum 0.1). */
    public static final double BN_DECAY = 0.9;

    private GraphModels() {
    }

    /** Whether {@code kind} is built here (as a graph) rather than as a layer stack. */
    public static boolean builds(ModelKind kind) {
        return kind == ModelKind.RESNET_20 || kind == ModelKind.VGG_16;
    }

    /** Builds and initialises (DL4J's init, to be overwritten by {@link Initializer}) a graph model. */
    static Net.Graph build(ModelKind kind, InputShape input, IUpdater updater) {
        Builder b = new Builder(updater, input);
        switch (kind) {
            case RESNET_20 -> b.resnet(new int[] {16, 32, 64}, 3);
            case VGG_16 -> b.vgg(new int[][] {{64, 64}, {128, 128}, {256, 256, 256}, {512, 512, 512}, {512, 512, 512}});
            default -> throw new IllegalArgumentException(kind.id() + " is not a graph model");
        }
        return b.finish(input.classes());
    }

    /** The layout of a graph model: prunable layers, their biases (if any) and batch-norm slots. */
    static ParamLayout layout(Net.Graph g) {
        ComputationGraph net = g.net();
        INDArray flat = net.params();
        List<LayerInfo> layers = new ArrayList<>();
        long[] off = new long[g.prunable().size()];
        long[] boff = new long[g.prunable().size()];
        for (int i = 0; i < g.prunable().size(); i++) {
            String name = g.prunable().get(i);
            org.deeplearning4j.nn.api.Layer layer = net.getLayer(name);
            INDArray w = layer.getParam("W");
            long[] s = w.shape();
            if (s.length == 4) {
                if (w.ordering() != 'c') {
                    throw new IllegalStateException("conv weights expected in 'c' order");
                }
                layers.add(new LayerInfo(name, LayerKind.CONV, new int[] {(int) s[0], (int) s[1], (int) s[2], (int) s[3]}));
            } else {
                if (w.ordering() != 'f') {
                    throw new IllegalStateException("dense weights expected in 'f' order");
                }
                layers.add(new LayerInfo(name, name.equals("output") ? LayerKind.OUTPUT : LayerKind.HIDDEN,
                        new int[] {(int) s[1], (int) s[0]}));
            }
            off[i] = w.offset() - flat.offset();
            INDArray bias = layer.paramTable().get("b");
            boff[i] = bias == null ? -1 : bias.offset() - flat.offset();
        }
        List<BatchNormSlot> bns = new ArrayList<>();
        for (String name : g.batchNorms()) {
            org.deeplearning4j.nn.api.Layer layer = net.getLayer(name);
            INDArray gamma = layer.getParam("gamma");
            bns.add(new BatchNormSlot(name, (int) gamma.length(), gamma.offset() - flat.offset(),
                    layer.getParam("beta").offset() - flat.offset(), layer.getParam("mean").offset() - flat.offset(),
                    layer.getParam("var").offset() - flat.offset()));
        }
        return new ParamLayout(layers, off, flat.length(), boff, bns);
    }

    /** Adds vertices in order, naming convolutions and batch norms as they come. */
    private static final class Builder {
        private final ComputationGraphConfiguration.GraphBuilder gb;
        private final List<String> prunable = new ArrayList<>();
        private final List<String> batchNorms = new ArrayList<>();
        private int others;
        private String last = "input";

        Builder(IUpdater updater, InputShape input) {
            gb = new NeuralNetConfiguration.Builder()
                    .seed(0)
                    .dataType(DataType.FLOAT)
                    .updater(updater)
                    .weightInit(WeightInit.XAVIER)
                    .graphBuilder()
                    .addInputs("input")
                    .setInputTypes(InputType.convolutionalFlat(input.height(), input.width(), input.channels()));
        }

        /** conv (k x k, pad k/2, given stride, bias or not) from {@code from}; returns its name. */
        String conv(String from, int filters, int k, int stride, boolean bias) {
            String name = "conv" + (prunable.size() + 1);
            gb.addLayer(name, new ConvolutionLayer.Builder(k, k).nOut(filters).stride(stride, stride)
                    .padding(k / 2, k / 2).convolutionMode(ConvolutionMode.Truncate).hasBias(bias)
                    .activation(Activation.IDENTITY).build(), from);
            prunable.add(name);
            return name;
        }

        String bn(String from) {
            String name = "bn" + (batchNorms.size() + 1);
            gb.addLayer(name, new BatchNormalization.Builder().useLogStd(false).eps(BN_EPS).decay(BN_DECAY).build(),
                    from);
            batchNorms.add(name);
            return name;
        }

        String relu(String from) {
            String name = "relu" + (++others);
            gb.addLayer(name, new ActivationLayer.Builder().activation(Activation.RELU).build(), from);
            return name;
        }

        void resnet(int[] stageFilters, int blocksPerStage) {
            String x = relu(bn(conv(last, stageFilters[0], 3, 1, false)));
            int current = stageFilters[0];
            for (int s = 0; s < stageFilters.length; s++) {
                for (int blk = 0; blk < blocksPerStage; blk++) {
                    int f = stageFilters[s];
                    boolean down = s > 0 && blk == 0;
                    int stride = down ? 2 : 1;
                    String a = relu(bn(conv(x, f, 3, stride, false)));
                    String bOut = bn(conv(a, f, 3, 1, false));
                    String shortcut = x;
                    if (down || current != f) {
                        shortcut = bn(conv(x, f, 1, 2, false));
                    }
                    String add = "add" + (++others);
                    gb.addVertex(add, new ElementWiseVertex(ElementWiseVertex.Op.Add), bOut, shortcut);
                    x = relu(add);
                    current = f;
                }
            }
            gb.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), x);
            last = "pool";
        }

        void vgg(int[][] stages) {
            String x = last;
            for (int s = 0; s < stages.length; s++) {
                for (int f : stages[s]) {
                    x = relu(bn(conv(x, f, 3, 1, true)));
                }
                String pool = "pool" + (s + 1);
                boolean lastStage = s == stages.length - 1;
                gb.addLayer(pool, new SubsamplingLayer.Builder(lastStage ? SubsamplingLayer.PoolingType.AVG
                        : SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build(), x);
                x = pool;
            }
            last = x;
        }

        Net.Graph finish(int classes) {
            gb.addLayer("output", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes)
                    .activation(Activation.SOFTMAX).build(), last);
            prunable.add("output");
            gb.setOutputs("output");
            ComputationGraph net = new ComputationGraph(gb.build());
            net.init();
            return new Net.Graph(net, prunable, batchNorms);
        }
    }
}
