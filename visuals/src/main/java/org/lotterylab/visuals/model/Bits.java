package org.lotterylab.visuals.model;

/** Packs {@code boolean[]} masks into {@code long[]} bitsets (1 bit per weight) and reads them back. */
public final class Bits {
    private Bits() {
    }

    /** Packs {@code keep} into a bitset of {@code ceil(n / 64)} words. */
    public static long[] pack(boolean[] keep) {
        long[] bits = new long[(keep.length + 63) >>> 6];
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                bits[i >>> 6] |= 1L << i;
            }
        }
        return bits;
    }

    /** A bitset with the first {@code n} bits set. */
    public static long[] allSet(int n) {
        long[] bits = new long[(n + 63) >>> 6];
        for (int i = 0; i < n; i++) {
            bits[i >>> 6] |= 1L << i;
        }
        return bits;
    }

    /** Unpacks the first {@code n} bits. */
    public static boolean[] unpack(long[] bits, int n) {
        boolean[] keep = new boolean[n];
        for (int i = 0; i < n; i++) {
            keep[i] = get(bits, i);
        }
        return keep;
    }

    /** Bit {@code i}. */
    public static boolean get(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << i)) != 0;
    }

    /** Number of set bits. */
    public static int count(long[] bits) {
        int c = 0;
        for (long w : bits) {
            c += Long.bitCount(w);
        }
        return c;
    }
}
