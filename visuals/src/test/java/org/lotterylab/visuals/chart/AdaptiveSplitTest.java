package org.lotterylab.visuals.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.geometry.Orientation;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The rule alone; the class is a control, so JavaFX must be running to load it. */
@ExtendWith(ApplicationExtension.class)
class AdaptiveSplitTest {
    @Start
    void start(Stage stage) {
        // no window needed
    }

    @Test
    void stacksUnlessThePaneIsWideOrStackingLeavesAStrip() {
        assertEquals(Orientation.HORIZONTAL, AdaptiveSplit.orientationFor(1200, 500, 0.5), "a presentation page");
        assertEquals(Orientation.VERTICAL, AdaptiveSplit.orientationFor(341, 700, 0.5), "a tall panel: room for both");
        assertEquals(Orientation.VERTICAL, AdaptiveSplit.orientationFor(460, 545, 0.5), "122 px plots stacked");
        // the training curves at 1600x1000: stacked each plot would keep 15 px, side by side 180 x 95
        assertEquals(Orientation.HORIZONTAL, AdaptiveSplit.orientationFor(330, 330, 0.5));
        // so narrow that side by side is worse still: stay stacked
        assertEquals(Orientation.VERTICAL, AdaptiveSplit.orientationFor(150, 330, 0.5));
        // the smaller share of an uneven split decides
        assertEquals(Orientation.HORIZONTAL, AdaptiveSplit.orientationFor(400, 420, 0.58));
        assertEquals(Orientation.VERTICAL, AdaptiveSplit.orientationFor(400, 480, 0.5), "an even split keeps 90 px");
        // the accuracy view at 1280x720 (about 68 px for the early-stop plot) and at 1920x1080 (about 35)
        assertEquals(Orientation.VERTICAL, AdaptiveSplit.orientationFor(455, 520, 0.58));
        assertEquals(Orientation.HORIZONTAL, AdaptiveSplit.orientationFor(490, 440, 0.58));
    }
}
