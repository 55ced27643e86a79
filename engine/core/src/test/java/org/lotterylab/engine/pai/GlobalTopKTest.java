package org.lotterylab.engine.pai;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GlobalTopKTest {

    @Test
    void keepsTheHighestScoresAcrossLayers() {
        double[][] s = {{0.1, 5, 3}, {4, 0.2}};
        boolean[][] m = GlobalTopK.keep(s, 3);
        assertArrayEquals(new boolean[] {false, true, true}, m[0]);
        assertArrayEquals(new boolean[] {true, false}, m[1]);
    }

    @Test
    void breaksTiesByPositionAndRanksNanLast() {
        double[][] s = {{1, Double.NaN, 1}, {1, 2}};
        boolean[][] m = GlobalTopK.keep(s, 3);
        assertArrayEquals(new boolean[] {true, false, true}, m[0]);
        assertArrayEquals(new boolean[] {false, true}, m[1]);
        boolean[][] all = GlobalTopK.keep(s, 5);
        assertArrayEquals(new boolean[] {true, true, true}, all[0]);
    }

    @Test
    void keepsNothingOrRejectsImpossibleCounts() {
        double[][] s = {{1, 2}};
        assertArrayEquals(new boolean[] {false, false}, GlobalTopK.keep(s, 0)[0]);
        assertThrows(IllegalArgumentException.class, () -> GlobalTopK.keep(s, 3));
        assertThrows(IllegalArgumentException.class, () -> GlobalTopK.keep(s, -1));
    }
}
