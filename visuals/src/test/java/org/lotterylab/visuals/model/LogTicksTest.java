package org.lotterylab.visuals.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LogTicksTest {
    /** Weights remaining after n rounds at 20% per round (hidden layers), in percent. */
    private static double[] schedule(int rounds) {
        double[] xs = new double[rounds];
        for (int n = 0; n < rounds; n++) {
            xs[n] = 100 * Math.pow(0.8, n);
        }
        return xs;
    }

    @Test
    void ticksSitOnDataPointsAtLeastTheRatioApart() {
        double[] xs = schedule(16);
        double[] t = LogTicks.major(2, 110, xs, 1.8);
        String[] labels = Arrays.stream(t).mapToObj(LogTicks::label).toArray(String[]::new);
        assertArrayEquals(new String[] {"100%", "51%", "26%", "13%", "6.9%", "3.5%"}, labels);
        for (int i = 1; i < t.length; i++) {
            assertTrue(t[i - 1] / t[i] >= 1.8);
        }
    }

    @Test
    void denseAxesLabelEveryRound() {
        double[] t = LogTicks.major(2, 110, schedule(5), 1.2);
        assertEquals(5, t.length);
        assertEquals(100, t[0], 1e-9);
    }

    @Test
    void withoutDataTicksHalveFromOneHundred() {
        double[] t = LogTicks.major(5, 110, new double[0], 1.8);
        assertArrayEquals(new double[] {100, 51.2, 26.2144, 13.4217728, 6.8719476736}, t, 1e-6);
    }

    @Test
    void ratioGrowsWhenTheAxisIsShort() {
        assertTrue(LogTicks.minRatioFor(1, 100, 200, 48) > LogTicks.minRatioFor(1, 100, 1000, 48));
        assertEquals(LogTicks.DEFAULT_MIN_RATIO, LogTicks.minRatioFor(1, 100, 0, 48));
    }

    @Test
    void labelsArePercentagesWithTwoSignificantDigitsBelowTen() {
        assertEquals("100%", LogTicks.label(100));
        assertEquals("51%", LogTicks.label(51.2));
        assertEquals("6.9%", LogTicks.label(6.87));
        assertEquals("3.6%", LogTicks.label(3.6));
        assertEquals("0.92%", LogTicks.label(0.9223));
        assertEquals("0.047%", LogTicks.label(0.0472));
        assertEquals("10%", LogTicks.label(9.96));
    }

    @Test
    void rangeCoversDataAndOneHundred() {
        double[] r = LogTicks.range(new double[] {80, 3.6});
        assertTrue(r[0] < 3.6 && r[1] > 100);
        double[] empty = LogTicks.range(new double[0]);
        assertTrue(empty[0] > 0 && empty[1] > 100);
        // the centred "100%" label at the left edge needs room: about 0.1 decade on a 1.7-decade axis
        assertTrue(Math.log10(r[1] / 100) >= 0.09, "margin above 100%: " + r[1]);
    }
}
