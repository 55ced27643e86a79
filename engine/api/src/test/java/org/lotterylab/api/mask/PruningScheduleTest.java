package org.lotterylab.api.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PruningScheduleTest {

    @Test
    void keptCountsFollowTheClosedForm() {
        assertEquals(235200, PruningSchedule.keptAfter(235200, 0.2, 0));
        assertEquals(188160, PruningSchedule.keptAfter(235200, 0.2, 1));
        assertEquals(150528, PruningSchedule.keptAfter(235200, 0.2, 2));
        // 1000 * 0.9^3 = 729 exactly; 10 * 0.8^2 = 6.4 -> 6
        assertEquals(729, PruningSchedule.keptAfter(1000, 0.1, 3));
        assertEquals(6, PruningSchedule.keptAfter(10, 0.2, 2));
        assertEquals(100, PruningSchedule.keptAfter(100, 0.0, 5));
        assertEquals(100, PruningSchedule.keptAfter(100, 0.5, -1));
        // computed from the original count each round, so no drift: 0.8^15 of 235200 = 8275.36 -> 8275
        assertEquals(8275, PruningSchedule.keptAfter(235200, 0.2, 15));
        assertEquals(0.64, PruningSchedule.fractionAfter(0.2, 2), 1e-12);
        assertEquals(1.0, PruningSchedule.fractionAfter(0.2, -3));
    }

    @Test
    void masksAndTensorsCheckTheirShapes() {
        Mask m = Mask.dense("fc1", new int[] {3, 4});
        assertEquals(12, m.kept());
        assertEquals(1.0, m.fractionRemaining());
        assertEquals(new LayerSummary("fc1", 10, 4).fractionRemaining(), 0.4);
        assertEquals(12, new LayerInfo("fc1", org.lotterylab.api.spec.LayerKind.HIDDEN, new int[] {3, 4}).size());
        assertEquals(4, new LayerInfo("c", org.lotterylab.api.spec.LayerKind.CONV, new int[] {2, 1, 2, 2}).cols());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Tensor("x", new int[] {2, 2}, new float[3]));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Mask("x", new int[] {2, 2}, new boolean[5]));
    }
}
