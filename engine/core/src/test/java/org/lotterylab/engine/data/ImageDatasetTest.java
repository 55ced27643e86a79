package org.lotterylab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImageDatasetTest {
    /** Four 1x2x2 images whose values are 0.01 * (4 * image + pixel). */
    static ImageDataset four() {
        float[] pixels = new float[16];
        for (int i = 0; i < 16; i++) {
            pixels[i] = i / 100f;
        }
        return new ImageDataset(pixels, new int[] {0, 1, 2, 1}, 4, 1, 2, 2, 3, "four");
    }

    @Test
    void subsetCopiesTheRange() {
        ImageDataset d = four();
        ImageDataset s = d.subset(1, 3);
        assertEquals(2, s.count());
        assertEquals(4, s.featureSize());
        assertArrayEquals(new int[] {1, 2}, s.labels());
        assertArrayEquals(new float[] {0.04f, 0.05f, 0.06f, 0.07f, 0.08f, 0.09f, 0.10f, 0.11f}, s.pixels());
        assertEquals("four [1, 3)", s.source());
        assertEquals(0, d.subset(2, 2).count());
        assertThrows(IndexOutOfBoundsException.class, () -> d.subset(3, 5));
        assertThrows(IndexOutOfBoundsException.class, () -> d.subset(2, 1));
        assertArrayEquals(new int[] {1, 2, 1}, d.classCounts());
        assertTrue(d.toString().contains("4 images of 1x2x2"));
    }

    @Test
    void rejectsInconsistentArrays() {
        assertThrows(IllegalArgumentException.class,
                () -> new ImageDataset(new float[15], new int[4], 4, 1, 2, 2, 3, "x"));
        assertThrows(IllegalArgumentException.class,
                () -> new ImageDataset(new float[16], new int[3], 4, 1, 2, 2, 3, "x"));
        assertThrows(IllegalArgumentException.class,
                () -> new ImageDataset(new float[16], new int[] {0, 0, 3, 0}, 4, 1, 2, 2, 3, "x"));
    }

    @Test
    void splitsMustShareTheShape() {
        ImageDataset d = four();
        ImageDataset other = new ImageDataset(new float[3], new int[1], 1, 3, 1, 1, 3, "rgb");
        assertThrows(IllegalArgumentException.class, () -> new DataSplits(d, d, other, "bad"));
        DataSplits ok = new DataSplits(d.subset(0, 2), d.subset(2, 3), d.subset(3, 4), "ok");
        assertTrue(ok.summary().startsWith("train 2 / validation 1 / test 1"), ok.summary());
        assertThrows(IllegalArgumentException.class, () -> ok.withTest(other));
    }
}
