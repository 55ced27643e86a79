package org.lotterylab.engine.data;

import java.util.Arrays;

/**
 * A labelled set of images held in plain arrays.
 *
 * <p>{@code pixels} holds {@code count} images of {@code channels x height x width} values, flattened in
 * row-major N, C, H, W order, each value a byte divided by 255 (so in [0, 1]; {@link InputNormalizer} makes
 * normalised copies). {@code labels[i]} is the class
 * (0 .. numClasses-1) of image i. The arrays are shared, not copied: callers must not modify them. Equality
 * is by array identity, as for any record holding arrays.
 *
 * @param pixels     N x C x H x W values in [0, 1]
 * @param labels     N class indices
 * @param count      N, the number of images
 * @param channels   C (1 for grey images, 3 for RGB)
 * @param height     H in pixels
 * @param width      W in pixels
 * @param numClasses the number of classes
 * @param source     where the images come from (files or a description), for messages
 */
public record ImageDataset(float[] pixels, int[] labels, int count, int channels, int height, int width,
                           int numClasses, String source) {

    /** Checks that the arrays match the stated sizes and that every label is a valid class. */
    public ImageDataset {
        if (pixels == null || labels == null) {
            throw new IllegalArgumentException("pixels and labels must not be null");
        }
        if (count < 0 || channels <= 0 || height <= 0 || width <= 0 || numClasses <= 0) {
            throw new IllegalArgumentException("invalid shape: count " + count + ", " + channels + "x" + height
                    + "x" + width + ", " + numClasses + " classes");
        }
        if (labels.length != count) {
            throw new IllegalArgumentException(labels.length + " labels for " + count + " images");
        }
        long expected = (long) count * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(pixels.length + " pixel values, expected " + expected + " for "
                    + count + " images of " + channels + "x" + height + "x" + width);
        }
        for (int i = 0; i < count; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("label " + labels[i] + " at index " + i + " is outside 0.."
                        + (numClasses - 1));
            }
        }
        source = source == null ? "" : source;
        for (int i = 0; i < pixels.length; i++) {
            if (!Float.isFinite(pixels[i])) {
                throw new DataFormatException(source.isEmpty() ? "(data set)" : source, "pixel value " + pixels[i]
                        + " in image " + i / (channels * height * width) + ": every pixel must be a finite number");
            }
        }
    }

    /** The number of values per image: channels x height x width. */
    public int featureSize() {
        return channels * height * width;
    }

    /**
     * The images {@code from} (inclusive) to {@code to} (exclusive), as a new data set with copied arrays.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= from <= to <= count}
     */
    public ImageDataset subset(int from, int to) {
        if (from < 0 || to > count || from > to) {
            throw new IndexOutOfBoundsException("subset [" + from + ", " + to + ") of " + count + " images");
        }
        int f = featureSize();
        return new ImageDataset(Arrays.copyOfRange(pixels, from * f, to * f), Arrays.copyOfRange(labels, from, to),
                to - from, channels, height, width, numClasses, source + " [" + from + ", " + to + ")");
    }

    /** How many images each class has, indexed by class. */
    public int[] classCounts() {
        int[] counts = new int[numClasses];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** The shape of one image as {@code "CxHxW"}, for example {@code "1x28x28"}. */
    public String shape() {
        return channels + "x" + height + "x" + width;
    }

    @Override
    public String toString() {
        return "ImageDataset[" + count + " images of " + shape() + ", " + numClasses + " classes, " + source + "]";
    }
}
