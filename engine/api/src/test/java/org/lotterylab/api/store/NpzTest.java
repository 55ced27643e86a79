package org.lotterylab.api.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.Tensor;

class NpzTest {

    @TempDir
    Path tmp;

    static List<Tensor> tensors() {
        return List.of(
                new Tensor("output", new int[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}),
                new Tensor("fc1", new int[] {3, 4}, new float[] {0, -1, 2, -3, 4, -5, 6, -7, 8, -9, 10, -11}),
                new Tensor("conv1", new int[] {2, 1, 3, 3}, new float[18]));
    }

    @Test
    void tensorsRoundTripInOrder() throws IOException {
        Path f = tmp.resolve("sub/dir/theta-0.npz");
        Npz.write(f, tensors());
        assertEquals(tensors(), Npz.readTensors(f));
        try (ZipFile z = new ZipFile(f.toFile())) {
            assertEquals(List.of("output.npy", "fc1.npy", "conv1.npy"), z.stream().map(ZipEntry::getName).toList());
            assertTrue(z.stream().allMatch(e -> e.getMethod() == ZipEntry.DEFLATED));
        }
    }

    @Test
    void masksAreStoredAsBoolAndRoundTrip() throws IOException {
        List<Mask> masks = List.of(new Mask("fc1", new int[] {2, 2}, new boolean[] {true, false, false, true}),
                Mask.dense("output", new int[] {1, 3}));
        Path f = tmp.resolve("masks.npz");
        Npz.writeMasks(f, masks);
        assertEquals(masks, Npz.readMasks(f));
        List<NpyArray> arrays = Npz.readArrays(f);
        assertEquals(NpyDtype.BOOL, arrays.get(0).dtype());
        assertEquals(NpyDtype.BOOL, arrays.get(1).dtype());
    }

    @Test
    void mixedArraysRoundTrip() throws IOException {
        List<NpyArray> arrays = List.of(
                NpyArray.ofDoubles("alphas", new int[] {3}, new double[] {0, 0.5, 1}),
                NpyArray.ofInts("counts", new int[] {2}, new int[] {3, 4}),
                NpyArray.ofLongs("big", new int[0], new long[] {1L << 60}),
                NpyArray.ofUnsignedBytes("bytes", new int[] {2}, new byte[] {7, (byte) 200}),
                NpyArray.ofBooleans("flags", new int[] {2}, new boolean[] {true, false}));
        Path f = tmp.resolve("mixed.npz");
        Npz.writeArrays(f, arrays);
        assertEquals(arrays, Npz.readArrays(f));
        List<Mask> asMasks = List.of(NpyArray.ofUnsignedBytes("m", new int[] {2}, new byte[] {1, 0}).toMask());
        assertEquals(asMasks.get(0).name(), "m");
    }

    @Test
    void sameContentGivesIdenticalZipBytes() throws IOException {
        Path a = tmp.resolve("a.npz");
        Path b = tmp.resolve("b.npz");
        Npz.write(a, tensors());
        Npz.write(b, tensors());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void readMasksRejectsNonBinaryFloats() throws IOException {
        Path f = tmp.resolve("m.npz");
        Npz.write(f, List.of(new Tensor("fc1", new int[] {2}, new float[] {1, 0.25f})));
        IOException e = assertThrows(IOException.class, () -> Npz.readMasks(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("fc1"), e.getMessage());
    }

    @Test
    void duplicateNamesAreRejected() {
        List<Tensor> dup = List.of(new Tensor("a", new int[] {1}, new float[1]), new Tensor("a", new int[] {1}, new float[1]));
        assertThrows(IllegalArgumentException.class, () -> Npz.write(tmp.resolve("d.npz"), dup));
        assertTrue(Files.notExists(tmp.resolve("d.npz")));
    }

    @Test
    void truncatedArchiveIsReportedAsCorruptOrTruncated() throws IOException {
        Path f = tmp.resolve("w.npz");
        Npz.write(f, tensors());
        byte[] all = Files.readAllBytes(f);
        for (int cut : new int[] {all.length - 1, all.length / 2, 30, 0}) {
            Path t = tmp.resolve("cut-" + cut + ".npz");
            Files.write(t, Arrays.copyOf(all, cut));
            IOException e = assertThrows(IOException.class, () -> Npz.readArrays(t));
            assertTrue(e.getMessage().contains(t.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("corrupt or truncated"), e.getMessage());
        }
    }

    @Test
    void corruptedDataIsDetected() throws IOException {
        Path f = tmp.resolve("c.npz");
        Npz.write(f, List.of(new Tensor("x", new int[] {64}, new float[64])));
        byte[] all = Files.readAllBytes(f);
        boolean detected = false;
        // flip bytes inside the compressed data of the first entry (local header is 30 + name bytes long)
        for (int i = 40; i < 60 && !detected; i++) {
            byte[] copy = all.clone();
            copy[i] ^= 0x5a;
            Files.write(f, copy);
            try {
                Npz.readArrays(f);
            } catch (IOException e) {
                assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
                assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
                detected = true;
            }
        }
        assertTrue(detected);
    }

    @Test
    void garbageAndMissingFiles() throws IOException {
        Path g = tmp.resolve("garbage.npz");
        Files.writeString(g, "this is not a zip file at all, just text ".repeat(10));
        IOException e = assertThrows(IOException.class, () -> Npz.readTensors(g));
        assertTrue(e.getMessage().contains("garbage.npz is corrupt or truncated"), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> Npz.readTensors(tmp.resolve("missing.npz")));
    }

    @Test
    void entryWithTruncatedNpyNamesEntry() throws IOException {
        Path f = tmp.resolve("t.npz");
        byte[] full = Npy.toBytes(NpyArray.ofFloats("x", new int[] {4}, new float[4]));
        byte[] cut = Arrays.copyOf(full, full.length - 3);
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(f))) {
            out.putNextEntry(new ZipEntry("x.npy"));
            out.write(cut);
            out.closeEntry();
        }
        IOException e = assertThrows(IOException.class, () -> Npz.readArrays(f));
        assertTrue(e.getMessage().contains("entry x.npy") && e.getMessage().contains("expected 16 data bytes, got 13"),
                e.getMessage());
    }
}
