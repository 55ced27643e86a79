package org.lotterylab.visuals.lmc;

import org.lotterylab.visuals.Fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.dataset.DataSet;
import java.util.List;
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
class InstabilityViewTest {
    private InstabilityView view;

    @Start
    void start(Stage stage) {
        view = new InstabilityView();
        Scene scene = new Scene(view, 900, 700);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
    }

    @Test
    void meansWithErrorBarsOverSeedPairsVersusKAndWeightsRemaining(FxRobot robot) {
        Fx.run(() -> {
            view.flush();
            assertEquals(0, Charts.renderer(view.kChart()).getDatasets().size(), "nothing attached before data");
            view.addCurve(InstabilityTableTest.done("dense", 0, 0, 0.10, 1.0));
            view.addCurve(InstabilityTableTest.done("dense", 0, 1, 0.06, 1.0));
            view.addCurve(InstabilityTableTest.done("dense", 500, 0, 0.01, 1.0));
            view.addCurve(InstabilityTableTest.done("ticket-round-03", 500, 0, 0.004, 0.512));
        });
        robot.sleep(200);
        List<DataSet> k = Fx.call(() -> List.copyOf(Charts.renderer(view.kChart()).getDatasets()));
        assertEquals(2, k.size(), "one series per network");
        DataSet dense = k.stream().filter(d -> d.getName().equals("dense")).findFirst().orElseThrow();
        assertEquals(2, dense.getDataCount());
        assertEquals(0, dense.get(DataSet.DIM_X, 0), 0.0);
        assertEquals(8.0, dense.get(DataSet.DIM_Y, 0), 1e-9, "mean of 10% and 6%");
        assertEquals(2.0, ((io.fair_acc.dataset.DataSetError) dense).getErrorNegative(DataSet.DIM_Y, 0), 1e-9, "down to the min");
        assertEquals(2.0, ((io.fair_acc.dataset.DataSetError) dense).getErrorPositive(DataSet.DIM_Y, 0), 1e-9, "up to the max");
        List<DataSet> w = Fx.call(() -> List.copyOf(Charts.renderer(view.weightsChart()).getDatasets()));
        assertEquals(List.of("k = 0", "k = 500"), w.stream().map(DataSet::getName).toList());
        DataSet k500 = w.get(1);
        assertEquals(51.2, k500.get(DataSet.DIM_X, 0), 1e-9);
        assertEquals(100.0, k500.get(DataSet.DIM_X, 1), 1e-9);
        assertEquals("2 of 4 curves stable (instability < 2%)", Fx.call(() -> view.summary().getText()));
        assertTrue(view.toCsv().contains("ticket-round-03,500,0.512,1,0.004,"));
        Fx.run(view::clear);
        assertEquals(0, Fx.call(() -> Charts.renderer(view.kChart()).getDatasets().size()));
    }

    @Test
    void syntheticAnalysisFillsBothCharts(FxRobot robot) {
        List<RunEvent> events = LmcSyntheticData.analysis(List.of("dense", "ticket-round-05"), new double[] {1, 0.33},
                List.of(0, 100, 1000), 2, 7, 1);
        Fx.run(() -> {
            for (RunEvent e : events) {
                if (e instanceof LmcEvent.LmcCurveDone d) {
                    view.addCurve(d);
                }
            }
            view.flush();
        });
        assertEquals(12, view.table().size());
        assertEquals(3, Fx.call(() -> Charts.renderer(view.weightsChart()).getDatasets().size()));
    }
}
