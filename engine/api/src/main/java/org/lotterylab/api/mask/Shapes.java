package org.lotterylab.api.mask;

import java.util.Arrays;

/** The one rule for a row-major tensor shape: the number of elements, and the check of an array against it. */
final class Shapes {

    private Shapes() {
    }

    /** The product of the dimensions (1 for no dimensions); a negative dimension is an IllegalArgumentException. */
    static int elements(int[] shape) {
        int n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n *= s;
        }
        return n;
    }

    /** Checks that an array of {@code length} {@code what} (e.g. "values") fills {@code shape}. */
    static void check(String name, int[] shape, int length, String what) {
        int n = elements(shape);
        if (n != length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " needs " + n + " " + what
                    + ", got " + length);
        }
    }
}
