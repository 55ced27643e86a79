package org.lotterylab.visuals.lmc;

import org.lotterylab.visuals.Fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.dataset.DataSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.visuals.Theme;
import org.lotterylab.visuals.chart.Charts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class InterpolationViewTest {
    private InterpolationView view;

    @Start
    void start(Stage stage) {
        view = new InterpolationView();
        Scene scene = new Scene(view, 1000, 700);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
    }

    private List<DataSet> sets() {
        return Fx.call(() -> List.copyOf(Charts.renderer(view.chart()).getDatasets()));
    }

    private static List<RunEvent> curve(String net, int k, int pair) {
        return LmcSyntheticData.curve(net, 1.0, k, pair, 11, new Random(3));
    }

    @Test
    void pointsAppearAsTheyArriveAndTheBarrierOnceTheCurveIsDone(FxRobot robot) {
        List<RunEvent> events = curve("dense", 0, 0);
        Fx.run(() -> {
            view.flush();
            assertEquals(0, Charts.renderer(view.chart()).getDatasets().size(), "nothing attached before data");
        });
        for (int i = 0; i < 4; i++) {
            LmcEvent.LmcPoint p = (LmcEvent.LmcPoint) events.get(i);
            Fx.run(() -> view.addPoint(p));
        }
        robot.sleep(150);
        List<DataSet> s = sets();
        assertEquals(1, s.size(), "the test curve");
        assertEquals(4, s.get(0).getDataCount(), "drawn as computed");
        assertEquals("dense k=0", s.get(0).getName(), "one legend entry per network and k");
        Fx.run(() -> {
            for (RunEvent e : events.subList(4, events.size())) {
                if (e instanceof LmcEvent.LmcPoint p) {
                    view.addPoint(p);
                } else {
                    view.curveDone((LmcEvent.LmcCurveDone) e);
                }
            }
            view.flush();
        });
        s = sets();
        assertEquals(2, s.size(), "curve and its barrier segment");
        DataSet barrier = s.stream().filter(d -> d.getName().startsWith("barrier")).findFirst().orElseThrow();
        LmcEvent.LmcCurveDone done = (LmcEvent.LmcCurveDone) events.get(events.size() - 1);
        assertEquals(100 * done.endpointMeanError(), barrier.get(DataSet.DIM_Y, 0), 1e-9);
        assertEquals(100 * done.maxError(), barrier.get(DataSet.DIM_Y, 1), 1e-9);
        assertEquals(barrier.get(DataSet.DIM_X, 0), barrier.get(DataSet.DIM_X, 1), 0.0, "vertical");
        String label = Fx.call(() -> view.barrierLabel().getText());
        assertTrue(label.contains(String.format(java.util.Locale.ROOT, "= %.2f%%", 100 * done.instability())), label);
        assertTrue(label.contains(InterpolationView.DEFINITION), label);
        assertTrue(label.contains(done.stable() ? "stable" : "unstable"), label);
        assertEquals(1 + 2 * 11, view.toCsv().split("\n").length);
    }

    @Test
    void clickingAPointShowsThatNetworksAccuracyAndMisclassifiedCount(FxRobot robot) {
        List<RunEvent> events = curve("ticket-round-02", 100, 1);
        Fx.run(() -> {
            for (RunEvent e : events) {
                if (e instanceof LmcEvent.LmcPoint p) {
                    view.addPoint(p);
                } else {
                    view.curveDone((LmcEvent.LmcCurveDone) e);
                }
            }
            view.flush();
        });
        robot.sleep(300); // let the chart lay out and range its axes
        LmcEvent.LmcPoint target = (LmcEvent.LmcPoint) events.get(5);
        AtomicReference<LmcCurves.Pick> seen = new AtomicReference<>();
        Fx.run(() -> view.selectedPointProperty().addListener((o, a, b) -> seen.set(b)));
        Point2D at = Fx.call(() -> view.scenePosition(target.alpha(), 100 * target.testError()));
        Point2D screen = Fx.call(() -> view.getScene().getWindow() == null ? null
                : new Point2D(view.getScene().getWindow().getX() + view.getScene().getX() + at.getX(),
                view.getScene().getWindow().getY() + view.getScene().getY() + at.getY()));
        robot.clickOn(screen);
        robot.sleep(100);
        LmcCurves.Pick pick = seen.get();
        assertNotNull(pick, "the click selected a point");
        assertEquals(5, pick.point().index());
        String text = Fx.call(() -> view.selectionLabel().getText());
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "test accuracy %.2f%% (%d of 1000 misclassified)",
                100 * (1 - target.testError()), target.testMisclassified())), text);
        assertTrue(sets().stream().anyMatch(d -> d.getName().equals("selected point")), "the point is highlighted");
        // a click far from every point changes nothing
        assertTrue(Fx.call(() -> view.pickAt(at.getX(), at.getY() - 200)).isEmpty());
    }

    @Test
    void bothSplitsAndClear(FxRobot robot) {
        Fx.run(() -> {
            for (RunEvent e : curve("dense", 0, 0)) {
                if (e instanceof LmcEvent.LmcPoint p) {
                    view.addPoint(p);
                }
            }
            for (RunEvent e : curve("dense", 500, 0)) {
                if (e instanceof LmcEvent.LmcPoint p) {
                    view.addPoint(p);
                }
            }
            view.splitBox().setValue(InterpolationView.SHOW_BOTH);
            view.flush();
        });
        List<DataSet> s = sets();
        assertEquals(8, s.size(), "2 paths x 2 splits, each complete curve with its barrier");
        assertEquals(4, s.stream().filter(d -> d.getName().startsWith("barrier")).count());
        assertTrue(s.get(0).getStyle().contains("-fx-line-color"));
        assertTrue(s.stream().anyMatch(d -> d.getName().endsWith("(train)") && d.getStyle().contains("dash")));
        assertTrue(s.stream().noneMatch(d -> d.getStyle().contains("-fx-show-in-legend: false")
                && !d.getName().startsWith("barrier")), "pair 0 curves carry the legend");
        Fx.run(() -> {
            view.splitBox().setValue(InterpolationView.SHOW_TRAIN);
            view.flush();
        });
        assertTrue(sets().stream().allMatch(d -> d.getName().endsWith("(train)")), "only training curves");
        Fx.run(() -> {
            for (RunEvent e : curve("dense", 0, 1)) {
                if (e instanceof LmcEvent.LmcPoint p) {
                    view.addPoint(p);
                }
            }
            view.flush();
        });
        assertEquals(1, sets().stream().filter(d -> d.getName().equals("dense k=0 (train)")
                && d.getStyle().contains("-fx-show-in-legend: false")).count(), "pair 1 adds no legend entry");
        Fx.run(view::clear);
        assertEquals(0, sets().size());
        assertNull(view.selectedPointProperty().get());
        assertEquals("network,k,seed_pair,alpha,split,error\n", view.toCsv());
    }
}
