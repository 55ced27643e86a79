package org.lotterylab.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.spec.ModelKind;

class ModelInputCheckTest {
    private static ImageDataset images(int c, int h, int w) {
        return new ImageDataset(new float[2 * c * h * w], new int[2], 2, c, h, w, 10, "tiny-" + c + "x" + h + "x" + w);
    }

    @Test
    void matchingShapesPass() {
        assertEquals(Optional.empty(), ModelInputCheck.problem(images(1, 28, 28), 1, 28, 28));
        assertEquals(Optional.empty(), ModelInputCheck.problem(images(3, 32, 32), ModelKind.CONV4));
        assertEquals(Optional.empty(), ModelInputCheck.problem(images(1, 28, 28), ModelKind.LENET_300_100));
        ModelInputCheck.require(images(1, 28, 28), ModelKind.CONV2);
    }

    @Test
    void mismatchIsExplained() {
        String p = ModelInputCheck.problem(images(3, 32, 32), 1, 28, 28).orElseThrow();
        assertTrue(p.contains("tiny-3x32x32") && p.contains("3x32x32") && p.contains("1x28x28")
                && p.contains("3072") && p.contains("784"), p);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelInputCheck.require(images(3, 32, 32), ModelKind.MLP_SMALL));
        assertTrue(e.getMessage().contains("mlp-small") && e.getMessage().contains("convolutional"), e.getMessage());

        String odd = ModelInputCheck.problem(images(1, 8, 8), ModelKind.CONV6).orElseThrow();
        assertTrue(odd.contains("1x28x28 or 3x32x32") && odd.contains("1x8x8"), odd);

        ImageDataset empty = new ImageDataset(new float[0], new int[0], 0, 1, 28, 28, 10, "none");
        assertTrue(ModelInputCheck.problem(empty, 1, 28, 28).orElseThrow().contains("no images"));
    }

    @Test
    void acceptedShapes() {
        assertEquals(List.of(ModelInputCheck.Shape.MNIST), ModelInputCheck.acceptedShapes(ModelKind.MLP_SMALL));
        assertEquals(List.of(ModelInputCheck.Shape.MNIST, ModelInputCheck.Shape.CIFAR),
                ModelInputCheck.acceptedShapes(ModelKind.CONV2));
        assertEquals("3x32x32", ModelInputCheck.Shape.CIFAR.toString());
        assertEquals(784, ModelInputCheck.Shape.MNIST.featureSize());
    }
}
