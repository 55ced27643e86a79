package org.lotterylab.api.mask;

import java.util.Arrays;

/**
 * A layer's pruning mask: {@code true} = weight kept. Row-major, same layout as the layer's {@link Tensor}.
 *
 * @param name  layer name
 * @param shape shape of the layer's weight tensor
 * @param keep  kept flags
 */
public record Mask(String name, int[] shape, boolean[] keep) {

    /** Checks the length against the shape. */
    public Mask {
        Shapes.check(name, shape, keep.length, "flags");
        shape = shape.clone();
    }

    /** A mask that keeps everything. */
    public static Mask dense(String name, int[] shape) {
        boolean[] k = new boolean[Shapes.elements(shape)];
        Arrays.fill(k, true);
        return new Mask(name, shape, k);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Number of weights. */
    public int size() {
        return keep.length;
    }

    /** Number of kept weights. */
    public int kept() {
        int c = 0;
        for (boolean b : keep) {
            if (b) {
                c++;
            }
        }
        return c;
    }

    /** Fraction of weights remaining (kept / size). */
    public double fractionRemaining() {
        return keep.length == 0 ? 1.0 : kept() / (double) keep.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mask m && m.name.equals(name) && Arrays.equals(m.shape, shape) && Arrays.equals(m.keep, keep);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(keep);
    }

    @Override
    public String toString() {
        return "Mask[" + name + Arrays.toString(shape) + " kept " + kept() + "/" + size() + "]";
    }
}
