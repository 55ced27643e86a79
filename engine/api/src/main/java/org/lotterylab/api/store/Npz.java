package org.lotterylab.api.store;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.Tensor;

/**
 * Reads and writes NumPy {@code .npz} archives: a zip of {@code <name>.npy} entries, as written by
 * {@code numpy.savez} and {@code numpy.savez_compressed} and read by {@code numpy.load}.
 *
 * <p>Writes are atomic ({@link AtomicFiles}), entries are DEFLATED and keep the order of the given list,
 * and every entry carries the fixed timestamp 1980-01-01 00:00, so the same content gives the same zip
 * bytes on the same JDK. Reads verify each entry's CRC and fail with an {@link IOException} naming the
 * file and saying that it is corrupt or truncated.
 */
public final class Npz {

    /**
     * Suffix of the bias entries in {@code weights-final.npz}: layer {@code fc1}'s weights are {@code fc1},
     * its biases {@code fc1.bias} (shape {@code (out,)}).
     */
    public static final String BIAS_SUFFIX = ".bias";

    /** The timestamp stored for every entry, for reproducible archives. */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private Npz() {
    }

    /** Atomically writes float32 tensors, one entry per tensor named after it. */
    public static void write(Path file, List<Tensor> tensors) throws IOException {
        List<NpyArray> arrays = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) {
            arrays.add(NpyArray.wrap(t.name(), NpyDtype.FLOAT32, t.shape(), t.data()));
        }
        writeArrays(file, arrays);
    }

    /** Atomically writes masks as {@code |b1} boolean arrays, one entry per mask named after it. */
    public static void writeMasks(Path file, List<Mask> masks) throws IOException {
        List<NpyArray> arrays = new ArrayList<>(masks.size());
        for (Mask m : masks) {
            arrays.add(NpyArray.wrap(m.name(), NpyDtype.BOOL, m.shape(), m.keep()));
        }
        writeArrays(file, arrays);
    }

    /**
     * Atomically writes arrays in list order.
     *
     * @throws IllegalArgumentException when two arrays share a name or a name is empty
     */
    public static void writeArrays(Path file, List<NpyArray> arrays) throws IOException {
        Set<String> names = new HashSet<>();
        for (NpyArray a : arrays) {
            if (a.name().isEmpty() || !names.add(a.name())) {
                throw new IllegalArgumentException(file + ": array names must be non-empty and unique; got '"
                        + a.name() + "' twice or empty");
            }
        }
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.setMethod(ZipOutputStream.DEFLATED);
            zip.setLevel(Deflater.BEST_SPEED);
            for (NpyArray a : arrays) {
                ZipEntry e = new ZipEntry(a.name() + ".npy");
                e.setTimeLocal(ENTRY_TIME);
                zip.putNextEntry(e);
                Npy.write(zip, a);
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /** Reads every {@code .npy} entry as a float32 tensor (other numeric dtypes are converted). */
    public static List<Tensor> readTensors(Path file) throws IOException {
        List<Tensor> out = new ArrayList<>();
        for (NpyArray a : readArrays(file)) {
            try {
                out.add(a.toTensor());
            } catch (IllegalStateException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** The entry name of layer {@code layer}'s biases. */
    public static String biasName(String layer) {
        return layer + BIAS_SUFFIX;
    }

    /** Whether an entry name is a bias entry ({@link #BIAS_SUFFIX}). */
    public static boolean isBias(String name) {
        return name.endsWith(BIAS_SUFFIX);
    }

    /** The weight entries of a parameter archive (bias entries left out), as float32 tensors. */
    public static List<Tensor> readWeights(Path file) throws IOException {
        return readTensors(file).stream().filter(t -> !isBias(t.name())).toList();
    }

    /** The bias entries of a parameter archive (empty for archives written before biases were stored). */
    public static List<Tensor> readBiases(Path file) throws IOException {
        return readTensors(file).stream().filter(t -> isBias(t.name())).toList();
    }

    /** Reads every {@code .npy} entry as a mask; accepts bool, uint8 or float arrays holding only 0 and 1. */
    public static List<Mask> readMasks(Path file) throws IOException {
        List<Mask> out = new ArrayList<>();
        for (NpyArray a : readArrays(file)) {
            try {
                out.add(a.toMask());
            } catch (IllegalStateException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * Reads every {@code .npy} entry in archive order; entries not ending in {@code .npy} are skipped.
     *
     * @throws NoSuchFileException when the file does not exist
     * @throws IOException         naming the file when it is corrupt or truncated, or an entry is not a valid array
     */
    public static List<NpyArray> readArrays(Path file) throws IOException {
        List<NpyArray> out = new ArrayList<>();
        ZipFile zf;
        try {
            zf = new ZipFile(file.toFile());
        } catch (NoSuchFileException e) {
            throw e;
        } catch (ZipException | EOFException e) {
            throw corrupt(file, e);
        } catch (IOException e) {
            if (!file.toFile().exists()) {
                throw new NoSuchFileException(file.toString());
            }
            throw corrupt(file, e);
        }
        try (zf) {
            Enumeration<? extends ZipEntry> entries = zf.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory() || !e.getName().endsWith(".npy")) {
                    continue;
                }
                String name = e.getName().substring(0, e.getName().length() - 4);
                String source = file + " entry " + e.getName();
                try (CheckedInputStream in = new CheckedInputStream(zf.getInputStream(e), new CRC32())) {
                    NpyArray a = Npy.read(in, name, source);
                    in.transferTo(OutputStream.nullOutputStream());
                    if (e.getCrc() != -1 && in.getChecksum().getValue() != e.getCrc()) {
                        throw new IOException(file + " is corrupt: CRC mismatch in entry " + e.getName());
                    }
                    out.add(a);
                } catch (ZipException | EOFException ex) {
                    throw corrupt(file, ex);
                }
            }
        } catch (IllegalStateException | IllegalArgumentException ex) {
            throw corrupt(file, ex);
        }
        return out;
    }

    private static IOException corrupt(Path file, Exception cause) {
        return new IOException(file + " is corrupt or truncated (not a readable .npz/zip archive: "
                + cause.getMessage() + ")", cause);
    }
}
