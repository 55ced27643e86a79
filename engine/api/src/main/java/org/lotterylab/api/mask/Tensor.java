package org.lotterylab.api.mask;

import java.util.Arrays;

/**
 * A named float32 tensor, row-major (C order), as written to {@code .npy}/{@code .npz}. A plain copy:
 * never a view of live engine arrays.
 *
 * @param name  array name
 * @param shape shape
 * @param data  values, length = product of shape
 */
public record Tensor(String name, int[] shape, float[] data) {

    /** Checks that the data length matches the shape. */
    public Tensor {
        Shapes.check(name, shape, data.length, "values");
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Number of values. */
    public int size() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && t.name.equals(name) && Arrays.equals(t.shape, shape) && Arrays.equals(t.data, data);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Tensor[" + name + Arrays.toString(shape) + "]";
    }
}
