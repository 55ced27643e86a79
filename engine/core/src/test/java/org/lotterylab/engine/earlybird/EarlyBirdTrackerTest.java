package org.lotterylab.engine.earlybird;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EarlyBirdTrackerTest {

    static boolean[][] mask(String bits) {
        boolean[] a = new boolean[bits.length()];
        for (int i = 0; i < a.length; i++) {
            a[i] = bits.charAt(i) == '1';
        }
        return new boolean[][] {a};
    }

    @Test
    void distanceIsTheFractionOfEntriesThatDiffer() {
        EarlyBirdTracker t = new EarlyBirdTracker(10, new EarlyBirdTracker.Options(2, 0.1));
        assertTrue(Double.isNaN(t.observe(0, mask("1111100000")).distanceToPrevious()));
        EarlyBirdTracker.Point p = t.observe(10, mask("1111000001"));
        assertEquals(0.2, p.distanceToPrevious(), 1e-12);
        assertEquals(0.2, p.maxDistanceWindow(), 1e-12);
        assertFalse(p.drawn());
        float[] d = t.pairwiseDistances();
        assertEquals(0f, d[0]);
        assertEquals(0.2f, d[1], 1e-6);
        assertEquals(0.2f, d[2], 1e-6);
    }

    @Test
    void drawnOnlyWhenEveryDistanceInTheWindowIsBelowTheThreshold() {
        EarlyBirdTracker t = new EarlyBirdTracker(20, new EarlyBirdTracker.Options(3, 0.1));
        t.observe(0, mask("11111111110000000000"));
        t.observe(1, mask("11111111000000000011")); // 4 differ: 0.2
        assertFalse(Double.isNaN(t.observe(1, mask("11111111000000000011")).maxDistanceWindow()));
        // window now: m1(0.2 from m0), m1, m1: m0 is out once a 4th arrives
        EarlyBirdTracker.Point p = t.observe(3, mask("11111111000000000101")); // 2 differ from m1: 0.1, not < 0.1
        assertFalse(p.drawn());
        EarlyBirdTracker.Point q = t.observe(4, mask("11111111000000000101"));
        assertFalse(q.drawn(), "window still holds a mask at distance 0.1");
        EarlyBirdTracker.Point r = t.observe(5, mask("11111111000000000101"));
        assertTrue(r.drawn());
        assertEquals(5, t.drawnAt().getAsInt());
        EarlyBirdTracker.Point s = t.observe(6, mask("00000000111111111111"));
        assertTrue(s.drawn(), "once drawn, stays drawn");
        assertEquals(5, t.drawnAt().getAsInt());
    }

    @Test
    void rejectsBadOptionsAndShapes() {
        assertThrows(IllegalArgumentException.class, () -> new EarlyBirdTracker.Options(1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new EarlyBirdTracker.Options(5, 0));
        assertThrows(IllegalArgumentException.class, () -> new EarlyBirdTracker.Options(5, Double.NaN));
        EarlyBirdTracker t = new EarlyBirdTracker(4, EarlyBirdTracker.Options.DEFAULT);
        assertThrows(IllegalArgumentException.class, () -> t.observe(0, mask("111")));
    }

    @Test
    void csvRowsAreNumpyFriendly() {
        EarlyBirdTracker t = new EarlyBirdTracker(2, new EarlyBirdTracker.Options(2, 0.6));
        assertEquals("0,nan,nan,false", t.observe(0, mask("10")).csvRow());
        assertEquals("5,0.500000,0.500000,true", t.observe(5, mask("11")).csvRow());
    }
}
