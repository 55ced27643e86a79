package org.lotterylab.visuals.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InputConnectivityTest {
    // 2 units, 2 channels, 1 x 2 image: unit-major, then channel, then pixel
    private static final boolean[] KEEP = {
        true, false, /* u0 c0 */ true, true, /* u0 c1 */
        false, false, /* u1 c0 */ false, true /* u1 c1 */
    };

    @Test
    void countsSumOverUnitsAndChannels() {
        assertArrayEquals(new int[] {2, 2}, InputConnectivity.pixelCounts(KEEP, 2, 2, 1, 2));
        assertArrayEquals(new int[] {2, 1}, InputConnectivity.unitCounts(KEEP, 0, 2, 1, 2));
        assertArrayEquals(new int[] {0, 1}, InputConnectivity.unitCounts(KEEP, 1, 2, 1, 2));
        assertArrayEquals(new int[] {3, 1}, InputConnectivity.unitTotals(KEEP, 2, 4));
    }

    @Test
    void choosesMostConnectedOrFirstUnits() {
        boolean[] keep = {false, false, true, true, true, false};
        assertArrayEquals(new int[] {1, 2}, InputConnectivity.chooseUnits(keep, 3, 2, 2, true));
        assertArrayEquals(new int[] {0, 1}, InputConnectivity.chooseUnits(keep, 3, 2, 2, false));
        assertArrayEquals(new int[] {1, 2, 0}, InputConnectivity.chooseUnits(keep, 3, 2, 10, true));
    }

    @Test
    void infersSquareImages() {
        assertArrayEquals(new int[] {1, 28, 28}, InputConnectivity.inferShape(784));
        assertArrayEquals(new int[] {3, 32, 32}, InputConnectivity.inferShape(3072));
        assertArrayEquals(new int[] {3, 10, 10}, InputConnectivity.inferShape(300));
        assertNull(InputConnectivity.inferShape(301));
    }

    @Test
    void rejectsAWrongShape() {
        assertThrows(IllegalArgumentException.class, () -> InputConnectivity.pixelCounts(KEEP, 2, 1, 1, 2));
    }
}
