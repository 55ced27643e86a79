package org.lotterylab.api.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.lotterylab.api.spec.LayerKind;

class ShapesTest {

    @Test
    void masksTensorsAndLayersCountTheirElementsByOneRule() {
        assertEquals(6, Mask.dense("fc", new int[] {2, 3}).size());
        assertEquals(1, new Tensor("s", new int[0], new float[1]).size());
        assertEquals(235200, new LayerInfo("fc1", LayerKind.HIDDEN, new int[] {300, 784}).size());
        assertEquals("fc: shape [2, 3] needs 6 flags, got 5",
                assertThrows(IllegalArgumentException.class, () -> new Mask("fc", new int[] {2, 3}, new boolean[5])).getMessage());
        assertEquals("w: shape [4] needs 4 values, got 3",
                assertThrows(IllegalArgumentException.class, () -> new Tensor("w", new int[] {4}, new float[3])).getMessage());
        // two negative dimensions multiply to a positive count: a mask used to accept them
        assertEquals("negative dimension in [-1, -1]",
                assertThrows(IllegalArgumentException.class, () -> new Mask("m", new int[] {-1, -1}, new boolean[1])).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Tensor("t", new int[] {-1, -1}, new float[1]));
    }
}
