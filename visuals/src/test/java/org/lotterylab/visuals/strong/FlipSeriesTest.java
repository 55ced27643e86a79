package org.lotterylab.visuals.strong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.run.EdgePopupEvent.MaskFlips;

class FlipSeriesTest {

    @Test
    void ratesArePerEpochWhateverTheInterval() {
        FlipSeries s = new FlipSeries();
        s.add(new MaskFlips(0, 50, 0.5, 100, 100, 1000));
        s.add(new MaskFlips(0, 150, 1.5, 120, 120, 1000));
        s.add(new MaskFlips(0, 200, 2.0, 10, 10, 1000));
        List<FlipSeries.Point> p = s.points(0);
        assertEquals(200, p.get(0).enteredPerEpoch(), 1e-9);
        assertEquals(120, p.get(1).enteredPerEpoch(), 1e-9);
        assertEquals(20, p.get(2).leftPerEpoch(), 1e-9);
        assertEquals(0.1, s.settledRatio(0), 1e-9, "20 per epoch now, 200 at the peak");
        assertTrue(Double.isNaN(s.settledRatio(5)));
    }

    @Test
    void roundsLabelsAndRestarts() {
        FlipSeries s = new FlipSeries();
        s.setSweep(List.of(0, 1), List.of(0.5, 0.05));
        s.add(new MaskFlips(1, 10, 0.1, 1, 1, 10));
        s.add(new MaskFlips(0, 10, 0.1, 1, 1, 10));
        assertEquals(List.of(0, 1), s.rounds());
        assertEquals("50% kept (round 0)", s.label(0));
        assertEquals("5% kept (round 1)", s.label(1));
        assertEquals("round 7", s.label(7));
        s.add(new MaskFlips(0, 20, 0.2, 1, 1, 10));
        s.add(new MaskFlips(0, 10, 0.1, 3, 3, 10));
        assertEquals(1, s.points(0).size(), "an earlier iteration means the point was run again");
        assertEquals(3, s.points(0).get(0).entered());
    }
}
