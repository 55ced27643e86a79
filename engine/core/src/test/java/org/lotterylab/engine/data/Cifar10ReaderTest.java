package org.lotterylab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lotterylab.engine.data.IdxReaderTest.assertProblem;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10ReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsRecordsAsChannelMajorImages() {
        Path batch = TestFiles.write(dir.resolve("data_batch_1.bin"), TestFiles.cifar(3, 0, 9));

        ImageDataset d = Cifar10Reader.readBatch(batch);

        assertEquals(3, d.count());
        assertEquals(3, d.channels());
        assertEquals(32, d.height());
        assertEquals(32, d.width());
        assertEquals(3072, d.featureSize());
        assertEquals(10, d.numClasses());
        assertArrayEquals(new int[] {3, 0, 9}, d.labels());
        for (int r = 0; r < 3; r++) {
            for (int p = 0; p < 3072; p++) {
                assertEquals(((r + p) % 256) / 255f, d.pixels()[r * 3072 + p], 0f);
            }
        }
        // pixel (c=1, y=2, x=5) of record 1 is byte 1 + 1024 + 2*32 + 5 of that record
        assertEquals(((1 + 1024 + 64 + 5) % 256) / 255f, d.pixels()[3072 + 1024 + 64 + 5], 0f);
    }

    @Test
    void concatenatesBatchesInOrderAndReadsGzipAndStreams() {
        Path b1 = TestFiles.write(dir.resolve("data_batch_1.bin"), TestFiles.cifar(1, 2));
        Path b2 = TestFiles.write(dir.resolve("data_batch_2.bin"), TestFiles.gzip(TestFiles.cifar(3)));
        ImageDataset d = Cifar10Reader.read(List.of(b1, b2), "two batches");
        assertEquals(3, d.count());
        assertArrayEquals(new int[] {1, 2, 3}, d.labels());
        assertEquals("two batches", d.source());
        assertEquals(0f, d.pixels()[2 * 3072], 0f);

        ImageDataset s = Cifar10Reader.readBatch(new ByteArrayInputStream(TestFiles.cifar(5)), "stream");
        assertArrayEquals(new int[] {5}, s.labels());
    }

    @Test
    void rejectsSizeThatIsNotAWholeNumberOfRecords() {
        byte[] two = TestFiles.cifar(1, 2);
        Path bad = TestFiles.write(dir.resolve("data_batch_3.bin"), Arrays.copyOf(two, two.length - 100));
        assertProblem(() -> Cifar10Reader.readBatch(bad), "data_batch_3.bin", "not a multiple of 3073",
                "size 6046 bytes", "1 whole records", "2973 bytes left over");
    }

    @Test
    void rejectsLabelAboveNine() {
        Path bad = TestFiles.write(dir.resolve("test_batch.bin"), TestFiles.cifar(1, 2, 10));
        assertProblem(() -> Cifar10Reader.readBatch(bad), "test_batch.bin", "label out of range", "record 2",
                "label 10", "0..9");
    }

    @Test
    void rejectsEmptyAndMissingFiles() {
        Path empty = TestFiles.write(dir.resolve("data_batch_4.bin"), new byte[0]);
        assertProblem(() -> Cifar10Reader.readBatch(empty), "data_batch_4.bin", "empty file");
        Path missing = dir.resolve("data_batch_5.bin");
        assertProblem(() -> Cifar10Reader.read(List.of(missing), "x"), "data_batch_5.bin", "file not found");
    }
}
