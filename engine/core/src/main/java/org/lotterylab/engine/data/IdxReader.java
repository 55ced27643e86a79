package org.lotterylab.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Reads the IDX files of MNIST and Fashion-MNIST: images (magic 2051: unsigned bytes, 3 dimensions
 * count x rows x cols) and labels (magic 2049: unsigned bytes, 1 dimension). All integers are big-endian.
 * A file is gunzipped when it starts with the gzip magic bytes 1f 8b, whatever its name.
 *
 * <p>Every problem (missing or empty file, corrupt gzip, wrong magic number, truncated header or data, extra
 * bytes, labels outside 0..9, image and label counts that differ) is reported as a {@link DataFormatException}
 * naming the file.
 */
public final class IdxReader {
    /** Magic number of an IDX image file: unsigned bytes (0x08), 3 dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX label file: unsigned bytes (0x08), 1 dimension. */
    public static final int LABELS_MAGIC = 0x00000801;
    /** Labels must lie in 0 .. NUM_CLASSES-1. */
    public static final int NUM_CLASSES = 10;

    private static final int IMAGES_HEADER = 16;
    private static final int LABELS_HEADER = 8;
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8L;

    /**
     * The raw content of an IDX image file.
     *
     * @param count  the number of images
     * @param rows   the image height
     * @param cols   the image width
     * @param pixels {@code count x rows x cols} bytes, row-major (read them as unsigned)
     * @param source the file name
     */
    public record Images(int count, int rows, int cols, byte[] pixels, String source) {
    }

    private IdxReader() {
    }

    /** Reads an image file and a label file into one data set (1 channel, 10 classes). */
    public static ImageDataset read(Path imagesFile, Path labelsFile) {
        Images images = readImages(imagesFile);
        int[] labels = readLabels(labelsFile);
        return combine(images, labels, labelsFile.toString());
    }

    /**
     * Reads an image stream and a label stream into one data set (1 channel, 10 classes). Both streams are
     * closed. The names are shown in messages and in {@link ImageDataset#source()}.
     */
    public static ImageDataset read(InputStream imagesIn, String imagesName, InputStream labelsIn, String labelsName) {
        Images images;
        try {
            images = readImages(imagesIn, imagesName);
        } catch (RuntimeException e) {
            closeQuietly(labelsIn);
            throw e;
        }
        int[] labels = readLabels(labelsIn, labelsName);
        return combine(images, labels, labelsName);
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the images already failed; that is the error to report
            }
        }
    }

    /** Reads an IDX image file (magic 2051). */
    public static Images readImages(Path file) {
        try (SourceStream s = SourceStream.open(file)) {
            return readImages(s);
        }
    }

    /** Reads an IDX image stream (magic 2051) and closes it; {@code name} is shown in messages. */
    public static Images readImages(InputStream in, String name) {
        try (SourceStream s = SourceStream.open(in, name)) {
            return readImages(s);
        }
    }

    /** Reads an IDX label file (magic 2049) whose labels must lie in 0..9. */
    public static int[] readLabels(Path file) {
        try (SourceStream s = SourceStream.open(file)) {
            return readLabels(s);
        }
    }

    /** Reads an IDX label stream (magic 2049) and closes it; {@code name} is shown in messages. */
    public static int[] readLabels(InputStream in, String name) {
        try (SourceStream s = SourceStream.open(in, name)) {
            return readLabels(s);
        }
    }

    /** Turns raw images and their labels into a data set of floats in [0, 1]. */
    static ImageDataset combine(Images images, int[] labels, String labelsName) {
        if (images.count() != labels.length) {
            throw new DataFormatException(images.source() + " and " + labelsName,
                    "image and label counts differ: " + images.source() + " holds " + images.count()
                            + " images but " + labelsName + " holds " + labels.length + " labels");
        }
        return new ImageDataset(toUnit(images.pixels()), labels, images.count(), 1, images.rows(), images.cols(),
                NUM_CLASSES, images.source() + " + " + labelsName);
    }

    /** Converts unsigned bytes to floats {@code b / 255f}. */
    static float[] toUnit(byte[] bytes) {
        float[] out = new float[bytes.length];
        float[] table = SourceStream.BYTE_TO_UNIT;
        for (int i = 0; i < bytes.length; i++) {
            out[i] = table[bytes[i] & 0xff];
        }
        return out;
    }

    private static Images readImages(SourceStream s) {
        byte[] header = readHeader(s, IMAGES_HEADER, IMAGES_MAGIC);
        int count = intAt(header, 4);
        int rows = intAt(header, 8);
        int cols = intAt(header, 12);
        if (count < 0) {
            throw problem(s, "invalid header: image count " + Integer.toUnsignedString(count) + " is too large");
        }
        if (rows <= 0 || cols <= 0) {
            throw problem(s, "invalid header: image size " + Integer.toUnsignedString(rows) + "x"
                    + Integer.toUnsignedString(cols) + " (rows and columns must be positive)");
        }
        long size = (long) count * rows * cols;
        if (size > MAX_ARRAY) {
            throw problem(s, "too large: " + count + " images of " + rows + "x" + cols + " need " + size
                    + " bytes, more than one array can hold");
        }
        byte[] pixels = readBody(s, (int) size, IMAGES_HEADER,
                "bytes of pixels (" + count + " images of " + rows + "x" + cols + ")");
        return new Images(count, rows, cols, pixels, s.name());
    }

    private static int[] readLabels(SourceStream s) {
        byte[] header = readHeader(s, LABELS_HEADER, LABELS_MAGIC);
        int count = intAt(header, 4);
        if (count < 0) {
            throw problem(s, "invalid header: label count " + Integer.toUnsignedString(count) + " is too large");
        }
        byte[] bytes = readBody(s, count, LABELS_HEADER, "bytes of labels (" + count + " labels)");
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int label = bytes[i] & 0xff;
            if (label >= NUM_CLASSES) {
                throw problem(s, "label out of range: label at index " + i + " has value " + label
                        + ", expected 0.." + (NUM_CLASSES - 1));
            }
            labels[i] = label;
        }
        return labels;
    }

    private static byte[] readHeader(SourceStream s, int headerSize, int expectedMagic) {
        byte[] header = new byte[headerSize];
        int n = s.readUpTo(header, 0, headerSize);
        if (n == 0) {
            throw new DataFormatException(s.name(),
                    s.gzip() ? "empty: the gzip data decompresses to 0 bytes" : "empty file (0 bytes)");
        }
        if (n >= 4) {
            int magic = intAt(header, 0);
            if (magic != expectedMagic) {
                throw problem(s, "wrong magic number " + describe(magic) + "; expected " + describe(expectedMagic));
            }
        }
        if (n < headerSize) {
            throw problem(s, "truncated header: expected " + headerSize + " bytes, found " + n);
        }
        return header;
    }

    private static byte[] readBody(SourceStream s, int size, int headerSize, String what) {
        byte[] body;
        try {
            body = s.readUpTo(size); // grows with the data read: the header's size alone allocates nothing
        } catch (OutOfMemoryError e) {
            throw new DataFormatException(s.name(), "too large to load: " + size + " " + what, e);
        }
        int n = body.length;
        if (n < size) {
            throw problem(s, "truncated data: expected " + size + " " + what + " after the " + headerSize
                    + "-byte header, found " + n + " (" + (size - n) + " missing)");
        }
        long extra = s.remaining();
        if (extra > 0) {
            throw problem(s, "longer than its header says: expected " + size + " " + what + " after the "
                    + headerSize + "-byte header, found " + extra + " extra bytes");
        }
        return body;
    }

    private static DataFormatException problem(SourceStream s, String what) {
        return new DataFormatException(s.name(), s.gzip() ? what + " (after gunzip)" : what);
    }

    private static int intAt(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    /** For messages: the number, its hex form and what it means. */
    static String describe(int magic) {
        String hex = String.format("0x%08X", magic);
        String meaning;
        if (magic == IMAGES_MAGIC) {
            meaning = "an IDX image file";
        } else if (magic == LABELS_MAGIC) {
            meaning = "an IDX label file";
        } else if ((magic >>> 16) == 0) {
            meaning = "an IDX file of data type 0x" + String.format("%02X", (magic >>> 8) & 0xff) + " with "
                    + (magic & 0xff) + " dimensions";
        } else {
            meaning = "not an IDX file";
        }
        return Integer.toUnsignedString(magic) + " (" + hex + ", " + meaning + ")";
    }
}
