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
}
