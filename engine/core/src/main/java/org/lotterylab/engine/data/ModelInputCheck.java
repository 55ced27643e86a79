package org.lotterylab.engine.data;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.lotterylab.api.spec.ModelKind;

/**
 * Tells, before training starts, whether a model can take a data set's images, with a message that says what
 * to change when it cannot. The engine's fully connected models take 1x28x28 images (784 inputs); its
 * convolutional models take 1x28x28 or 3x32x32 images.
 */
public final class ModelInputCheck {

    /**
     * The shape of one input image.
     *
     * @param channels the number of channels
     * @param height   the height in pixels
     * @param width    the width in pixels
     */
    public record Shape(int channels, int height, int width) {
        /** MNIST and Fashion-MNIST: one grey channel of 28x28. */
        public static final Shape MNIST = new Shape(1, 28, 28);
        /** CIFAR-10: three colour channels of 32x32. */
        public static final Shape CIFAR = new Shape(3, 32, 32);

        /** The shape of a data set's images. */
        public static Shape of(ImageDataset data) {
            return new Shape(data.channels(), data.height(), data.width());
        }

        /** The number of values per image. */
        public int featureSize() {
            return channels * height * width;
        }

        @Override
        public String toString() {
            return channels + "x" + height + "x" + width;
        }
    }

    private ModelInputCheck() {
    }

    /** The image shapes a model of this kind can be built for. */
    public static List<Shape> acceptedShapes(ModelKind kind) {
        return kind.convolutional() ? List.of(Shape.MNIST, Shape.CIFAR) : List.of(Shape.MNIST);
    }

    /**
     * Why {@code data} cannot feed a model that expects {@code channels x height x width} images, or empty if
     * it can.
     */
    public static Optional<String> problem(ImageDataset data, int channels, int height, int width) {
        Shape expected = new Shape(channels, height, width);
        Shape actual = Shape.of(data);
        if (data.count() == 0) {
            return Optional.of("data set " + data.source() + " holds no images");
        }
        if (actual.equals(expected)) {
            return Optional.empty();
        }
        return Optional.of("data set " + data.source() + " has images of " + actual + " (" + actual.featureSize()
                + " values each) but the model expects " + expected + " (" + expected.featureSize() + " values); "
                + hint(actual));
    }

    /** Why {@code data} cannot feed a model of this kind, or empty if it can. */
    public static Optional<String> problem(ImageDataset data, ModelKind kind) {
        List<Shape> accepted = acceptedShapes(kind);
        Shape actual = Shape.of(data);
        if (data.count() == 0) {
            return Optional.of("data set " + data.source() + " holds no images");
        }
        if (accepted.contains(actual)) {
            return Optional.empty();
        }
        return Optional.of("model " + kind.id() + " takes images of " + accepted.stream().map(Shape::toString)
                .collect(Collectors.joining(" or ")) + ", but data set " + data.source() + " has images of " + actual
                + "; " + hint(actual));
    }

    /**
     * Throws unless {@code data} can feed a model that expects {@code channels x height x width} images.
     *
     * @throws IllegalArgumentException with the message of {@link #problem(ImageDataset, int, int, int)}
     */
    public static void require(ImageDataset data, int channels, int height, int width) {
        problem(data, channels, height, width).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    /**
     * Throws unless {@code data} can feed a model of this kind.
     *
     * @throws IllegalArgumentException with the message of {@link #problem(ImageDataset, ModelKind)}
     */
    public static void require(ImageDataset data, ModelKind kind) {
        problem(data, kind).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    private static String hint(Shape actual) {
        if (actual.equals(Shape.CIFAR)) {
            return "choose a convolutional model (conv-2, conv-4, conv-6) for 3x32x32 images, "
                    + "or an MNIST-style data set (1x28x28) for the fully connected ones";
        }
        if (actual.equals(Shape.MNIST)) {
            return "build the model for 1x28x28 inputs (MNIST, Fashion-MNIST, the sample)";
        }
        return "the models are built for 1x28x28 (MNIST, Fashion-MNIST, the sample) or 3x32x32 (CIFAR-10, "
                + "convolutional models only) images";
    }
}
