package org.lotterylab.visuals.earlybird;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.visuals.Fx;
import org.lotterylab.visuals.Theme;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class EarlyBirdViewTest {
    private EarlyBirdView view;

    @Start
    void start(Stage stage) {
        view = new EarlyBirdView();
        Scene scene = new Scene(view, 800, 400);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aFakeEventStreamFillsTheMatrixAndMarksTheDrawnPoint() {
        Fx.run(() -> {
            for (RunEvent.EarlyBirdPoint p : EarlyBirdModelTest.points()) {
                view.addPoint(p);
            }
        });
        assertEquals(3, Fx.call(() -> view.model().size()));
        assertEquals("ticket drawn at iteration 20 (dense round still training)", Fx.call(view::captionText));
        Fx.run(() -> view.finish(new RunEvent.EarlyBirdDrawn(true, 20, 150, 130, new int[] {0, 10, 20},
                new float[] {0, 0.4f, 0.5f, 0.4f, 0, 0.1f, 0.5f, 0.1f, 0})));
        assertEquals("ticket drawn at iteration 20; 130 iterations saved (87% of 150)", Fx.call(view::captionText));
        Canvas heat = (Canvas) view.lookup("#early-bird-heatmap");
        // the cell (row 2, column 0) names iterations 20 and 0 and their distance
        String hover = Fx.call(() -> {
            double side = Math.min(heat.getWidth() - 42, heat.getHeight() - 51);
            return view.hoverText(34 + side * 0.5 / 3, 17 + side * 2.5 / 3).orElseThrow();
        });
        assertEquals("iterations 20 and 0: mask distance 0.500", hover);
        // the drawn point's diagonal cell is outlined in red on the heatmap
        Color c = Fx.call(() -> {
            double side = Math.min(heat.getWidth() - 42, heat.getHeight() - 51);
            WritableImage img = heat.snapshot(null, null);
            return img.getPixelReader().getColor((int) (34 + side * 2.5 / 3), (int) (17 + side * 2 / 3 + 1));
        });
        assertTrue(c.getRed() > 0.7 && c.getGreen() < 0.35, "red marker expected, got " + c);
    }
}
