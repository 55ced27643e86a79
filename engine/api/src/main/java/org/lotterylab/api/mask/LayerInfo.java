package org.lotterylab.api.mask;

import java.util.Arrays;
import org.lotterylab.api.spec.LayerKind;

/**
 * A prunable layer's weight tensor as stored and shown: numpy/PyTorch layout, row-major (C order).
 * Dense weights are {@code (out, in)}; conv kernels are {@code (out, in, kh, kw)}. The heatmap shows
 * {@link #rows()} output units by {@link #cols()} flattened inputs.
 *
 * @param name  layer name, e.g. {@code fc1}, {@code conv2}, {@code output}
 * @param kind  kind of layer (sets its layerwise pruning rate)
 * @param shape tensor shape
 */
public record LayerInfo(String name, LayerKind kind, int[] shape) {

    /** Copies the shape. */
    public LayerInfo {
        shape = shape.clone();
    }

    /** Number of weights. */
    public int size() {
        return Shapes.elements(shape);
    }

    /** Output units (first dimension). */
    public int rows() {
        return shape[0];
    }

    /** Flattened inputs per output unit. */
    public int cols() {
        return size() / shape[0];
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerInfo l && l.name.equals(name) && l.kind == kind && Arrays.equals(l.shape, shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape) + "/" + kind.id();
    }
}
