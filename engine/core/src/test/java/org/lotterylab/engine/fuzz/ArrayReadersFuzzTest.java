package org.lotterylab.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.store.Npy;
import org.lotterylab.api.store.NpyArray;
import org.lotterylab.api.store.Npz;

/**
 * Fuzzes the {@code .npy} and {@code .npz} readers: an {@link IOException} naming the file, or arrays whose
 * data length matches their shape. Besides byte-level mutations, cases rewrite the header dict (shape, dtype,
 * fortran order, version) and put damaged arrays inside well-formed zip archives.
 */
class ArrayReadersFuzzTest {

    @TempDir
    Path tmp;

    static final String[] SHAPES = {"()", "(0,)", "(1,)", "(20,)", "(4, 5)", "(5, 4)", "(4, 6)", "(4, 4)",
        "(2147483647,)", "(4294967295,)", "(2147483648,)", "(65536, 65536)", "(46341, 46341)", "(1, 1, 1, 1, 20)",
        "(-1,)", "(4, 5", "4, 5)", "(4,, 5)", "(a,)", "(99999999999999999999,)", "(536870911,)", "(268435456, 2)"};
    static final String[] DESCRS = {"<f4", "<f8", "<i4", "<i8", "|u1", "|b1", ">f4", "<f2", "<c8", "|O", "<U3",
        "", "f4", "<f4'", "<i2"};

    static byte[] npyBytes(String descr, String fortran, String shape, int major, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + fortran + ", 'shape': " + shape + ", }";
        int pre = major == 1 ? 10 : 12;
        int total = pre + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        int hl = header.length();
        if (major == 1) {
            out.writeBytes(new byte[] {(byte) hl, (byte) (hl >> 8)});
        } else {
            out.writeBytes(new byte[] {(byte) hl, (byte) (hl >> 8), (byte) (hl >> 16), (byte) (hl >> 24)});
        }
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] validNpy() {
        float[] d = new float[20];
        for (int i = 0; i < d.length; i++) {
            d[i] = i * 0.25f - 2;
        }
        return Npy.toBytes(NpyArray.ofFloats("w", new int[] {4, 5}, d));
    }

    /** A header rewrite: one of shape, dtype, fortran order or version changed; data of 80 bytes kept. */
    static Mutator.Case headerCase(Random rng) {
        byte[] data = java.util.Arrays.copyOfRange(validNpy(), validNpy().length - 80, validNpy().length);
        String shape = rng.nextInt(3) == 0 ? "(4, 5)" : SHAPES[rng.nextInt(SHAPES.length)];
        String descr = rng.nextInt(3) == 0 ? "<f4" : DESCRS[rng.nextInt(DESCRS.length)];
        String fortran = rng.nextInt(8) == 0 ? "True" : rng.nextInt(16) == 0 ? "Maybe" : "False";
        int major = rng.nextInt(8) == 0 ? rng.nextInt(5) : 1 + rng.nextInt(3);
        return new Mutator.Case("npy header descr=" + descr + " shape=" + shape + " fortran=" + fortran + " v" + major,
                npyBytes(descr, fortran, shape, major, data));
    }

    static IntFunction<Mutator.Case> npyCases(long seed) {
        byte[] valid = validNpy();
        int headerLength = valid.length - 80;
        Mutator.Binary format = new Mutator.Binary(headerLength, List.of(new Mutator.IntField(8, false)),
                List.of(6, 7));
        return i -> {
            Random rng = new Random(seed * 1_000_003L + i);
            if (i > 64 && rng.nextInt(3) == 0) {
                return headerCase(rng);
            }
            return Mutator.binary(valid, format, i, rng);
        };
    }

    static byte[] zip(List<String> names, List<byte[]> entries, boolean stored) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int k = 0; k < names.size(); k++) {
                ZipEntry e = new ZipEntry(names.get(k));
                e.setTime(0);
                byte[] b = entries.get(k);
                if (stored) {
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(b.length);
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(b);
                    e.setCrc(crc.getValue());
                }
                z.putNextEntry(e);
                z.write(b);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static void consistent(Object r) {
        @SuppressWarnings("unchecked")
        List<NpyArray> arrays = r instanceof NpyArray a ? List.of(a) : (List<NpyArray>) r;
        for (NpyArray a : arrays) {
            long n = 1;
            for (int s : a.shape()) {
                n *= s;
            }
            assertEquals(n, a.size(), "size of " + a);
        }
    }

    private static boolean typed(Throwable t) {
        return t instanceof IOException;
    }

    @Test
    void npy() {
        FuzzHarness.run("npy", tmp.resolve("w.npy"), npyCases(21), Npy::read, ArrayReadersFuzzTest::typed,
                ArrayReadersFuzzTest::consistent);
    }

    @Test
    void npz() throws Exception {
        Path validFile = tmp.resolve("valid.npz");
        float[] w = new float[20];
        for (int i = 0; i < w.length; i++) {
            w[i] = i;
        }
        Npz.writeArrays(validFile, List.of(NpyArray.ofFloats("fc1", new int[] {4, 5}, w),
                NpyArray.ofBooleans("mask", new int[] {2, 3}, new boolean[] {true, false, true, true, false, true})));
        byte[] valid = Files.readAllBytes(validFile);
        List<Mutator.IntField> fields = new ArrayList<>();
        for (int at = 0; at + 4 <= valid.length; at++) {
            int sig = (valid[at] & 0xff) | (valid[at + 1] & 0xff) << 8 | (valid[at + 2] & 0xff) << 16
                    | (valid[at + 3] & 0xff) << 24;
            if (sig == 0x04034b50) { // local header: crc, compressed and uncompressed sizes
                fields.add(new Mutator.IntField(at + 14, false));
                fields.add(new Mutator.IntField(at + 18, false));
                fields.add(new Mutator.IntField(at + 22, false));
            } else if (sig == 0x02014b50) { // central directory: sizes and local header offset
                fields.add(new Mutator.IntField(at + 20, false));
                fields.add(new Mutator.IntField(at + 24, false));
                fields.add(new Mutator.IntField(at + 42, false));
            } else if (sig == 0x06054b50) { // end record: entry counts, directory size and offset
                fields.add(new Mutator.IntField(at + 8, false));
                fields.add(new Mutator.IntField(at + 12, false));
                fields.add(new Mutator.IntField(at + 16, false));
            }
        }
        Mutator.Binary format = new Mutator.Binary(64, fields, List.of(8, 9));
        IntFunction<Mutator.Case> cases = i -> {
            Random rng = new Random(31 * 1_000_003L + i);
            if (i > 64 && rng.nextInt(3) == 0) {
                Mutator.Case inner = rng.nextBoolean() ? headerCase(rng)
                        : Mutator.binary(validNpy(), new Mutator.Binary(validNpy().length - 80, List.of(), List.of()),
                                65 + rng.nextInt(1000), rng);
                try {
                    return new Mutator.Case("zip holding " + inner.how(), zip(List.of("a.npy", "b.npy"),
                            List.of(validNpy(), inner.bytes()), rng.nextBoolean()));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return Mutator.binary(valid, format, i, rng);
        };
        FuzzHarness.run("npz", tmp.resolve("masks.npz"), cases, f -> {
            List<NpyArray> arrays = Npz.readArrays(f);
            try {
                Npz.readMasks(f);
            } catch (IOException e) {
                // a mutated file may hold arrays that are not masks: that is a typed rejection too
                if (!e.getMessage().contains(f.getFileName().toString())) {
                    throw e;
                }
            }
            Npz.readTensors(f);
            return arrays;
        }, ArrayReadersFuzzTest::typed, ArrayReadersFuzzTest::consistent);
    }
}
