package org.lotterylab.engine.data;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CIFAR-10 binary batches ({@code data_batch_1.bin} .. {@code data_batch_5.bin}, {@code test_batch.bin}):
 * records of 1 label byte (0..9) followed by 3,072 pixel bytes, the 32x32 red plane, then green, then blue
 * (channel-major, each plane row-major), which is already the C x H x W order of {@link ImageDataset}.
 * A batch is gunzipped if it starts with the gzip magic bytes.
 *
 * <p>Problems (missing or empty file, a size that is not a whole number of records, a label above 9) are
 * reported as a {@link DataFormatException} naming the file.
 */
public final class Cifar10Reader {
    /** Image channels, height and width. */
    public static final int CHANNELS = 3;
    /** Image height and width. */
    public static final int SIZE = 32;
    /** Pixel bytes per record. */
    public static final int PIXELS = CHANNELS * SIZE * SIZE;
    /** Bytes per record: 1 label + 3,072 pixels. */
    public static final int RECORD = 1 + PIXELS;
    /** Labels must lie in 0 .. NUM_CLASSES-1. */
    public static final int NUM_CLASSES = 10;

    private Cifar10Reader() {
    }

    /** Reads one batch file. */
    public static ImageDataset readBatch(Path file) {
        return read(List.of(file), file.toString());
    }

    /** Reads one batch from a stream (closed afterwards); {@code name} is shown in messages. */
    public static ImageDataset readBatch(InputStream in, String name) {
        byte[] data;
        try (SourceStream s = SourceStream.open(in, name)) {
            data = readRecords(s);
        }
        return toDataset(List.of(data), name);
    }

    /**
     * Reads several batches, in the given order, into one data set.
     *
     * @param files  the batch files
     * @param source the description stored in {@link ImageDataset#source()}
     */
    public static ImageDataset read(List<Path> files, String source) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no CIFAR-10 batch files given");
        }
        List<byte[]> batches = new ArrayList<>();
        for (Path file : files) {
            try (SourceStream s = SourceStream.open(file)) {
                batches.add(readRecords(s));
            }
        }
        return toDataset(batches, source);
    }

    /** Reads all records of a batch and checks its size and labels. */
    private static byte[] readRecords(SourceStream s) {
        byte[] data = s.readAll();
        String after = s.gzip() ? " (after gunzip)" : "";
        if (data.length == 0) {
            throw new DataFormatException(s.name(),
                    s.gzip() ? "empty: the gzip data decompresses to 0 bytes" : "empty file (0 bytes)");
        }
        if (data.length % RECORD != 0) {
            throw new DataFormatException(s.name(), "size " + data.length + " bytes" + after
                    + " is not a multiple of " + RECORD + " (1 label byte + " + PIXELS + " pixel bytes per record): "
                    + data.length / RECORD + " whole records and " + data.length % RECORD + " bytes left over");
        }
        for (int r = 0, off = 0; off < data.length; r++, off += RECORD) {
            int label = data[off] & 0xff;
            if (label >= NUM_CLASSES) {
                throw new DataFormatException(s.name(), "label out of range: record " + r + " (byte offset " + off
                        + ") has label " + label + ", expected 0.." + (NUM_CLASSES - 1) + after);
            }
        }
        return data;
    }

    private static ImageDataset toDataset(List<byte[]> batches, String source) {
        long total = 0;
        for (byte[] b : batches) {
            total += b.length / RECORD;
        }
        if (total * PIXELS > Integer.MAX_VALUE - 8L) {
            throw new DataFormatException(source, "too large: " + total + " images do not fit in one array");
        }
        int count = (int) total;
        float[] pixels = new float[count * PIXELS];
        int[] labels = new int[count];
        float[] table = SourceStream.BYTE_TO_UNIT;
        int image = 0;
        for (byte[] b : batches) {
            for (int off = 0; off < b.length; off += RECORD, image++) {
                labels[image] = b[off] & 0xff;
                int base = image * PIXELS;
                for (int p = 0; p < PIXELS; p++) {
                    pixels[base + p] = table[b[off + 1 + p] & 0xff];
                }
            }
        }
        return new ImageDataset(pixels, labels, count, CHANNELS, SIZE, SIZE, NUM_CLASSES, source);
    }
}
