package org.lotterylab.api.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.Tensor;

class NpyTest {

    @TempDir
    Path tmp;

    /** Header of a (2, 3) float32 array, computed by hand from the .npy 1.0 spec. */
    @Test
    void goldenHeaderForFloat32TwoByThree() {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"; // 59 chars
        assertEquals(59, dict.length());
        // magic(6) + version(2) + length(2) + dict(59) + '\n'(1) = 70 -> pad 58 spaces -> 128 bytes, HEADER_LEN = 118
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0});
        expected.writeBytes(dict.getBytes(StandardCharsets.US_ASCII));
        expected.writeBytes(" ".repeat(58).getBytes(StandardCharsets.US_ASCII));
        expected.write('\n');
        byte[] header = Npy.header(NpyDtype.FLOAT32, new int[] {2, 3});
        assertEquals(128, header.length);
        assertArrayEquals(expected.toByteArray(), header);

        byte[] all = Npy.toBytes(NpyArray.ofFloats("x", new int[] {2, 3}, new float[] {1f, -2f, 0.5f, 0f, 3f, -0.25f}));
        assertEquals(128 + 24, all.length);
        // 1.0f = 0x3f800000, -2.0f = 0xc0000000, 0.5f = 0x3f000000, little-endian
        assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3f, 0, 0, 0, (byte) 0xc0, 0, 0, 0, 0x3f},
                Arrays.copyOfRange(all, 128, 140));
    }

    @Test
    void headersAreAlignedTo64AndEndWithNewline() {
        int[][] shapes = {{}, {0}, {5}, {300, 784}, {64, 64, 3, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}};
        for (NpyDtype t : NpyDtype.values()) {
            for (int[] s : shapes) {
                byte[] h = Npy.header(t, s);
                assertEquals(0, h.length % 64, Arrays.toString(s));
                assertEquals('\n', h[h.length - 1]);
                assertEquals(h.length - 10, (h[8] & 0xff) | (h[9] & 0xff) << 8);
                String text = new String(h, 10, h.length - 10, StandardCharsets.US_ASCII);
                assertTrue(text.startsWith("{'descr': '" + t.descr() + "', 'fortran_order': False, 'shape': "
                        + Npy.shapeRepr(s) + ", }"), text);
            }
        }
        assertEquals("()", Npy.shapeRepr(new int[0]));
        assertEquals("(7,)", Npy.shapeRepr(new int[] {7}));
        assertEquals("(300, 784)", Npy.shapeRepr(new int[] {300, 784}));
    }

    @Test
    void roundTripsEveryDtype() throws IOException {
        NpyArray[] arrays = {
            NpyArray.ofFloats("f", new int[] {2, 3}, new float[] {1.5f, -0f, Float.NaN, Float.MAX_VALUE, -1e-30f, 7f}),
            NpyArray.ofDoubles("d", new int[] {3}, new double[] {0.1, -1e300, Double.NEGATIVE_INFINITY}),
            NpyArray.ofInts("i", new int[] {2, 2}, new int[] {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE}),
            NpyArray.ofLongs("l", new int[] {2}, new long[] {Long.MIN_VALUE, 9007199254740993L}),
            NpyArray.ofUnsignedBytes("u", new int[] {3}, new byte[] {0, 1, (byte) 255}),
            NpyArray.ofBooleans("b", new int[] {1, 2, 2}, new boolean[] {true, false, false, true}),
            NpyArray.ofFloats("scalar", new int[0], new float[] {4.5f}),
            NpyArray.ofFloats("empty", new int[] {0, 3}, new float[0]),
        };
        for (NpyArray a : arrays) {
            NpyArray back = Npy.read(new ByteArrayInputStream(Npy.toBytes(a)), a.name(), "mem");
            assertEquals(a, back, a.toString());
            Path f = tmp.resolve(a.name() + ".npy");
            Npy.write(f, a);
            assertEquals(a, Npy.read(f));
        }
    }

    @Test
    void roundTripsLargeArraysAcrossChunks() throws IOException {
        float[] data = new float[300 * 784];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) Math.sin(i);
        }
        NpyArray a = NpyArray.ofFloats("fc1", new int[] {300, 784}, data);
        byte[] bytes = Npy.toBytes(a);
        assertEquals(128 + data.length * 4L, bytes.length);
        assertArrayEquals(data, Npy.read(new ByteArrayInputStream(bytes), "fc1", "mem").asFloats());
        boolean[] keep = new boolean[100_003];
        for (int i = 0; i < keep.length; i += 3) {
            keep[i] = true;
        }
        NpyArray m = NpyArray.of(new Mask("m", new int[] {keep.length}, keep));
        assertArrayEquals(keep, Npy.read(new ByteArrayInputStream(Npy.toBytes(m)), "m", "mem").asBooleans());
    }

    @Test
    void tensorAndMaskConversions() {
        Tensor t = new Tensor("fc1", new int[] {2, 2}, new float[] {1, 2, 3, 4});
        assertEquals(t, NpyArray.of(t).toTensor());
        Mask m = new Mask("fc1", new int[] {2, 2}, new boolean[] {true, false, true, true});
        assertEquals(m, NpyArray.of(m).toMask());
        assertArrayEquals(new boolean[] {false, true, true}, NpyArray.ofUnsignedBytes("u", new int[] {3},
                new byte[] {0, 1, 1}).asBooleans());
        assertArrayEquals(new boolean[] {true, false}, NpyArray.ofFloats("f", new int[] {2}, new float[] {1, 0}).asBooleans());
        assertArrayEquals(new float[] {1, 0, 1, 1}, NpyArray.of(m).asFloats());
        assertArrayEquals(new int[] {255}, NpyArray.ofUnsignedBytes("u", new int[] {1}, new byte[] {-1}).asInts());

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NpyArray.ofFloats("fc2", new int[] {3}, new float[] {0, 1, 0.5f}).asBooleans());
        assertTrue(e.getMessage().contains("fc2") && e.getMessage().contains("index 2") && e.getMessage().contains("0.5"),
                e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> NpyArray.ofFloats("w", new int[] {1}, new float[] {1}).asInts());
        assertTrue(e.getMessage().contains("'w'") && e.getMessage().contains("<f4"), e.getMessage());
        e = assertThrows(IllegalStateException.class,
                () -> NpyArray.ofLongs("big", new int[] {1}, new long[] {1L << 40}).asInts());
        assertTrue(e.getMessage().contains("big"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NpyArray.ofFloats("x", new int[] {2, 2}, new float[3]));
    }

    @Test
    void rejectsWrongMagic() {
        byte[] bytes = Npy.toBytes(NpyArray.ofFloats("x", new int[] {1}, new float[] {1}));
        bytes[1] = 'X';
        IOException e = assertThrows(IOException.class, () -> Npy.read(new ByteArrayInputStream(bytes), "x", "a.npy"));
        assertTrue(e.getMessage().startsWith("a.npy: not a .npy array"), e.getMessage());
        IOException tiny = assertThrows(IOException.class,
                () -> Npy.read(new ByteArrayInputStream(new byte[] {1, 2}), "x", "b.npy"));
        assertTrue(tiny.getMessage().contains("b.npy"), tiny.getMessage());
    }

    @Test
    void rejectsTruncatedDataNamingSourceArrayAndByteCounts() throws IOException {
        byte[] bytes = Npy.toBytes(NpyArray.ofFloats("fc1", new int[] {2, 3}, new float[6]));
        Path f = tmp.resolve("fc1.npy");
        Files.write(f, Arrays.copyOf(bytes, bytes.length - 5));
        IOException e = assertThrows(IOException.class, () -> Npy.read(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("'fc1'"), e.getMessage());
        assertTrue(e.getMessage().contains("expected 24 data bytes, got 19"), e.getMessage());

        Files.write(f, Arrays.copyOf(bytes, 40));
        e = assertThrows(IOException.class, () -> Npy.read(f));
        assertTrue(e.getMessage().contains("header is truncated"), e.getMessage());
    }

    @Test
    void rejectsBadHeaders() {
        String[] bad = {
            "{'descr': '<f4', 'shape': (2,), }",                                  // no fortran_order
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2, x), }",        // bad dimension
            "{'descr': '<f4' 'fortran_order': False, 'shape': (2,), }",           // missing comma
            "not a dict at all",
            "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }", // structured
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), } trailing",
        };
        for (String h : bad) {
            IOException e = assertThrows(IOException.class, () -> Npy.read(new ByteArrayInputStream(withHeader(h, 8)),
                    "x", "bad.npy"), h);
            assertTrue(e.getMessage().startsWith("bad.npy: bad .npy header"), e.getMessage());
        }
    }

    @Test
    void rejectsFortranOrderBigEndianAndUnsupportedDtypesClearly() {
        IOException e = assertThrows(IOException.class, () -> Npy.read(new ByteArrayInputStream(withHeader(
                "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }", 24)), "w", "f.npy"));
        assertTrue(e.getMessage().contains("Fortran order"), e.getMessage());
        e = assertThrows(IOException.class, () -> Npy.read(new ByteArrayInputStream(withHeader(
                "{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }", 8)), "w", "f.npy"));
        assertTrue(e.getMessage().contains("big-endian") && e.getMessage().contains("'w'"), e.getMessage());
        e = assertThrows(IOException.class, () -> Npy.read(new ByteArrayInputStream(withHeader(
                "{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }", 16)), "w", "f.npy"));
        assertTrue(e.getMessage().contains("unsupported dtype '<c8'"), e.getMessage());
        byte[] v9 = Npy.toBytes(NpyArray.ofFloats("x", new int[] {1}, new float[] {1}));
        v9[6] = 9;
        e = assertThrows(IOException.class, () -> Npy.read(new ByteArrayInputStream(v9), "x", "v.npy"));
        assertTrue(e.getMessage().contains("version 9.0"), e.getMessage());
    }

    @Test
    void dtypeDescriptors() {
        assertEquals(NpyDtype.BOOL, NpyDtype.fromDescr("|b1"));
        assertEquals(NpyDtype.UINT8, NpyDtype.fromDescr("|u1"));
        assertEquals(NpyDtype.UINT8, NpyDtype.fromDescr(">u1"));
        assertEquals(NpyDtype.INT64, NpyDtype.fromDescr("<i8"));
        assertThrows(IllegalArgumentException.class, () -> NpyDtype.fromDescr(">f8"));
        assertThrows(IllegalArgumentException.class, () -> NpyDtype.fromDescr("<U3"));
    }

    /** A v1.0 .npy with the given header dict (padded like numpy) followed by {@code dataBytes} zero bytes. */
    static byte[] withHeader(String dict, int dataBytes) {
        int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
        String h = dict + " ".repeat(pad) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) h.length(), (byte) (h.length() >> 8)});
        out.writeBytes(h.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[dataBytes]);
        return out.toByteArray();
    }
}
