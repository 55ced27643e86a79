package org.lotterylab.api.store;

import java.util.Arrays;
import java.util.Objects;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.Tensor;

/**
 * One named n-dimensional array as stored in a {@code .npy} file or an {@code .npz} entry: name, dtype,
 * shape (row-major, C order) and a typed payload. Instances are immutable: factories and accessors copy.
 * The {@code asXxx()} accessors convert between element types where that is exact enough to be useful,
 * and otherwise fail with an {@link IllegalStateException} naming the array.
 */
public final class NpyArray {

    private final String name;
    private final NpyDtype dtype;
    private final int[] shape;
    private final Object data;

    private NpyArray(String name, NpyDtype dtype, int[] shape, Object data, int length) {
        this.name = Objects.requireNonNull(name, "name");
        this.dtype = dtype;
        this.shape = shape.clone();
        this.data = data;
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException(name + ": negative dimension in shape " + Arrays.toString(shape));
            }
            n *= s;
        }
        if (n != length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " needs " + n
                    + " values, got " + length);
        }
    }

    /** Wraps already-owned data without copying (readers). */
    static NpyArray wrap(String name, NpyDtype dtype, int[] shape, Object data) {
        return new NpyArray(name, dtype, shape, data, java.lang.reflect.Array.getLength(data));
    }

    /** A {@code <f4} array. */
    public static NpyArray ofFloats(String name, int[] shape, float[] data) {
        return new NpyArray(name, NpyDtype.FLOAT32, shape, data.clone(), data.length);
    }

    /** A {@code <f8} array. */
    public static NpyArray ofDoubles(String name, int[] shape, double[] data) {
        return new NpyArray(name, NpyDtype.FLOAT64, shape, data.clone(), data.length);
    }

    /** An {@code <i4} array. */
    public static NpyArray ofInts(String name, int[] shape, int[] data) {
        return new NpyArray(name, NpyDtype.INT32, shape, data.clone(), data.length);
    }

    /** An {@code <i8} array. */
    public static NpyArray ofLongs(String name, int[] shape, long[] data) {
        return new NpyArray(name, NpyDtype.INT64, shape, data.clone(), data.length);
    }

    /** A {@code |u1} array; each byte is read as an unsigned value 0..255. */
    public static NpyArray ofUnsignedBytes(String name, int[] shape, byte[] data) {
        return new NpyArray(name, NpyDtype.UINT8, shape, data.clone(), data.length);
    }

    /** A {@code |b1} array. */
    public static NpyArray ofBooleans(String name, int[] shape, boolean[] data) {
        return new NpyArray(name, NpyDtype.BOOL, shape, data.clone(), data.length);
    }

    /** The tensor as a {@code <f4} array with the tensor's name and shape. */
    public static NpyArray of(Tensor t) {
        return new NpyArray(t.name(), NpyDtype.FLOAT32, t.shape(), t.data().clone(), t.data().length);
    }

    /** The mask as a {@code |b1} array with the mask's name and shape. */
    public static NpyArray of(Mask m) {
        return new NpyArray(m.name(), NpyDtype.BOOL, m.shape(), m.keep().clone(), m.keep().length);
    }

    /** The array name (the {@code .npz} entry name without {@code .npy}). */
    public String name() {
        return name;
    }

    /** The element type. */
    public NpyDtype dtype() {
        return dtype;
    }

    /** The shape; empty for a scalar. */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of elements (1 for a scalar). */
    public int size() {
        return java.lang.reflect.Array.getLength(data);
    }

    /** A copy with another name. */
    public NpyArray withName(String newName) {
        return new NpyArray(newName, dtype, shape, data, size());
    }

    /** Values as floats; every dtype converts ({@code <f8} and 64-bit integers may round, booleans give 0/1). */
    public float[] asFloats() {
        if (data instanceof float[] f) {
            return f.clone();
        }
        int n = size();
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) doubleAt(i);
        }
        return out;
    }

    /** Values as doubles; every dtype converts (booleans give 0/1). */
    public double[] asDoubles() {
        if (data instanceof double[] d) {
            return d.clone();
        }
        int n = size();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = doubleAt(i);
        }
        return out;
    }

    /**
     * Values as ints: integer and boolean dtypes convert; {@code <i8} values must fit in 32 bits.
     *
     * @throws IllegalStateException for float dtypes or out-of-range values
     */
    public int[] asInts() {
        if (data instanceof int[] a) {
            return a.clone();
        }
        if (dtype == NpyDtype.FLOAT32 || dtype == NpyDtype.FLOAT64) {
            throw new IllegalStateException("array '" + name + "' has dtype " + dtype.descr() + "; cannot read it as integers");
        }
        int n = size();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            long v = longAt(i);
            if (v != (int) v) {
                throw new IllegalStateException("array '" + name + "' holds " + v + " at index " + i + ", outside the int range");
            }
            out[i] = (int) v;
        }
        return out;
    }

    /**
     * Values as longs: integer and boolean dtypes convert.
     *
     * @throws IllegalStateException for float dtypes
     */
    public long[] asLongs() {
        if (dtype == NpyDtype.FLOAT32 || dtype == NpyDtype.FLOAT64) {
            throw new IllegalStateException("array '" + name + "' has dtype " + dtype.descr() + "; cannot read it as integers");
        }
        int n = size();
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = longAt(i);
        }
        return out;
    }

    /**
     * Values as booleans: {@code |b1} directly; numeric dtypes only when every value is 0 or 1 (as masks
     * saved as uint8 or float are).
     *
     * @throws IllegalStateException naming the array, index and value when a value is neither 0 nor 1
     */
    public boolean[] asBooleans() {
        if (data instanceof boolean[] b) {
            return b.clone();
        }
        int n = size();
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            double v = doubleAt(i);
            if (v == 1) {
                out[i] = true;
            } else if (v != 0) {
                throw new IllegalStateException("array '" + name + "' (" + dtype.descr() + ") holds " + valueString(i)
                        + " at index " + i + "; a boolean/mask array may hold only 0 and 1");
            }
        }
        return out;
    }

    /** The array as a float32 tensor (see {@link #asFloats()}). */
    public Tensor toTensor() {
        return new Tensor(name, shape, asFloats());
    }

    /** The array as a mask (see {@link #asBooleans()}). */
    public Mask toMask() {
        return new Mask(name, shape, asBooleans());
    }

    /** The payload without copying (package use: writers). */
    Object rawData() {
        return data;
    }

    private double doubleAt(int i) {
        return switch (dtype) {
            case FLOAT32 -> ((float[]) data)[i];
            case FLOAT64 -> ((double[]) data)[i];
            case INT32 -> ((int[]) data)[i];
            case INT64 -> ((long[]) data)[i];
            case UINT8 -> ((byte[]) data)[i] & 0xff;
            case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
        };
    }

    private long longAt(int i) {
        return switch (dtype) {
            case INT32 -> ((int[]) data)[i];
            case INT64 -> ((long[]) data)[i];
            case UINT8 -> ((byte[]) data)[i] & 0xff;
            case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
            default -> throw new IllegalStateException("not an integer dtype: " + dtype);
        };
    }

    private String valueString(int i) {
        return switch (dtype) {
            case INT32, INT64, UINT8, BOOL -> Long.toString(longAt(i));
            default -> Double.toString(doubleAt(i));
        };
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NpyArray a) || !a.name.equals(name) || a.dtype != dtype || !Arrays.equals(a.shape, shape)) {
            return false;
        }
        return switch (dtype) {
            case FLOAT32 -> Arrays.equals((float[]) data, (float[]) a.data);
            case FLOAT64 -> Arrays.equals((double[]) data, (double[]) a.data);
            case INT32 -> Arrays.equals((int[]) data, (int[]) a.data);
            case INT64 -> Arrays.equals((long[]) data, (long[]) a.data);
            case UINT8 -> Arrays.equals((byte[]) data, (byte[]) a.data);
            case BOOL -> Arrays.equals((boolean[]) data, (boolean[]) a.data);
        };
    }

    @Override
    public int hashCode() {
        return (name.hashCode() * 31 + dtype.hashCode()) * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "NpyArray[" + name + " " + dtype.descr() + " " + Npy.shapeRepr(shape) + "]";
    }
}
