package org.lotterylab.api.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.Tensor;

/** Reads files written by numpy 2.4 (see src/test/resources/numpy/make_numpy_fixtures.py). */
class NumpyInteropTest {

    static Path res(String name) {
        try {
            return Path.of(NumpyInteropTest.class.getResource("/numpy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsEveryDtypeNumpyWrites() throws IOException {
        NpyArray f4 = Npy.read(res("f4_2x3.npy"));
        assertEquals("f4_2x3", f4.name());
        assertEquals(NpyDtype.FLOAT32, f4.dtype());
        assertArrayEquals(new int[] {2, 3}, f4.shape());
        assertArrayEquals(new float[] {1.5f, -2f, 0.25f, 3f, 0f, -0.125f}, f4.asFloats());

        assertArrayEquals(new double[] {0.1, -1e300, 2.5}, Npy.read(res("f8_vec.npy")).asDoubles());
        assertArrayEquals(new int[] {-7, 0, Integer.MAX_VALUE}, Npy.read(res("i4_vec.npy")).asInts());
        NpyArray i8 = Npy.read(res("i8_2x2.npy"));
        assertArrayEquals(new long[] {1, -2, 3, 9007199254740993L}, i8.asLongs());
        assertArrayEquals(new int[] {0, 1, 255}, Npy.read(res("u1_vec.npy")).asInts());
        NpyArray b1 = Npy.read(res("b1_2x2.npy"));
        assertEquals(NpyDtype.BOOL, b1.dtype());
        assertArrayEquals(new boolean[] {true, false, false, true}, b1.asBooleans());
        NpyArray scalar = Npy.read(res("scalar_f4.npy"));
        assertEquals(0, scalar.shape().length);
        assertArrayEquals(new float[] {4.5f}, scalar.asFloats());
        NpyArray empty = Npy.read(res("empty_f4.npy"));
        assertArrayEquals(new int[] {0}, empty.shape());
        assertEquals(0, empty.size());
    }

    @Test
    void readsVersion2Headers() throws IOException {
        NpyArray v2 = Npy.read(res("v2_f4.npy"));
        assertArrayEquals(new int[] {2, 3}, v2.shape());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, v2.asFloats());
    }

    @Test
    void writesTheSameHeaderBytesAsNumpyForSmallShapes() throws IOException {
        byte[] ours = Npy.toBytes(NpyArray.ofFloats("x", new int[] {2, 3}, new float[] {1.5f, -2f, 0.25f, 3f, 0f, -0.125f}));
        assertArrayEquals(java.nio.file.Files.readAllBytes(res("f4_2x3.npy")), ours);
    }

    @Test
    void rejectsFortranBigEndianAndComplexFromNumpy() {
        IOException e = assertThrows(IOException.class, () -> Npy.read(res("fortran_f4.npy")));
        assertTrue(e.getMessage().contains("fortran_order: True"), e.getMessage());
        e = assertThrows(IOException.class, () -> Npy.read(res("bigendian_f4.npy")));
        assertTrue(e.getMessage().contains("big-endian dtype '>f4'"), e.getMessage());
        e = assertThrows(IOException.class, () -> Npy.read(res("complex_c8.npy")));
        assertTrue(e.getMessage().contains("unsupported dtype '<c8'"), e.getMessage());
    }

    @Test
    void readsSavezAndSavezCompressed() throws IOException {
        for (String f : List.of("savez.npz", "savez_compressed.npz")) {
            List<Tensor> t = Npz.readTensors(res(f));
            assertEquals(List.of("fc1", "output"), t.stream().map(Tensor::name).toList(), f);
            assertArrayEquals(new int[] {3, 4}, t.get(0).shape());
            assertEquals(11 / 8f, t.get(0).data()[11]);
            assertArrayEquals(new float[] {-0f, -1, -2, -3, -4, -5}, t.get(1).data());
        }
    }

    @Test
    void readsMasksSavedAsBoolUint8OrFloat() throws IOException {
        List<Mask> expected = Npz.readMasks(res("masks_b1.npz"));
        assertEquals(2, expected.size());
        assertArrayEquals(new boolean[] {true, false, true, false, true, true}, expected.get(1).keep());
        assertEquals(expected, Npz.readMasks(res("masks_u1.npz")));
        assertEquals(expected, Npz.readMasks(res("masks_f4.npz")));
    }
}
