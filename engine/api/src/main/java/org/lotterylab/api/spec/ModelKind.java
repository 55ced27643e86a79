package org.lotterylab.api.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Network architectures the engine can build. */
public enum ModelKind implements Choice {
    /** A small fully connected net (784-100-10 on MNIST) for fast demos and tests. */
    MLP_SMALL("mlp-small", false),
    /** LeNet-300-100 of Frankle and Carbin (784-300-100-10). */
    LENET_300_100("lenet-300-100", false),
    /** Conv-2 of Frankle and Carbin: 2 conv (64), pool, FC 256-256-10. */
    CONV2("conv-2", true),
    /** Conv-4: 2x(2 conv, pool) with 64, 128 filters, FC 256-256-10. */
    CONV4("conv-4", true),
    /** Conv-6: 3x(2 conv, pool) with 64, 128, 256 filters, FC 256-256-10. */
    CONV6("conv-6", true),
    /**
     * open_lth's {@code cifar_resnet_20}: a 3x3 conv (16) with batch norm, 3 stages of 3 basic residual blocks
     * (16, 32, 64 filters; the first block of stages 2 and 3 halves the image with stride 2 and has a 1x1
     * stride-2 conv with batch norm on its shortcut), global average pooling and FC 10. Convolutions have no
     * biases (batch norm follows each). Prunable: the 21 convolutions (each block's two, then its shortcut) and
     * the output layer.
     */
    RESNET_20("resnet-20", true),
    /**
     * open_lth's {@code cifar_vgg_16}: 13 3x3 convs with biases, each followed by batch norm and ReLU, in 5
     * stages of 64, 128, 256, 512, 512 filters (2, 2, 3, 3, 3 convs) with 2x2 max pooling between stages and 2x2
     * average pooling after the last, then FC 10 (needs 32x32 images). Prunable: the 13 convs and the output.
     */
    VGG_16("vgg-16", true);

    private final String id;
    private final boolean convolutional;

    ModelKind(String id, boolean convolutional) {
        this.id = id;
        this.convolutional = convolutional;
    }

    /**
     * Spec fields whose default depends on the model (canonical strings), applied where a spec does not set
     * them ({@link ExperimentSpec#fromMap}, {@link ExperimentSpec#with(Map)}). As open_lth's defaults: ResNet-20
     * prunes globally over every layer, output included; VGG-16 globally with the output layer ignored. The
     * other models take the fields' own defaults.
     */
    public Map<String, String> fieldDefaults() {
        return switch (this) {
            case RESNET_20 -> Map.of("pruning", "global", "globalIgnore", "");
            case VGG_16 -> Map.of("pruning", "global");
            default -> Map.of();
        };
    }

    /** Whether the model has batch-norm layers (their statistics are recomputed before evaluating interpolations). */
    public boolean batchNorm() {
        return this == RESNET_20 || this == VGG_16;
    }

    @Override
    public String id() {
        return id;
    }

    /**
     * The names of the prunable layers in network order, as in {@code layers.csv}: {@code conv1..convN}, then
     * {@code fc1..fcM}, then {@code output}. The engine names its layers by the same rule (tested).
     */
    public List<String> layerNames() {
        int convs = switch (this) {
            case CONV2 -> 2;
            case CONV4 -> 4;
            case CONV6 -> 6;
            case RESNET_20 -> 21;
            case VGG_16 -> 13;
            default -> 0;
        };
        int fcs = switch (this) {
            case MLP_SMALL -> 1;
            case RESNET_20, VGG_16 -> 0;
            default -> 2;
        };
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= convs; i++) {
            names.add("conv" + i);
        }
        for (int i = 1; i <= fcs; i++) {
            names.add("fc" + i);
        }
        names.add("output");
        return List.copyOf(names);
    }

    /** Whether the model has convolutional layers. */
    public boolean convolutional() {
        return convolutional;
    }
}
