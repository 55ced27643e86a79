package org.lotterylab.visuals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotterylab.api.mask.LayerSummary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LayerSparsityViewTest {
    private LayerSparsityView view;

    @Start
    void start(Stage stage) {
        view = new LayerSparsityView();
        Scene scene = new Scene(view, 800, 300);
        Theme.apply(scene, true);
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
    }

    @Test
    void oneLabelledBarPerLayerPlusTotal(FxRobot robot) {
        Fx.run(() -> view.show(List.of(new LayerSummary("fc1", 235_200, 52_680), new LayerSummary("fc2", 30_000, 6_720),
                new LayerSummary("output", 1_000, 430))));
        assertEquals(List.of("52,680 / 235,200 (22.4%)", "6,720 / 30,000 (22.4%)", "430 / 1,000 (43.0%)",
                "59,830 / 266,200 (22.5%)"), Fx.call(view::barTexts));
        List<Double> fr = Fx.call(view::fillFractions);
        assertEquals(4, fr.size());
        assertEquals(0.224, fr.get(0), 0.01);
        assertEquals(0.43, fr.get(2), 0.01);
    }

    @Test
    void aNewRoundOfTheSameLayersUpdatesTheRowsInPlace(FxRobot robot) {
        Fx.run(() -> view.show(List.of(new LayerSummary("fc1", 100, 80), new LayerSummary("output", 10, 9))));
        List<javafx.scene.Node> before = Fx.call(() -> List.copyOf(view.lookupAll(".lab-bar-text")));
        Fx.run(() -> view.show(List.of(new LayerSummary("fc1", 100, 64), new LayerSummary("output", 10, 8))));
        robot.sleep(100);
        List<javafx.scene.Node> after = Fx.call(() -> List.copyOf(view.lookupAll(".lab-bar-text")));
        assertEquals(before, after, "the same label nodes, no rebuilt grid");
        assertEquals(List.of("64 / 100 (64.0%)", "8 / 10 (80.0%)", "72 / 110 (65.5%)"), Fx.call(view::barTexts));
        assertEquals(0.64, Fx.call(view::fillFractions).get(0), 0.01);
        // other layers: rebuilt
        Fx.run(() -> view.show(List.of(new LayerSummary("conv1", 50, 25))));
        assertEquals(List.of("25 / 50 (50.0%)"), Fx.call(view::barTexts));
    }

    @Test
    void smallFractionsKeepTwoDecimals(FxRobot robot) {
        assertEquals("1,234 / 266,200 (0.46%)", LayerSparsityView.barText(1234, 266_200));
        assertEquals("0 / 0 (100.0%)", LayerSparsityView.barText(0, 0));
        Fx.run(() -> view.show(List.of()));
        assertEquals(List.of(), Fx.call(view::barTexts));
    }
}
