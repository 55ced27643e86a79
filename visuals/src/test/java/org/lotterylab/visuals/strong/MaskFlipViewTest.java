package org.lotterylab.visuals.strong;

import org.lotterylab.visuals.Fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.dataset.DataSet;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotterylab.api.run.EdgePopupEvent.MaskFlips;
import org.lotterylab.visuals.Theme;
import org.lotterylab.visuals.chart.Charts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MaskFlipViewTest {
    private MaskFlipView view;

    @Start
    void start(Stage stage) {
        view = new MaskFlipView();
        Scene scene = new Scene(view, 900, 500);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
    }

    private List<DataSet> attached() {
        return Fx.call(() -> List.copyOf(Charts.renderer(view.chart()).getDatasets()));
    }

    @Test
    void nothingIsAttachedUntilThereAreFlipsThenTheyArriveOncePerFrame(FxRobot robot) {
        Fx.run(() -> view.flush());
        assertTrue(attached().isEmpty(), "no empty data sets in the chart");
        Fx.run(() -> {
            view.setSweep(List.of(0, 1), List.of(0.5, 0.3));
            for (MaskFlips f : StrongSyntheticData.flips(0, 133_100, 20, 0.5, 1)) {
                view.addFlips(f);
            }
        });
        robot.sleep(200);
        List<DataSet> sets = attached();
        assertEquals(2, sets.size(), "entered and left");
        assertEquals(20, view.enteredSet().getDataCount());
        double y0 = Fx.call(() -> view.enteredSet().get(DataSet.DIM_Y, 0));
        double l0 = Fx.call(() -> view.leftSet().get(DataSet.DIM_Y, 0));
        assertTrue(y0 > 0 && l0 == -y0, "entered above zero, left mirrored below: " + y0 + " " + l0);
        assertEquals(0, Fx.call(view::shownRound));
        String status = Fx.call(view::statusText);
        assertTrue(status.startsWith("50% kept (round 0): last interval"), status);
    }

    @Test
    void followsTheLatestPointUntilTheUserPicksOne() {
        Fx.run(() -> {
            view.setSweep(List.of(0, 1), List.of(0.5, 0.3));
            view.addFlips(new MaskFlips(0, 50, 0.5, 100, 100, 1000));
            view.addFlips(new MaskFlips(1, 50, 0.5, 40, 40, 600));
            view.flush();
        });
        assertEquals(1, Fx.call(view::shownRound));
        assertEquals(80.0, Fx.call(() -> view.enteredSet().get(DataSet.DIM_Y, 0)), 1e-9, "40 edges in half an epoch");
        Fx.run(() -> {
            view.selectRound(0);
            view.addFlips(new MaskFlips(1, 100, 1.0, 10, 10, 600));
            view.flush();
        });
        assertEquals(0, Fx.call(view::shownRound), "a picked point stays shown");
        assertEquals(200.0, Fx.call(() -> view.enteredSet().get(DataSet.DIM_Y, 0)), 1e-9);
        Fx.run(() -> {
            view.clear();
            view.flush();
        });
        assertFalse(attached().contains(view.enteredSet()));
        assertEquals("no mask flips yet", Fx.call(view::statusText));
    }
}
