package org.lotterylab.visuals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotterylab.visuals.chart.Charts;
import org.lotterylab.visuals.chart.FrameCoalescer;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A redraw whose chart ChartFX still holds read-locked (its pre-layout step ran when it joined a scene, the
 * unlocking post-layout step comes with the next pulse) waits for a later pulse instead of blocking the JavaFX
 * thread on its own lock.
 */
@ExtendWith(ApplicationExtension.class)
class FrameCoalescerLockTest {
    private XYChart chart;
    private final DoubleDataSet data = new DoubleDataSet("points", 8);

    @Start
    void start(Stage stage) {
        chart = Charts.chart("locked", Charts.linearAxis("x", true), Charts.linearAxis("y", true), false);
        data.add(1, 1);
        Charts.renderer(chart).getDatasets().add(data);
        stage.setScene(new Scene(chart, 400, 300));
        stage.show();
    }

    @Test
    void aRedrawOfALockedChartWaitsForThePulseAfterTheUnlock() {
        List<String> seen = Fx.call(() -> {
            List<String> log = new ArrayList<>();
            FrameCoalescer.flushAll();
            FrameCoalescer redraw = new FrameCoalescer(() -> data.add(2, 2), chart);
            FrameCoalescer other = new FrameCoalescer(() -> log.add("other view"));
            data.lock().readLock(); // what ChartFX's pre-layout step leaves until its post-layout step
            redraw.request();
            other.request();
            FrameCoalescer.runPulse();
            log.add("pending " + redraw.isPending() + ", points " + data.getDataCount());
            data.lock().readUnLock();
            FrameCoalescer.runPulse();
            log.add("pending " + redraw.isPending() + ", points " + data.getDataCount());
            return log;
        });
        assertEquals(List.of("other view", "pending true, points 1", "pending false, points 2"), seen,
                "the locked chart's redraw gave its pulse to the next view and ran once unlocked");
    }
}
