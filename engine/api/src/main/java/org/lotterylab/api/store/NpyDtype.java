package org.lotterylab.api.store;

import java.util.Locale;

/** The NumPy element types the store reads and writes, with their {@code .npy} descriptors. */
public enum NpyDtype {
    /** 32-bit float, {@code <f4}; Java {@code float[]}. */
    FLOAT32("<f4", 4),
    /** 64-bit float, {@code <f8}; Java {@code double[]}. */
    FLOAT64("<f8", 8),
    /** 32-bit signed integer, {@code <i4}; Java {@code int[]}. */
    INT32("<i4", 4),
    /** 64-bit signed integer, {@code <i8}; Java {@code long[]}. */
    INT64("<i8", 8),
    /** Unsigned byte, {@code |u1}; Java {@code byte[]} read as 0..255. */
    UINT8("|u1", 1),
    /** Boolean, one byte 0/1, {@code |b1}; Java {@code boolean[]}. */
    BOOL("|b1", 1);

    private final String descr;
    private final int itemSize;

    NpyDtype(String descr, int itemSize) {
        this.descr = descr;
        this.itemSize = itemSize;
    }

    /** The descriptor as numpy writes it, e.g. {@code <f4}. */
    public String descr() {
        return descr;
    }

    /** Bytes per element. */
    public int itemSize() {
        return itemSize;
    }

    /**
     * The dtype of a numpy descriptor. Byte order {@code <} (little), {@code |} (not applicable) and, for
     * one-byte types, any order mark are accepted.
     *
     * @throws IllegalArgumentException for big-endian or unsupported descriptors, naming what is supported
     */
    public static NpyDtype fromDescr(String descr) {
        String d = descr.trim();
        char order = d.isEmpty() ? '?' : d.charAt(0);
        String code = (order == '<' || order == '>' || order == '|' || order == '=') ? d.substring(1) : d;
        for (NpyDtype t : values()) {
            if (t.descr.substring(1).equals(code)) {
                if (order == '>' && t.itemSize > 1) {
                    throw new IllegalArgumentException("big-endian dtype '" + descr + "' is not supported; save the array"
                            + " little-endian, e.g. arr.astype('" + t.descr + "')");
                }
                if (order == '=' && t.itemSize > 1) {
                    throw new IllegalArgumentException("native-order dtype '" + descr + "' is ambiguous; use '" + t.descr + "'");
                }
                return t;
            }
        }
        StringBuilder ok = new StringBuilder();
        for (NpyDtype t : values()) {
            ok.append(ok.length() == 0 ? "" : ", ").append(t.descr);
        }
        throw new IllegalArgumentException("unsupported dtype '" + descr + "'; supported: " + ok
                + " (convert with arr.astype('" + FLOAT32.descr + "'))");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT) + "(" + descr + ")";
    }
}
