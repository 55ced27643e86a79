package org.lotterylab.engine.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds tiny IDX and CIFAR-10 files for the tests. */
final class TestFiles {
    private TestFiles() {
    }

    /** An IDX image file: magic 2051, count, rows, cols, then the pixels. */
    static byte[] idxImages(int count, int rows, int cols, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length).putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(rows)
                .putInt(cols).put(pixels).array();
    }

    /** An IDX label file: magic 2049, count, then the labels. */
    static byte[] idxLabels(int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length).putInt(IdxReader.LABELS_MAGIC).putInt(labels.length);
        for (int l : labels) {
            b.put((byte) l);
        }
        return b.array();
    }

    /** {@code count} images of {@code rows x cols} whose pixel j of image i is {@code (i * 31 + j * 7) % 256}. */
    static byte[] pattern(int count, int rows, int cols) {
        byte[] p = new byte[count * rows * cols];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < rows * cols; j++) {
                p[i * rows * cols + j] = (byte) ((i * 31 + j * 7) % 256);
            }
        }
        return p;
    }

    /** Labels 0, 1, ..., 9, 0, 1, ... */
    static int[] cyclicLabels(int count) {
        int[] l = new int[count];
        for (int i = 0; i < count; i++) {
            l[i] = i % 10;
        }
        return l;
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes an MNIST-style image/label pair of {@code count} 28x28 images; gzip-compressed if the name says so. */
    static void writeIdxPair(Path images, Path labels, int count, int labelOffset) {
        int[] l = cyclicLabels(count);
        for (int i = 0; i < count; i++) {
            l[i] = (l[i] + labelOffset) % 10;
        }
        byte[] img = idxImages(count, 28, 28, pattern(count, 28, 28));
        byte[] lab = idxLabels(l);
        write(images, images.toString().endsWith(".gz") ? gzip(img) : img);
        write(labels, labels.toString().endsWith(".gz") ? gzip(lab) : lab);
    }

    /** A CIFAR-10 batch of {@code labels.length} records; pixel p of record r is {@code (r + p) % 256}. */
    static byte[] cifar(int... labels) {
        byte[] b = new byte[labels.length * Cifar10Reader.RECORD];
        for (int r = 0; r < labels.length; r++) {
            int off = r * Cifar10Reader.RECORD;
            b[off] = (byte) labels[r];
            for (int p = 0; p < Cifar10Reader.PIXELS; p++) {
                b[off + 1 + p] = (byte) ((r + p) % 256);
            }
        }
        return b;
    }
}
