package org.lotterylab.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.lotterylab.api.spec.InputNormalization;

class InputNormalizerTest {

    private static ImageDataset set(float... px) {
        // two images of 2 channels x 1 x 2 pixels
        return new ImageDataset(px, new int[] {0, 1}, 2, 2, 1, 2, 2, "t");
    }

    @Test
    void trainStatisticsArePerChannelFromTheTrainingSplitOnly() {
        ImageDataset train = set(0, 0.5f, 1, 1, 0.5f, 1, 1, 1); // channel 0: 0, .5, .5, 1; channel 1: all 1
        ImageDataset test = set(1, 1, 1, 1, 0, 0, 0, 0);
        DataSplits s = InputNormalizer.apply(new DataSplits(train, test, test, "d"), InputNormalization.TRAIN);
        double std0 = Math.sqrt(0.125); // mean 0.5, population variance 0.125
        assertEquals((0 - 0.5) / std0, s.train().pixels()[0], 1e-6);
        assertEquals((1 - 0.5) / std0, s.test().pixels()[0], 1e-6, "the test split uses the training statistics");
        assertEquals(0, s.train().pixels()[2], 1e-6, "a constant channel becomes 0 (std taken as 1)");
        assertEquals(-1, s.test().pixels()[6], 1e-6);
        assertEquals(0, train.pixels()[0], 0f, "the input is not modified");
    }

    @Test
    void givenStatisticsAreUsedAsIsAndNoneChangesNothing() {
        ImageDataset train = set(0, 0.5f, 1, 1, 0.5f, 1, 1, 1);
        DataSplits d = new DataSplits(train, train, train, "d");
        DataSplits g = InputNormalizer.apply(d, InputNormalization.given(0.1307, 0.3081));
        assertEquals((0.5 - 0.1307) / 0.3081, g.validation().pixels()[1], 1e-6);
        assertEquals((1 - 0.1307) / 0.3081, g.test().pixels()[2], 1e-6);
        assertSame(d, InputNormalizer.apply(d, InputNormalization.NONE));
    }
}
