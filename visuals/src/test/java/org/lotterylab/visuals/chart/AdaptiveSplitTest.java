package org.lotterylab.visuals.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.geometry.Orientation;
import org.junit.jupiter.api.Test;

class AdaptiveSplitTest {
    @Test
    void stacksUnlessThePaneIsWideOrStackingLeavesAStrip() {
        assertEquals(Orientation.HORIZONTAL, AdaptiveSplit.orientationFor(1200, 500, 0.5), "a presentation page");
        assertEquals(Orientation.VERTICAL, AdaptiveSplit.orientationFor(341, 700, 0.5), "a tall panel: room for both");
        assertEquals(Orientation.VERTICAL, AdaptiveSplit.orientationFor(460, 545, 0.5), "135 px plots stacked");
        // the training curves at 1600x1000: stacked each plot would keep 55 px, side by side 220 x 95
        assertEquals(Orientation.HORIZONTAL, AdaptiveSplit.orientationFor(330, 330, 0.5));
        // so narrow that side by side is worse still: stay stacked
        assertEquals(Orientation.VERTICAL, AdaptiveSplit.orientationFor(150, 330, 0.5));
        // the smaller share of an uneven split decides
        assertEquals(Orientation.HORIZONTAL, AdaptiveSplit.orientationFor(400, 420, 0.58));
        assertEquals(Orientation.VERTICAL, AdaptiveSplit.orientationFor(400, 420, 0.5), "an even split keeps 100 px");
    }
}
