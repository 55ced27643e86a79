package org.lotterylab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    /** Three 2x3 images with extreme and middle values. */
    private static final byte[] PIXELS = {
        0, 1, 2, 127, (byte) 128, (byte) 255,
        (byte) 255, (byte) 254, 64, 32, 16, 8,
        10, 20, 30, 40, 50, 60};

    static DataFormatException assertProblem(Executable call, String fileName, String... fragments) {
        DataFormatException e = assertThrows(DataFormatException.class, call);
        assertTrue(e.getMessage().contains(fileName), () -> "message does not name " + fileName + ": " + e.getMessage());
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "message lacks '" + f + "': " + e.getMessage());
        }
        return e;
    }

    @Test
    void readsRawImagesAndLabels() {
        Path images = TestFiles.write(dir.resolve("tiny-images-idx3-ubyte"), TestFiles.idxImages(3, 2, 3, PIXELS));
        Path labels = TestFiles.write(dir.resolve("tiny-labels-idx1-ubyte"), TestFiles.idxLabels(7, 0, 9));

        ImageDataset d = IdxReader.read(images, labels);

        assertEquals(3, d.count());
        assertEquals(1, d.channels());
        assertEquals(2, d.height());
        assertEquals(3, d.width());
        assertEquals(10, d.numClasses());
        assertEquals(6, d.featureSize());
        assertArrayEquals(new int[] {7, 0, 9}, d.labels());
        for (int i = 0; i < PIXELS.length; i++) {
            assertEquals((PIXELS[i] & 0xff) / 255f, d.pixels()[i], 0f, "pixel " + i);
        }
        assertEquals(0f, d.pixels()[0]);
        assertEquals(1f, d.pixels()[5]);
        assertTrue(d.source().contains("tiny-images-idx3-ubyte") && d.source().contains("tiny-labels-idx1-ubyte"));
    }

    @Test
    void gzipIsDetectedByContentNotByName() {
        byte[] img = TestFiles.idxImages(3, 2, 3, PIXELS);
        byte[] lab = TestFiles.idxLabels(1, 2, 3);
        ImageDataset raw = IdxReader.read(TestFiles.write(dir.resolve("raw-but-named.gz"), img),
                TestFiles.write(dir.resolve("raw-labels.gz"), lab));
        ImageDataset gz = IdxReader.read(TestFiles.write(dir.resolve("gzipped-but-named.idx"), TestFiles.gzip(img)),
                TestFiles.write(dir.resolve("gzipped-labels.idx"), TestFiles.gzip(lab)));

        assertArrayEquals(raw.pixels(), gz.pixels());
        assertArrayEquals(raw.labels(), gz.labels());
        assertEquals(raw.shape(), gz.shape());
    }

    @Test
    void readsStreamsWithDisplayNames() {
        byte[] img = TestFiles.gzip(TestFiles.idxImages(3, 2, 3, PIXELS));
        ImageDataset d = IdxReader.read(new ByteArrayInputStream(img), "stream-images",
                new ByteArrayInputStream(TestFiles.idxLabels(4, 5, 6)), "stream-labels");
        assertEquals(3, d.count());
        assertArrayEquals(new int[] {4, 5, 6}, d.labels());
        assertEquals("stream-images + stream-labels", d.source());

        assertProblem(() -> IdxReader.readLabels(new ByteArrayInputStream(TestFiles.idxLabels(1, 11)), "my-stream"),
                "my-stream", "label out of range");
    }

    @Test
    void readImagesKeepsRawBytes() {
        Path images = TestFiles.write(dir.resolve("i.idx3"), TestFiles.idxImages(3, 2, 3, PIXELS));
        IdxReader.Images raw = IdxReader.readImages(images);
        assertEquals(3, raw.count());
        assertEquals(2, raw.rows());
        assertEquals(3, raw.cols());
        assertArrayEquals(PIXELS, raw.pixels());
    }

    @Test
    void rejectsWrongMagicNumberSayingWhatWasFoundAndExpected() {
        Path labelsAsImages = TestFiles.write(dir.resolve("swapped-images.idx"), TestFiles.idxLabels(1, 2, 3));
        DataFormatException e = assertProblem(() -> IdxReader.readImages(labelsAsImages), "swapped-images.idx",
                "wrong magic number", "2049", "label file", "expected 2051", "image file");
        assertEquals(labelsAsImages.toString(), e.source());

        byte[] junk = TestFiles.idxLabels(1, 2, 3);
        junk[0] = 0x12;
        junk[1] = 0x34;
        Path notIdx = TestFiles.write(dir.resolve("junk-labels.idx"), junk);
        assertProblem(() -> IdxReader.readLabels(notIdx), "junk-labels.idx", "wrong magic number", "0x12340801",
                "not an IDX file", "expected 2049");
    }

    @Test
    void rejectsTruncatedHeader() {
        byte[] header = Arrays.copyOf(TestFiles.idxImages(3, 2, 3, PIXELS), 9);
        Path raw = TestFiles.write(dir.resolve("short-header"), header);
        assertProblem(() -> IdxReader.readImages(raw), "short-header", "truncated header", "expected 16 bytes",
                "found 9");

        Path gz = TestFiles.write(dir.resolve("short-header.gz"), TestFiles.gzip(header));
        assertProblem(() -> IdxReader.readImages(gz), "short-header.gz", "truncated header", "expected 16 bytes",
                "found 9", "after gunzip");

        Path labels = TestFiles.write(dir.resolve("short-labels"), Arrays.copyOf(TestFiles.idxLabels(1, 2), 6));
        assertProblem(() -> IdxReader.readLabels(labels), "short-labels", "truncated header", "expected 8 bytes",
                "found 6");
    }

    @Test
    void rejectsTruncatedData() {
        byte[] full = TestFiles.idxImages(3, 2, 3, PIXELS);
        Path images = TestFiles.write(dir.resolve("cut-images"), Arrays.copyOf(full, 16 + 10));
        assertProblem(() -> IdxReader.readImages(images), "cut-images", "truncated data", "expected 18 bytes",
                "3 images of 2x3", "found 10");

        Path labels = TestFiles.write(dir.resolve("cut-labels.gz"),
                TestFiles.gzip(Arrays.copyOf(TestFiles.idxLabels(1, 2, 3, 4), 8 + 1)));
        assertProblem(() -> IdxReader.readLabels(labels), "cut-labels.gz", "truncated data", "expected 4 bytes",
                "found 1");
    }

    @Test
    void rejectsExtraBytes() {
        byte[] full = TestFiles.idxImages(3, 2, 3, PIXELS);
        Path images = TestFiles.write(dir.resolve("long-images"), Arrays.copyOf(full, full.length + 5));
        assertProblem(() -> IdxReader.readImages(images), "long-images", "longer than its header says",
                "5 extra bytes");
    }

    @Test
    void rejectsImageAndLabelCountsThatDiffer() {
        Path images = TestFiles.write(dir.resolve("three-images"), TestFiles.idxImages(3, 2, 3, PIXELS));
        Path labels = TestFiles.write(dir.resolve("two-labels"), TestFiles.idxLabels(1, 2));
        assertProblem(() -> IdxReader.read(images, labels), "three-images", "two-labels", "counts differ",
                "3 images", "2 labels");
    }

    @Test
    void rejectsLabelsOutOfRangeNamingIndexAndValue() {
        Path labels = TestFiles.write(dir.resolve("bad-labels"), TestFiles.idxLabels(1, 9, 12, 3));
        assertProblem(() -> IdxReader.readLabels(labels), "bad-labels", "label out of range", "index 2",
                "value 12", "0..9");
        Path labels255 = TestFiles.write(dir.resolve("bad-labels-255"), TestFiles.idxLabels(255));
        assertProblem(() -> IdxReader.readLabels(labels255), "bad-labels-255", "index 0", "value 255");
    }

    @Test
    void rejectsCorruptGzip() {
        byte[] gz = TestFiles.gzip(TestFiles.idxImages(3, 2, 3, PIXELS));
        byte[] corrupt = gz.clone();
        for (int i = 10; i < corrupt.length - 8; i++) {
            corrupt[i] = (byte) 0xff;
        }
        Path bad = TestFiles.write(dir.resolve("corrupt.gz"), corrupt);
        assertProblem(() -> IdxReader.readImages(bad), "corrupt.gz", "corrupt", "gzip");

        Path cut = TestFiles.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));
        assertProblem(() -> IdxReader.readImages(cut), "cut.gz", "gzip");

        Path headerOnly = TestFiles.write(dir.resolve("magic-only.gz"), new byte[] {0x1f, (byte) 0x8b});
        assertProblem(() -> IdxReader.readImages(headerOnly), "magic-only.gz", "corrupt gzip");

        byte[] badCrc = gz.clone();
        badCrc[badCrc.length - 8] ^= 0x55;
        Path crc = TestFiles.write(dir.resolve("bad-crc.gz"), badCrc);
        assertProblem(() -> IdxReader.readImages(crc), "bad-crc.gz", "gzip");
    }

    @Test
    void rejectsEmptyFiles() {
        Path empty = TestFiles.write(dir.resolve("empty-images"), new byte[0]);
        assertProblem(() -> IdxReader.readImages(empty), "empty-images", "empty file");
        Path emptyGz = TestFiles.write(dir.resolve("empty-labels.gz"), TestFiles.gzip(new byte[0]));
        assertProblem(() -> IdxReader.readLabels(emptyGz), "empty-labels.gz", "empty");
    }

    @Test
    void rejectsMissingFilesAndDirectories() {
        Path missing = dir.resolve("no-such-images.gz");
        assertProblem(() -> IdxReader.readImages(missing), "no-such-images.gz", "file not found");
        Path labels = TestFiles.write(dir.resolve("l"), TestFiles.idxLabels(1));
        assertProblem(() -> IdxReader.read(missing, labels), "no-such-images.gz", "file not found");
        assertProblem(() -> IdxReader.readLabels(dir), dir.getFileName().toString(), "is a directory");
    }

    @Test
    void rejectsInvalidDimensions() throws Exception {
        Path zeroRows = TestFiles.write(dir.resolve("zero-rows"), TestFiles.idxImages(1, 0, 3, new byte[0]));
        assertProblem(() -> IdxReader.readImages(zeroRows), "zero-rows", "invalid header", "0x3");
        Path huge = TestFiles.write(dir.resolve("huge"), TestFiles.idxImages(1_000_000, 3000, 3000, new byte[0]));
        assertProblem(() -> IdxReader.readImages(huge), "huge", "too large");
        assertTrue(Files.size(huge) == 16);
    }
}
