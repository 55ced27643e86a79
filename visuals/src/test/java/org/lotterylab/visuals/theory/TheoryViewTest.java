package org.lotterylab.visuals.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.dataset.DataSet;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotterylab.api.store.WidthSweepRow;
import org.lotterylab.api.theory.TheoryReport;
import org.lotterylab.visuals.Fx;
import org.lotterylab.visuals.Theme;
import org.lotterylab.visuals.chart.Charts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class TheoryViewTest {
    private TheoryView view;

    @Start
    void start(Stage stage) {
        view = new TheoryView();
        Scene scene = new Scene(view, 1200, 800);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
    }

    @Test
    void showsTheSeriesOfTheReportOnLogAxes() {
        assertTrue(Fx.call(() -> Charts.renderer(view.subsetChart()).getDatasets().isEmpty()), "nothing attached empty");
        TheoryReport r = TheorySyntheticData.report(20, List.of(4, 8, 16), 3);
        Fx.run(() -> view.setReport(r));
        List<DataSet> s = Fx.call(() -> List.copyOf(Charts.renderer(view.subsetChart()).getDatasets()));
        assertEquals(5, s.size(), "mean, median, product median, two theory lines");
        assertEquals(19, view.uniformMeanSet().getDataCount());
        assertEquals(r.subsetSum().get(0).uniform().mean(), view.uniformMeanSet().get(DataSet.DIM_Y, 0), 0.0);
        assertEquals(r.subsetSum().get(18).uniform().theory(), view.uniformTheorySet().get(DataSet.DIM_Y, 18), 0.0);
        assertEquals(20.0, view.uniformMeanSet().get(DataSet.DIM_X, 18), 0.0);
        assertEquals(3, Fx.call(() -> Charts.renderer(view.constructionChart()).getDatasets().size()));
        assertEquals(16.0, view.outputMeanSet().get(DataSet.DIM_X, 2), 0.0);
        assertTrue(Fx.call(() -> ((io.fair_acc.chartfx.axes.spi.DefaultNumericAxis) view.subsetChart().getYAxis())
                .isLogAxis()));
        assertTrue(Fx.call(view::summaryText).contains("bits"), Fx.call(view::summaryText));
    }

    @Test
    void theTabFillsItselfFromTheComputation(FxRobot robot) {
        TheoryReport r = TheorySyntheticData.report(10, List.of(2, 4), 5);
        Tab tab = Fx.call(() -> TheoryView.tab(() -> r));
        assertEquals("Theory", tab.getText());
        TheoryView v = (TheoryView) tab.getContent();
        for (int i = 0; i < 50 && v.uniformMeanSet().getDataCount() == 0; i++) {
            robot.sleep(100);
        }
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(9, v.uniformMeanSet().getDataCount());
        assertEquals(2, v.outputMeanSet().getDataCount());
    }
    @Test
    void theWidthSweepPlotHoldsOnePointPerWidthAndTheTrainedTargetAsALine() {
        assertEquals(TheoryView.NO_WIDTH_SWEEP, Fx.call(view::widthStatusText), "says what it shows when empty");
        assertTrue(Fx.call(() -> Charts.renderer(view.widthChart()).getDatasets().isEmpty()));
        List<WidthSweepRow> rows = List.of(
                ticket(1, "300x100", 0.5, 0.905), ticket(2, "600x200", 0.5, 0.931), ticket(4, "1200x400", 0.5, 0.947),
                ticket(2, "600x200", 0.3, 0.92),
                new WidthSweepRow(WidthSweepRow.Kind.TRAINED_TARGET, 1, "300x100", 1.0, 266200, 266200, 0.932, 0.935,
                        "quick-target"));
        Fx.run(() -> view.setWidthSweep(rows, "quick-x.widths.csv", null));
        List<DataSet> sets = Fx.call(() -> List.copyOf(Charts.renderer(view.widthChart()).getDatasets()));
        assertEquals(3, sets.size(), "one series per keep value and the target line: " + sets);
        DataSet half = view.ticketSets().get(0);
        assertTrue(half.getName().contains("50%"), half.getName());
        assertEquals(3, half.getDataCount(), "one point per width");
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of(1.0, 2.0, 4.0).get(i), half.get(DataSet.DIM_X, i), 0.0);
            assertEquals(100 * List.of(0.905, 0.931, 0.947).get(i), half.get(DataSet.DIM_Y, i), 1e-9);
        }
        assertEquals(1, view.ticketSets().get(1).getDataCount(), "30% kept: one width");
        DataSet target = view.targetLineSet();
        assertTrue(sets.contains(target));
        assertEquals(2, target.getDataCount());
        assertEquals(93.2, target.get(DataSet.DIM_Y, 0), 1e-9);
        assertEquals(93.2, target.get(DataSet.DIM_Y, 1), 1e-9);
        assertTrue(target.get(DataSet.DIM_X, 0) < 1 && target.get(DataSet.DIM_X, 1) > 4, "the line spans the widths");
        var x = (io.fair_acc.chartfx.axes.spi.DefaultNumericAxis) Fx.call(() -> view.widthChart().getXAxis());
        assertTrue(Fx.call(x::isLogAxis));
        assertEquals(2.0, Fx.call(x::getLogarithmBase), 0.0);
        String status = Fx.call(view::widthStatusText);
        assertTrue(status.contains("4x 94.7%") && status.contains("target 93.2%"), status);

        Fx.run(() -> view.setWidthSweep(List.of(), "", "No width sweep in /x"));
        assertEquals("No width sweep in /x", Fx.call(view::widthStatusText));
        assertTrue(Fx.call(() -> Charts.renderer(view.widthChart()).getDatasets().isEmpty()), "emptied");
    }

    private static WidthSweepRow ticket(int width, String hidden, double keep, double acc) {
        long weights = 266200L * width;
        return new WidthSweepRow(WidthSweepRow.Kind.STRONG_TICKET, width, hidden, keep, weights,
                Math.round(weights * keep), acc, acc, "quick-w" + width);
    }
}
