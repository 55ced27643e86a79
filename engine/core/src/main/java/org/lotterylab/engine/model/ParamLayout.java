package org.lotterylab.engine.model;

import java.util.List;
import org.lotterylab.api.mask.LayerInfo;

/**
 * Where each prunable layer's weights sit in the network's flat parameter vector. DL4J stores dense
 * weights as an 'f'-ordered [nIn, nOut] view and conv kernels as a 'c'-ordered [out, in, kh, kw] view, so
 * in both cases the flat segment is already in numpy layout ((out, in) and (out, in, kh, kw), C order).
 *
 * <p>Each layer's biases (one per output unit or filter, {@code shape[0]} values) sit at
 * {@link #biasOffset(int)}, or nowhere ({@code -1}) for a layer without biases (ResNet-20's convolutions,
 * which batch norm follows) and in layouts built without them (tests).
 *
 * <p>Batch-norm layers ({@link #batchNorms()}; ResNet-20, VGG-16) are never prunable: their scale, shift and
 * running statistics are outside every mask (the flat mask is 1 there).
 *
 * @param layers       prunable layers, in network order
 * @param offsets      start of each layer's weights in the flat parameter vector
 * @param totalParams  length of the flat parameter vector (weights, biases, everything)
 * @param biasOffsets  start of each layer's biases in the flat parameter vector, -1 when none or unknown
 * @param batchNorms   the batch-norm layers, in network order (empty for models without batch norm)
 */
public record ParamLayout(List<LayerInfo> layers, long[] offsets, long totalParams, long[] biasOffsets,
                          List<BatchNormSlot> batchNorms) {

    /** Copies inputs. */
    public ParamLayout {
        layers = List.copyOf(layers);
        offsets = offsets.clone();
        biasOffsets = biasOffsets.clone();
        batchNorms = List.copyOf(batchNorms);
        if (biasOffsets.length != layers.size() || offsets.length != layers.size()) {
            throw new IllegalArgumentException(layers.size() + " layers, " + offsets.length + " weight offsets, "
                    + biasOffsets.length + " bias offsets");
        }
    }

    /** A layout without batch norm. */
    public ParamLayout(List<LayerInfo> layers, long[] offsets, long totalParams, long[] biasOffsets) {
        this(layers, offsets, totalParams, biasOffsets, List.of());
    }

    /** A layout without bias positions. */
    public ParamLayout(List<LayerInfo> layers, long[] offsets, long totalParams) {
        this(layers, offsets, totalParams, noBiases(layers.size()), List.of());
    }

    private static long[] noBiases(int n) {
        long[] b = new long[n];
        java.util.Arrays.fill(b, -1);
        return b;
    }

    /** Offset of layer {@code i}'s biases, or -1 when it has none or the layout does not know them. */
    public long biasOffset(int i) {
        return biasOffsets[i];
    }

    /** Number of biases of layer {@code i}: one per output unit or filter. */
    public int biasSize(int i) {
        return layers.get(i).shape()[0];
    }

    @Override
    public long[] biasOffsets() {
        return biasOffsets.clone();
    }

    /** Offset of layer {@code i}'s weights. */
    public long offset(int i) {
        return offsets[i];
    }

    /** Whether the network has batch-norm layers. */
    public boolean hasBatchNorm() {
        return !batchNorms.isEmpty();
    }

    /** Number of prunable layers. */
    public int size() {
        return layers.size();
    }

    /** Total number of prunable weights. */
    public long prunableWeights() {
        long n = 0;
        for (LayerInfo l : layers) {
            n += l.size();
        }
        return n;
    }

    /** Index of the layer named {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public long[] offsets() {
        return offsets.clone();
    }
}
