package org.lotterylab.engine.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.engine.data.Cifar10Reader;
import org.lotterylab.engine.data.DataFormatException;
import org.lotterylab.engine.data.IdxReader;
import org.lotterylab.engine.data.ImageDataset;

/** Fuzzes the IDX and CIFAR-10 readers: a {@link DataFormatException} naming the file, or a consistent read. */
class DataReadersFuzzTest {

    @TempDir
    Path tmp;

    static byte[] idxImages(int count, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * rows * cols).putInt(IdxReader.IMAGES_MAGIC).putInt(count)
                .putInt(rows).putInt(cols);
        for (int i = 0; i < count * rows * cols; i++) {
            b.put((byte) (i * 7));
        }
        return b.array();
    }

    static byte[] idxLabels(int count) {
        ByteBuffer b = ByteBuffer.allocate(8 + count).putInt(IdxReader.LABELS_MAGIC).putInt(count);
        for (int i = 0; i < count; i++) {
            b.put((byte) (i % 10));
        }
        return b.array();
    }

    static byte[] cifar(int records) {
        byte[] b = new byte[records * Cifar10Reader.RECORD];
        for (int r = 0; r < records; r++) {
            b[r * Cifar10Reader.RECORD] = (byte) (r % 10);
            for (int p = 1; p < Cifar10Reader.RECORD; p++) {
                b[r * Cifar10Reader.RECORD + p] = (byte) (p * 13 + r);
            }
        }
        return b;
    }

    private static boolean typed(Throwable t) {
        return t instanceof DataFormatException;
    }

    @Test
    void idxImages() {
        Mutator.Binary format = new Mutator.Binary(16, List.of(new Mutator.IntField(4, true),
                new Mutator.IntField(8, true), new Mutator.IntField(12, true)), List.of(2, 3));
        FuzzHarness.run("idx-images", tmp.resolve("train-images-idx3-ubyte"),
                FuzzHarness.binaryCases(idxImages(12, 28, 28), format, 11), IdxReader::readImages,
                DataReadersFuzzTest::typed, r -> {
                    IdxReader.Images im = (IdxReader.Images) r;
                    assertEquals((long) im.count() * im.rows() * im.cols(), im.pixels().length);
                });
    }

    @Test
    void idxLabels() {
        Mutator.Binary format = new Mutator.Binary(8, List.of(new Mutator.IntField(4, true)), List.of(2, 3));
        FuzzHarness.run("idx-labels", tmp.resolve("train-labels-idx1-ubyte"),
                FuzzHarness.binaryCases(idxLabels(60), format, 12), IdxReader::readLabels,
                DataReadersFuzzTest::typed, r -> {
                    for (int label : (int[]) r) {
                        assertTrue(label >= 0 && label < 10, "label " + label);
                    }
                });
    }

    @Test
    void cifar10Batches() {
        Mutator.Binary format = new Mutator.Binary(1, List.of(), List.of(0, Cifar10Reader.RECORD,
                2 * Cifar10Reader.RECORD));
        FuzzHarness.run("cifar10-batch", tmp.resolve("data_batch_1.bin"),
                FuzzHarness.binaryCases(cifar(3), format, 13), Cifar10Reader::readBatch,
                DataReadersFuzzTest::typed, r -> {
                    ImageDataset d = (ImageDataset) r;
                    assertEquals((long) d.count() * Cifar10Reader.PIXELS, d.pixels().length);
                    for (int label : d.labels()) {
                        assertTrue(label >= 0 && label < 10, "label " + label);
                    }
                });
    }
}
