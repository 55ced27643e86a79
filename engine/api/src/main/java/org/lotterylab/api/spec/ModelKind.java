package org.lotterylab.api.spec;

import java.util.ArrayList;
import java.util.List;

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
    CONV6("conv-6", true);

    private final String id;
    private final boolean convolutional;

    ModelKind(String id, boolean convolutional) {
        this.id = id;
        this.convolutional = convolutional;
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
            default -> 0;
        };
        int fcs = this == MLP_SMALL ? 1 : 2;
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
