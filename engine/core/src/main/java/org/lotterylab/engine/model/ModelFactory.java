package org.lotterylab.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.spec.LayerKind;
import org.lotterylab.api.spec.ModelKind;
import org.lotterylab.api.spec.OptimizerKind;
import org.lotterylab.api.spec.SpecException;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the networks of the lab as DL4J {@link MultiLayerNetwork}s: the small MLP, LeNet-300-100 and
 * Conv-2/4/6 (3x3 'same' convolutions with ReLU, 2x2 max pooling after each pair, then FC 256-256 and a
 * softmax output); ResNet-20 and VGG-16 are graphs ({@link GraphModels}); {@link #create} builds any of them
 * as a {@link Net}. Initial weights are not DL4J's: {@link Initializer} sets them from the seed.
 */
public final class ModelFactory {

    private ModelFactory() {
    }

    /**
     * Builds and initialises (with DL4J's own init, to be overwritten) a network.
     *
     * @param kind      architecture
     * @param input     input shape
     * @param optimizer optimiser kind
     * @param lr        learning rate
     * @param momentum  SGD momentum when > 0: heavy-ball ({@link HeavyBall}) for {@code sgd}, Nesterov for
     *                  {@code sgd-nesterov}; ignored by Adam
     */
    public static MultiLayerNetwork build(ModelKind kind, InputShape input, OptimizerKind optimizer, double lr,
                                          double momentum) {
        return build(kind, 1, input, optimizer, lr, momentum);
    }

    /**
     * As {@link #build(ModelKind, InputShape, OptimizerKind, double, double)} with every hidden layer (dense
     * units and conv filters) {@code width} times as wide; the output layer keeps one unit per class.
     *
     * @param width hidden-layer width multiplier, >= 1 (the spec's {@code width}; 1 = the model as published)
     */
    public static MultiLayerNetwork build(ModelKind kind, int width, InputShape input, OptimizerKind optimizer,
                                          double lr, double momentum) {
        if (width < 1) {
            throw new IllegalArgumentException("width multiplier must be >= 1 (got " + width + ")");
        }
        final int w = width;
        if (GraphModels.builds(kind)) {
            throw new SpecException("model", kind.id() + " is a graph network (residual adds, batch norm); this "
                    + "feature needs a layer stack: mlp-small, lenet-300-100, conv-2, conv-4 or conv-6");
        }
        checkInput(kind, input);
        IUpdater updater = updater(optimizer, lr, momentum);
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(0)
                .dataType(DataType.FLOAT)
                .updater(updater)
                .weightInit(WeightInit.XAVIER)
                .list();
        int idx = 0;
        switch (kind) {
            case MLP_SMALL -> {
                b.layer(idx++, dense(w * 100));
            }
            case LENET_300_100 -> {
                b.layer(idx++, dense(w * 300));
                b.layer(idx++, dense(w * 100));
            }
            case CONV2, CONV4, CONV6 -> {
                int blocks = kind == ModelKind.CONV2 ? 1 : kind == ModelKind.CONV4 ? 2 : 3;
                int filters = w * 64;
                for (int block = 0; block < blocks; block++) {
                    b.layer(idx++, conv(filters));
                    b.layer(idx++, conv(filters));
                    b.layer(idx++, new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                            .kernelSize(2, 2).stride(2, 2).build());
                    filters *= 2;
                }
                b.layer(idx++, dense(w * 256));
                b.layer(idx++, dense(w * 256));
            }
            default -> throw new IllegalStateException("unhandled model " + kind);
        }
        b.layer(idx, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nOut(input.classes()).activation(Activation.SOFTMAX).build());
        if (kind.convolutional()) {
            b.setInputType(InputType.convolutionalFlat(input.height(), input.width(), input.channels()));
        } else {
            b.setInputType(InputType.feedForward(input.features()));
        }
        MultiLayerConfiguration conf = b.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /**
     * Builds any model as the engine's {@link Net}: a layer stack for the MLPs and Conv-2/4/6 (exactly
     * {@link #build}), a graph for ResNet-20 and VGG-16 ({@link GraphModels}). Arguments as {@link #build}.
     */
    public static Net create(ModelKind kind, InputShape input, OptimizerKind optimizer, double lr, double momentum) {
        return create(kind, 1, input, optimizer, lr, momentum);
    }

    /**
     * As {@link #create(ModelKind, InputShape, OptimizerKind, double, double)} with the hidden layers of a layer
     * stack {@code width} times as wide; the graphs (ResNet-20, VGG-16) are built as published only.
     */
    public static Net create(ModelKind kind, int width, InputShape input, OptimizerKind optimizer, double lr,
                             double momentum) {
        if (!GraphModels.builds(kind)) {
            return Net.of(build(kind, width, input, optimizer, lr, momentum));
        }
        if (width != 1) {
            throw new SpecException("width", "the width multiplier applies to mlp-small, lenet-300-100 and "
                    + "conv-2/4/6; " + kind.id() + " is built as published (width=1)");
        }
        checkInput(kind, input);
        return GraphModels.build(kind, input, updater(optimizer, lr, momentum));
    }

    /**
     * The DL4J updater of an optimiser setting: Adam (beta1 0.9, beta2 0.999, epsilon 1e-8), SGD with Nesterov
     * momentum when {@code momentum > 0}, else plain SGD. The lean path reads its hyperparameters from here too.
     */
    public static IUpdater updater(OptimizerKind optimizer, double lr, double momentum) {
        return switch (optimizer) {
            case ADAM -> new Adam(lr, 0.9, 0.999, 1e-8);
            case SGD -> momentum > 0 ? new HeavyBall(lr, momentum) : new Sgd(lr);
            case SGD_NESTEROV -> momentum > 0 ? new Nesterovs(lr, momentum) : new Sgd(lr);
        };
    }

    /** Rejects input shapes a model cannot take, with a message that says what it needs. */
    public static void checkInput(ModelKind kind, InputShape input) {
        if (input.classes() < 2) {
            throw new SpecException("model", "needs at least 2 classes (data has " + input.classes() + ")");
        }
        if (kind.convolutional()) {
            int blocks = switch (kind) {
                case CONV2 -> 1;
                case CONV4 -> 2;
                case RESNET_20 -> 2;
                case VGG_16 -> 5;
                default -> 3;
            };
            int div = 1 << blocks;
            if (input.height() < div || input.width() < div) {
                String verb = kind == ModelKind.RESNET_20 ? " halves the image " : " pools ";
                throw new SpecException("model", kind.id() + verb + blocks + " times and needs images of at least "
                        + div + "x" + div + " pixels (data has " + input.height() + "x" + input.width() + ")");
            }
        }
    }

    /** The prunable layers of {@code net} and where their weights sit in the flat parameter vector. */
    public static ParamLayout layout(MultiLayerNetwork net) {
        List<LayerInfo> layers = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        List<Long> biasOffsets = new ArrayList<>();
        INDArray flat = net.params();
        int conv = 0;
        int fc = 0;
        int n = net.getnLayers();
        for (int i = 0; i < n; i++) {
            org.deeplearning4j.nn.api.Layer layer = net.getLayer(i);
            if (!layer.paramTable().containsKey("W")) {
                continue;
            }
            INDArray w = layer.getParam("W");
            long offset = w.offset() - flat.offset();
            long[] s = w.shape();
            Object conf = layer.conf().getLayer();
            LayerInfo info;
            if (conf instanceof org.deeplearning4j.nn.conf.layers.ConvolutionLayer) {
                info = new LayerInfo("conv" + (++conv), LayerKind.CONV,
                        new int[] {(int) s[0], (int) s[1], (int) s[2], (int) s[3]});
                if (w.ordering() != 'c') {
                    throw new IllegalStateException("conv weights expected in 'c' order");
                }
            } else if (i == n - 1) {
                info = new LayerInfo("output", LayerKind.OUTPUT, new int[] {(int) s[1], (int) s[0]});
                requireF(w);
            } else {
                info = new LayerInfo("fc" + (++fc), LayerKind.HIDDEN, new int[] {(int) s[1], (int) s[0]});
                requireF(w);
            }
            layers.add(info);
            offsets.add(offset);
            INDArray bias = layer.getParam("b");
            if (bias == null || bias.length() != info.shape()[0]) {
                throw new IllegalStateException("layer " + info.name() + " has no bias vector of " + info.shape()[0]);
            }
            biasOffsets.add(bias.offset() - flat.offset());
        }
        long[] off = new long[offsets.size()];
        long[] boff = new long[offsets.size()];
        for (int i = 0; i < off.length; i++) {
            off[i] = offsets.get(i);
            boff[i] = biasOffsets.get(i);
        }
        return new ParamLayout(layers, off, flat.length(), boff);
    }

    private static void requireF(INDArray w) {
        if (w.ordering() != 'f') {
            throw new IllegalStateException("dense weights expected in 'f' order, got " + w.ordering());
        }
    }

    private static DenseLayer dense(int nOut) {
        return new DenseLayer.Builder().nOut(nOut).activation(Activation.RELU).build();
    }

    private static ConvolutionLayer conv(int nOut) {
        return new ConvolutionLayer.Builder(3, 3).nOut(nOut).stride(1, 1)
                .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build();
    }
}
