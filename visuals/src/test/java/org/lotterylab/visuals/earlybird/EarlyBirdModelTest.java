package org.lotterylab.visuals.earlybird;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lotterylab.api.run.RunEvent;

class EarlyBirdModelTest {

    /** Three points: masks 0 and 1 differ by 0.4, 0 and 2 by 0.5, 1 and 2 by 0.1 (the ticket drawn at 20). */
    static RunEvent.EarlyBirdPoint[] points() {
        return new RunEvent.EarlyBirdPoint[] {
            new RunEvent.EarlyBirdPoint(0, 0, Double.NaN, Double.NaN, false, new float[0]),
            new RunEvent.EarlyBirdPoint(1, 10, 0.4, Double.NaN, false, new float[] {0.4f}),
            new RunEvent.EarlyBirdPoint(2, 20, 0.1, 0.1, true, new float[] {0.5f, 0.1f}),
        };
    }

    @Test
    void livePointsGrowASymmetricMatrix() {
        EarlyBirdModel m = new EarlyBirdModel();
        for (RunEvent.EarlyBirdPoint p : points()) {
            assertTrue(m.add(p));
        }
        assertEquals(3, m.size());
        assertEquals(0.4, m.distance(0, 1), 1e-6);
        assertEquals(0.4, m.distance(1, 0), 1e-6);
        assertEquals(0.5, m.distance(2, 0), 1e-6);
        assertEquals(0.5, m.distance(0, 2), 1e-6);
        assertEquals(0.1, m.distance(1, 2), 1e-6);
        assertEquals(0, m.distance(2, 2));
        assertEquals(0.1, m.distanceToPrevious(2), 1e-6);
        assertEquals(20, m.drawnIteration().getAsInt());
        assertTrue(m.toCsv().contains("\n0,20,0.500000\n"), m.toCsv());
    }

    @Test
    void aPointOutOfOrderIsRefused() {
        EarlyBirdModel m = new EarlyBirdModel();
        assertFalse(m.add(points()[1]));
        assertEquals(0, m.size());
    }

    @Test
    void theSummaryReplacesTheMatrixAndStatesTheSaving() {
        EarlyBirdModel m = new EarlyBirdModel();
        m.add(points()[0]);
        m.add(points()[1]);
        m.finish(new RunEvent.EarlyBirdDrawn(true, 10, 150, 140, new int[] {0, 10},
                new float[] {0, 0.3f, 0.3f, 0}));
        assertEquals(2, m.size());
        assertEquals(0.3, m.distance(0, 1), 1e-6);
        assertEquals(10, m.drawnIteration().getAsInt());
        assertEquals("ticket drawn at iteration 10; 140 iterations saved (93% of 150)", m.caption());
    }

    @Test
    void noTicketDrawnHasNoMarker() {
        EarlyBirdModel m = new EarlyBirdModel();
        m.finish(new RunEvent.EarlyBirdDrawn(false, 150, 150, 0, new int[] {0}, new float[] {0}));
        assertTrue(m.drawnIteration().isEmpty());
        assertEquals("no early-bird ticket drawn in 150 iterations", m.caption());
    }
}
