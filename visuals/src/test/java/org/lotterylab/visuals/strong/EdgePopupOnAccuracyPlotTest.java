package org.lotterylab.visuals.strong;

import org.lotterylab.visuals.Fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.DataSet;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.visuals.AccuracySparsityView;
import org.lotterylab.visuals.Theme;
import org.lotterylab.visuals.chart.Charts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Edge-popup results need nothing special on the accuracy-vs-weights-remaining plot: they form their own series. */
@ExtendWith(ApplicationExtension.class)
class EdgePopupOnAccuracyPlotTest {
    private AccuracySparsityView view;

    @Start
    void start(Stage stage) {
        view = new AccuracySparsityView();
        Scene scene = new Scene(view, 900, 700);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
    }

    @Test
    void aSweepOfKeepValuesIsOneCurveNextToTheTicket(FxRobot robot) {
        Fx.run(() -> {
            view.addResult(new RoundResult(Branch.TICKET, 0, 1.0, 0.97, 400, 0.97, 1, List.of()));
            view.addResult(new RoundResult(Branch.TICKET, 1, 0.6, 0.975, 300, 0.975, 1, List.of()));
            // rounds of the edge-popup branch are sweep points, in any order of weights remaining
            view.addResult(new RoundResult(Branch.EDGE_POPUP, 0, 0.5, 0.92, 400, 0.92, 1, List.of()));
            view.addResult(new RoundResult(Branch.EDGE_POPUP, 1, 0.7, 0.90, 400, 0.90, 1, List.of()));
            view.addResult(new RoundResult(Branch.EDGE_POPUP, 2, 0.1, 0.80, 400, 0.80, 1, List.of()));
        });
        robot.sleep(300);
        XYChart chart = Fx.call(() -> (XYChart) view.lookup("#accuracy-chart"));
        List<DataSet> sets = Fx.call(() -> List.copyOf(Charts.renderer(chart).getDatasets()));
        DataSet ep = sets.stream().filter(d -> d.getName().equals(Branch.EDGE_POPUP.label())).findFirst().orElseThrow();
        assertEquals(3, ep.getDataCount());
        assertEquals(10.0, ep.get(DataSet.DIM_X, 0), 1e-9, "sorted by weights remaining (%)");
        assertEquals(92.0, ep.get(DataSet.DIM_Y, 1), 1e-9);
        assertTrue(sets.stream().anyMatch(d -> d.getName().equals(Branch.TICKET.label())));
    }
}
