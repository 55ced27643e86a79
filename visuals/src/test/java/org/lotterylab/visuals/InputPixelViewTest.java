package org.lotterylab.visuals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.visuals.model.SequentialPalette;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class InputPixelViewTest {
    private InputPixelView view;

    @Start
    void start(Stage stage) {
        view = new InputPixelView();
        Scene scene = new Scene(view, 1200, 800);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
    }

    /** 10 units over a 1 x 8 x 8 image: every unit keeps the centre 4 x 4; unit 0 also keeps pixel (0, 0). */
    private static Mask centreMask() {
        int units = 10;
        boolean[] k = new boolean[units * 64];
        for (int u = 0; u < units; u++) {
            for (int y = 2; y < 6; y++) {
                for (int x = 2; x < 6; x++) {
                    k[u * 64 + y * 8 + x] = true;
                }
            }
        }
        k[0] = true;
        return new Mask("fc1", new int[] {units, 64}, k);
    }

    @Test
    void centreKeepsConnectionsAndBorderLosesThem(FxRobot robot) {
        Fx.run(() -> {
            view.setInputShape(1, 8, 8);
            view.show(centreMask());
        });
        int[] counts = view.counts();
        assertEquals(10, counts[3 * 8 + 3]);
        assertEquals(1, counts[0]);
        assertEquals(0, counts[7 * 8 + 7]);
        int centre = Fx.call(() -> view.mapImage().getPixelReader().getArgb(3, 3));
        int corner = Fx.call(() -> view.mapImage().getPixelReader().getArgb(7, 7));
        assertEquals(SequentialPalette.at(1.0), centre);
        assertEquals(SequentialPalette.at(0.0), corner);
        assertNotNull(view.tilesImage());
        assertTrue(view.summaryText().contains("10 units x 1 x 8 x 8"), view.summaryText());
        assertTrue(view.summaryText().contains("47 of 64 pixels have no connection left"), view.summaryText());
    }

    @Test
    void aLaterRoundRepaintsTheSameImagesWithItsOwnCounts(FxRobot robot) {
        boolean[] sameImages = Fx.call(() -> {
            view.setInputShape(1, 8, 8);
            view.show(centreMask());
            var map = view.mapImage();
            var tiles = view.tilesImage();
            boolean[] none = new boolean[10 * 64];
            none[7 * 8 + 7] = true; // unit 0 keeps the corner only
            view.show(new Mask("fc1", new int[] {10, 64}, none));
            return new boolean[] {map == view.mapImage(), tiles == view.tilesImage()};
        });
        assertTrue(sameImages[0] && sameImages[1], "one texture per size, rewritten (not a new image per round)");
        int centre = Fx.call(() -> view.mapImage().getPixelReader().getArgb(3, 3));
        int corner = Fx.call(() -> view.mapImage().getPixelReader().getArgb(7, 7));
        assertEquals(SequentialPalette.at(0.0), centre, "the later round's counts, not the first's");
        assertEquals(SequentialPalette.at(1.0), corner);
    }

    @Test
    void hoverShowsPixelCount(FxRobot robot) {
        Fx.run(() -> {
            view.setInputShape(1, 8, 8);
            view.show(centreMask());
        });
        Point2D p = Fx.call(() -> {
            double s = view.mapView().getFitWidth() / 8;
            return view.mapView().localToScreen(4.5 * s, 2.5 * s);
        });
        robot.moveTo(p);
        assertEquals("pixel (x 4, y 2): 10 of 10 connections kept", Fx.call(view::statusText));
    }

    @Test
    void infersSquareShapeAndExplainsOtherShapes(FxRobot robot) {
        Fx.run(() -> view.show(new Mask("fc1", new int[] {3, 49}, new boolean[147])));
        assertEquals(7, (int) view.mapImage().getWidth());
        Fx.run(() -> view.show(new Mask("fc1", new int[] {3, 50}, new boolean[150])));
        assertNull(view.mapImage());
        assertTrue(view.summaryText().contains("setInputShape"), view.summaryText());
        Fx.run(view::clear);
        assertEquals("no mask", view.summaryText());
    }
}
