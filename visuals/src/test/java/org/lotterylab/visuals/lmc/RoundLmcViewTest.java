package org.lotterylab.visuals.lmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.plugins.YValueIndicator;
import io.fair_acc.dataset.DataSet;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotterylab.visuals.Fx;
import org.lotterylab.visuals.Theme;
import org.lotterylab.visuals.chart.Charts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class RoundLmcViewTest {
    private RoundLmcView view;

    @Start
    void start(Stage stage) {
        view = new RoundLmcView();
        Scene scene = new Scene(view, 700, 800);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
    }

    private void round(String network, int round, double instability) {
        for (int i = 0; i < 5; i++) {
            view.addPoint(RoundLmcTest.point(network, 0, 0, i, 5, 0.05 + (i == 2 ? instability : 0), Math.pow(0.6, round)));
        }
        view.curveDone(RoundLmcTest.done(network, 0, instability, Math.pow(0.6, round)), Double.NaN);
    }

    private List<String> shown() {
        return Fx.call(() -> Charts.renderer(view.pathChart()).getDatasets().stream().map(DataSet::getName).toList());
    }

    @Test
    void theStabilityLineIsThereBeforeTheFirstCurveAndStaysThroughAClear(FxRobot robot) {
        // its nodes joining a chart already on screen made JavaFX repaint the whole window a frame later
        List<Object> before = Fx.call(() -> List.copyOf(view.instabilityChart().getPlugins()));
        assertTrue(before.stream().anyMatch(p -> p instanceof YValueIndicator), "shown while empty: " + before);
        Fx.run(() -> {
            round("dense", 0, 0.004);
            view.flush();
            view.clear();
            round("ticket-round-01", 1, 0.003);
            view.flush();
        });
        assertEquals(before, Fx.call(() -> List.copyOf(view.instabilityChart().getPlugins())),
                "the same plugins, never removed and added again");
    }

    @Test
    void clearingLeavesTheInstabilityChartInPlace(FxRobot robot) {
        // put back in its place, the chart was laid out and repainted at every run's start
        List<Object> changes = new java.util.ArrayList<>();
        Fx.run(() -> view.instabilityChart().getParent().getChildrenUnmodifiable()
                .addListener((javafx.collections.ListChangeListener<javafx.scene.Node>) c -> changes.add(c.toString())));
        Fx.run(() -> {
            view.clear();
            round("dense", 0, 0.004);
            view.flush();
            view.clear();
        });
        assertEquals(List.of(), changes, "never taken out of its place and put back");
        assertTrue(Fx.call(() -> view.instabilityChart().getScene() != null), "still shown");
    }

    @Test
    void oneCurvePerFinishedRoundTheLatestBoldOnTopAndInstabilityPerBranchWithTheThreshold(FxRobot robot) {
        Fx.run(() -> {
            round("dense", 0, 0.004);
            round("ticket-round-01", 1, 0.003);
            round("random-reinit-round-01", 1, 0.012);
            round("ticket-round-02", 2, 0.005);
            view.flush();
        });
        List<String> names = shown();
        assertEquals(4, names.size(), "one curve per finished round and branch: " + names);
        assertEquals("ticket r2", names.get(names.size() - 1), "the focus round is drawn last (on top)");
        String bold = Fx.call(() -> Charts.renderer(view.pathChart()).getDatasets().get(names.size() - 1).getStyle());
        String faded = Fx.call(() -> Charts.renderer(view.pathChart()).getDatasets().get(0).getStyle());
        assertTrue(bold.contains("-fx-line-width: 3.5"), bold);
        assertTrue(faded.contains("rgba(") && faded.contains("-fx-line-width: 1.5"), faded);
        List<DataSet> inst = Fx.call(() -> List.copyOf(Charts.renderer(view.instabilityChart()).getDatasets()));
        assertEquals(List.of("ticket", "random-reinit"), inst.stream().map(DataSet::getName).toList());
        assertEquals(3, inst.get(0).getDataCount());
        assertEquals(36.0, inst.get(0).get(DataSet.DIM_X, 2), 1e-9, "points by decreasing weights remaining");
        assertEquals(0.5, inst.get(0).get(DataSet.DIM_Y, 2), 1e-9, "instability in percent");
        assertTrue(Fx.call(() -> view.instabilityChart().getPlugins().stream().anyMatch(p -> p instanceof YValueIndicator)));
        assertEquals("round 2: ticket stable (instability 0.50%)", Fx.call(view::captionText));

        Fx.run(() -> {
            view.setFocusRound(1);
            view.flush();
        });
        assertEquals(3, shown().size(), "rounds after the focus round are hidden");
        assertTrue(shown().get(shown().size() - 1).endsWith(" r1"));
        assertTrue(Fx.call(view::captionText).startsWith("round 1: ticket stable (instability 0.30%), random-reinit"));
        assertThrows(IllegalStateException.class, () -> view.clear(), "scene-graph code asserts the FX thread");
    }

    @Test
    void aGroupShowsMeansWithErrorBarsVersusWeightsOrVersusK(FxRobot robot) {
        GroupInstability g = new GroupInstability();
        g.add("", "seed 1", "ticket-round-00", 0, 1.0, 0.004);
        g.add("", "seed 2", "ticket-round-00", 0, 1.0, 0.008);
        g.add("", "seed 1", "ticket-round-03", 0, 0.2, 0.010);
        g.add("", "seed 2", "ticket-round-03", 0, 0.2, 0.030);
        Fx.run(() -> {
            round("dense", 0, 0.004);
            view.showGroup(g, org.lotterylab.visuals.model.ErrorBars.MIN_MAX, false);
            view.flush();
        });
        List<DataSet> inst = Fx.call(() -> List.copyOf(Charts.renderer(view.instabilityChart()).getDatasets()));
        assertEquals(1, inst.size(), "one series per branch");
        io.fair_acc.dataset.spi.DoubleErrorDataSet t = (io.fair_acc.dataset.spi.DoubleErrorDataSet) inst.get(0);
        assertEquals(2.0, t.get(DataSet.DIM_Y, 1), 1e-9, "mean of 1% and 3%");
        assertEquals(1.0, t.getErrorNegative(DataSet.DIM_Y, 1), 1e-9);
        String label = t.getDataLabel(1);
        assertTrue(label.contains("n = 2") && label.contains("seed 1: 1.00%") && label.contains("seed 2: 3.00%"), label);
        assertEquals(1, shown().size(), "the path chart keeps the first run's curves");

        GroupInstability byK = new GroupInstability();
        for (int k : new int[] {0, 50, 500}) {
            byK.add("", "seed 1", "dense", k, 1.0, 0.001 * k / 50.0);
            byK.add("", "seed 2", "dense", k, 1.0, 0.001 * k / 50.0 + 0.002);
            byK.add("", "seed 1", "ticket-round-03", k, 0.03, 0.02);
        }
        Fx.run(() -> {
            view.showGroup(byK, org.lotterylab.visuals.model.ErrorBars.SD, true);
            view.flush();
        });
        assertTrue(Fx.call(() -> view.kChart().isVisible() && !view.instabilityChart().isVisible()));
        List<DataSet> ks = Fx.call(() -> List.copyOf(Charts.renderer(view.kChart()).getDatasets()));
        assertEquals(List.of("dense", "ticket r3 (3.0%)"), ks.stream().map(DataSet::getName).toList());
        assertEquals(500, ks.get(0).get(DataSet.DIM_X, 2), 0);
        assertEquals(1.1, ks.get(0).get(DataSet.DIM_Y, 2), 1e-9, "mean of 1.0% and 1.2%");
        assertEquals(100 * Math.sqrt(2e-6), ((io.fair_acc.dataset.spi.DoubleErrorDataSet) ks.get(0)).getErrorPositive(DataSet.DIM_Y, 2),
                1e-9, "one sample s.d.");
        Fx.run(() -> {
            view.clear();
            view.flush();
        });
        assertTrue(Fx.call(() -> !view.kChart().isVisible() && view.instabilityChart().isVisible() && view.group() == null));
    }
}
