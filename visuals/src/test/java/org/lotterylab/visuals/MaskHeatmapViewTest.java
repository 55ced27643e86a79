package org.lotterylab.visuals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.LayerKind;
import org.lotterylab.visuals.model.HeatmapPalette;
import org.lotterylab.visuals.sample.SyntheticData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MaskHeatmapViewTest {
    private static final int[] FC = {4, 6};
    private static final int[] OUT = {2, 4};
    private MaskHeatmapView view;

    @Start
    void start(Stage stage) {
        view = new MaskHeatmapView();
        Scene scene = new Scene(view, 1000, 700);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
    }

    private static boolean[] keepAllBut(int n, int... pruned) {
        boolean[] k = new boolean[n];
        java.util.Arrays.fill(k, true);
        for (int p : pruned) {
            k[p] = false;
        }
        return k;
    }

    private static float[] weights(boolean[] keep) {
        float[] w = new float[keep.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = keep[i] ? 0.25f : 0f;
        }
        w[5] = keep[5] ? 1.0f : 0f; // row 0, col 5: largest positive
        w[6] = keep[6] ? -1.0f : 0f; // row 1, col 0: largest negative
        return w;
    }

    /** fc (4 x 6): round 1 prunes index 0, round 2 also prunes index 7 (row 1, col 1). */
    private void feed() {
        List<LayerInfo> layers = List.of(new LayerInfo("fc", LayerKind.HIDDEN, FC), new LayerInfo("out", LayerKind.OUTPUT, OUT));
        float[] t0 = new float[24];
        for (int i = 0; i < 24; i++) {
            t0[i] = (i - 12) / 100f;
        }
        view.setLayers(layers, List.of(new Tensor("fc", FC, t0), new Tensor("out", OUT, new float[8])));
        int[][] prunedPerRound = {{}, {0}, {0, 7}};
        for (int r = 0; r < 3; r++) {
            boolean[] k = keepAllBut(24, prunedPerRound[r]);
            boolean[] ko = keepAllBut(8, r == 2 ? new int[] {3} : new int[0]);
            view.addRound(Branch.TICKET, r, List.of(new Mask("fc", FC, k), new Mask("out", OUT, ko)),
                    List.of(new Tensor("fc", FC, weights(k)), new Tensor("out", OUT, new float[8])));
        }
        view.flush();
    }

    private int pixel(int col, int row) {
        return Fx.call(() -> {
            view.flush();
            WritableImage img = view.image();
            return img.getPixelReader().getArgb(col, row);
        });
    }

    @Test
    void colorsKeptPrunedAndNewlyPrunedWeights(FxRobot robot) {
        Fx.run(this::feed);
        assertEquals(2, view.roundProperty().get(), "follows the latest round");
        assertEquals(Branch.TICKET, view.branchProperty().get());
        assertEquals("fc", view.selectedLayer());
        WritableImage img = Fx.call(view::image);
        assertEquals(6, (int) img.getWidth());
        assertEquals(4, (int) img.getHeight());
        assertEquals(HeatmapPalette.PRUNED, pixel(0, 0), "pruned in round 1: dark");
        assertEquals(HeatmapPalette.NEWLY_PRUNED, pixel(1, 1), "pruned in round 2: highlighted");
        assertEquals(HeatmapPalette.POS_HIGH, pixel(5, 0), "largest positive weight: brightest red");
        assertEquals(HeatmapPalette.NEG_HIGH, pixel(0, 1), "largest negative weight: brightest blue");
        assertTrue(Fx.call(view::statsText).contains("22 of 24 weights kept"), Fx.call(view::statsText));
    }

    @Test
    void roundSliderScrubsTheHistory(FxRobot robot) {
        Fx.run(this::feed);
        int before = pixel(1, 1);
        Fx.run(() -> view.roundProperty().set(1));
        int after = pixel(1, 1);
        assertNotEquals(before, after);
        assertEquals(HeatmapPalette.kept(0.25f, 1f), after, "kept again at round 1");
        assertEquals(HeatmapPalette.NEWLY_PRUNED, pixel(0, 0), "index 0 was pruned in round 1");
        Fx.run(() -> view.roundProperty().set(0));
        assertEquals(HeatmapPalette.kept(0.25f, 1f), pixel(0, 0));
        assertEquals(24, view.selectedMask().orElseThrow().kept());
    }

    @Test
    void aSingleRoundLeavesTheSliderDisabledWithItsThumbInPlace(FxRobot robot) {
        double thumbX = Fx.call(() -> {
            List<LayerInfo> layers = List.of(new LayerInfo("fc", LayerKind.HIDDEN, FC));
            view.setLayers(layers, List.of(new Tensor("fc", FC, new float[24])));
            view.addRound(Branch.TICKET, 0, List.of(new Mask("fc", FC, keepAllBut(24))),
                    List.of(new Tensor("fc", FC, new float[24])));
            view.flush();
            view.applyCss();
            view.layout();
            javafx.scene.control.Slider s = (javafx.scene.control.Slider) view.lookup("#heatmap-round-slider");
            assertTrue(s.isDisabled(), "nothing to scrub with one round");
            return s.lookup(".thumb").getLayoutX();
        });
        // an empty range (max == min) puts the thumb at NaN, and JavaFX then repaints the whole window
        assertTrue(Double.isFinite(thumbX), "thumb at x = " + thumbX);
    }

    @Test
    void selectedMaskAndLayerFollowThePickers(FxRobot robot) {
        Fx.run(this::feed);
        Mask m = Fx.call(() -> view.selectedMask().orElseThrow());
        assertEquals("fc", m.name());
        assertEquals(22, m.kept());
        Fx.run(() -> view.selectLayer("out"));
        assertEquals("out", view.selectedLayer());
        assertEquals(7, Fx.call(() -> view.selectedMask().orElseThrow()).kept());
        assertEquals(4, (int) Fx.call(() -> {
            view.flush();
            return view.image().getWidth();
        }).doubleValue());
    }

    @Test
    void hoverShowsWeightDetails(FxRobot robot) {
        Fx.run(this::feed);
        Point2D p = Fx.call(() -> {
            double z = view.zoom();
            return view.imageView().localToScreen((1 + 0.5) * z, (1 + 0.5) * z);
        });
        robot.moveTo(p);
        String text = Fx.call(view::statusText);
        assertTrue(text.startsWith("fc  row 1, col 1"), text);
        assertTrue(text.contains("θ0 = -0.0500"), text);
        assertTrue(text.contains("value at round 2 = +0.0000"), text);
        assertTrue(text.endsWith("pruned in round 2"), text);

        Point2D q = Fx.call(() -> {
            double z = view.zoom();
            return view.imageView().localToScreen((5 + 0.5) * z, 0.5 * z);
        });
        robot.moveTo(q);
        String kept = Fx.call(view::statusText);
        assertTrue(kept.contains("row 0, col 5") && kept.contains("+1.0000") && kept.endsWith("kept through round 2"), kept);
    }

    @Test
    void zoomButtonsScaleTheImageWithoutSmoothing(FxRobot robot) {
        Fx.run(this::feed);
        double before = view.zoom();
        robot.clickOn("#heatmap-zoom-out");
        double after = view.zoom();
        assertEquals(before / 1.5, after, 1e-9);
        assertEquals(6 * after, Fx.call(() -> view.imageView().getFitWidth()), 1e-9);
        assertTrue(!view.imageView().isSmooth(), "nearest neighbour");
        robot.clickOn("#heatmap-zoom-fit");
        assertEquals(before, view.zoom(), 1e-9);
    }

    @Test
    void branchesAreKeptApart(FxRobot robot) {
        Fx.run(this::feed);
        Fx.run(() -> view.addRound(Branch.RANDOM_REINIT, 1, List.of(new Mask("fc", FC, keepAllBut(24, 23)),
                new Mask("out", OUT, keepAllBut(8))), List.of()));
        assertEquals(Branch.TICKET, view.branchProperty().get(), "a new branch does not steal the view");
        Fx.run(() -> view.showRound(Branch.RANDOM_REINIT, 1));
        assertEquals(Branch.RANDOM_REINIT, view.branchProperty().get());
        assertEquals(HeatmapPalette.NEWLY_PRUNED, pixel(5, 3));
        // no final weights for that round: kept weights coloured from theta_0
        assertTrue(Fx.call(view::statsText).contains("random-reinit round 1"), Fx.call(view::statsText));
    }

    @Test
    void clearEmptiesTheView(FxRobot robot) {
        Fx.run(this::feed);
        Fx.run(view::clear);
        assertEquals("", view.selectedLayer());
        assertTrue(view.selectedMask().isEmpty());
    }

    @Test
    void lenetSizedLayerRedrawsQuickly(FxRobot robot) {
        SyntheticData.Run run = SyntheticData.imp(SyntheticData.lenetLayers(), 6, 3);
        Fx.run(() -> {
            view.setLayers(run.layers(), run.theta0());
            for (int r = 0; r < run.rounds(); r++) {
                view.addRound(Branch.TICKET, r, run.masks().get(r), run.weights().get(r));
            }
            view.flush();
        });
        long ns = Fx.call(() -> {
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 12; i++) {
                int r = i % run.rounds();
                long t = System.nanoTime();
                view.roundProperty().set(r);
                view.flush();
                best = Math.min(best, System.nanoTime() - t);
            }
            return best;
        });
        System.out.printf("fc1 300x784 redraw: best %.2f ms%n", ns / 1e6);
        assertTrue(ns < 40_000_000L, "redraw took " + ns / 1e6 + " ms");
        assertEquals(784, (int) Fx.call(view::image).getWidth());
    }
}
