package org.lotterylab.visuals.strong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.visuals.sample.SyntheticData;

class MaskOverlapTest {

    @Test
    void countsAndIntersectionOverUnion() {
        boolean[] ep = {true, true, false, false, true};
        boolean[] imp = {true, false, true, false, true};
        MaskOverlap o = MaskOverlap.of(ep, imp);
        assertEquals(new MaskOverlap(2, 1, 1, 1), o);
        assertEquals(5, o.total());
        assertEquals(0.5, o.iou(), 1e-12, "2 / (2 + 1 + 1)");
        assertEquals(0.6, o.edgePopupDensity(), 1e-12);
        assertEquals(0.6, o.impDensity(), 1e-12);
        assertEquals(0.36 / (1.2 - 0.36), o.randomIou(), 1e-12);
        assertTrue(o.describe().startsWith("IoU 0.500"), o.describe());
    }

    @Test
    void identicalDisjointAndEmptyMasks() {
        boolean[] a = {true, false, true};
        assertEquals(1.0, MaskOverlap.of(a, a).iou());
        assertEquals(0.0, MaskOverlap.of(a, new boolean[] {false, true, false}).iou());
        assertTrue(Double.isNaN(MaskOverlap.of(new boolean[3], new boolean[3]).iou()), "IoU of two empty masks is undefined");
        assertThrows(IllegalArgumentException.class, () -> MaskOverlap.of(a, new boolean[2]));
    }

    @Test
    void randomMasksLandNearTheRandomBaseline() {
        Random rng = new Random(1);
        int n = 200_000;
        boolean[] a = new boolean[n];
        boolean[] b = new boolean[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextDouble() < 0.5;
            b[i] = rng.nextDouble() < 0.2;
        }
        MaskOverlap o = MaskOverlap.of(a, b);
        assertEquals(0.1 / 0.6, o.randomIou(), 0.005);
        assertEquals(o.randomIou(), o.iou(), 0.005);
    }

    @Test
    void pixelsUseOneColourPerCase() {
        boolean[] ep = {true, true, false, false};
        boolean[] imp = {true, false, true, false};
        assertArrayEquals(new int[] {10, 11, 12, 13}, MaskOverlap.pixels(ep, imp, new int[] {10, 11, 12, 13}));
        assertArrayEquals(new int[] {1, 1, 0, 0}, MaskOverlap.pixels(ep, 1, 0));
    }

    @Test
    void syntheticMasksOverlapMoreThanRandom() {
        List<Mask> e = StrongSyntheticData.masks(SyntheticData.lenetLayers(), 0.5, 1.0, 7, 1);
        List<Mask> i = StrongSyntheticData.masks(SyntheticData.lenetLayers(), 0.26, 0.7, 7, 2);
        MaskOverlap o = MaskOverlap.of(e.get(0).keep(), i.get(0).keep());
        assertEquals(0.5, o.edgePopupDensity(), 1e-3);
        assertTrue(o.iou() > o.randomIou() + 0.05, o.describe());
    }
}
