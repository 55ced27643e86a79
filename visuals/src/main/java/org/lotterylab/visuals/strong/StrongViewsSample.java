package org.lotterylab.visuals.strong;

import java.util.List;
import javafx.application.Application;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.run.EdgePopupEvent;
import org.lotterylab.visuals.Theme;
import org.lotterylab.visuals.sample.SyntheticData;

/**
 * The strong-ticket views on synthetic LeNet-300-100 data, standalone: {@link MaskComparisonView} (an
 * edge-popup mask at 50% kept against an IMP mask at 26% remaining) above {@link MaskFlipView} (a sweep of
 * four points). Start it with {@link StrongViewsLauncher}.
 */
public class StrongViewsSample extends Application {

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(content(), 1200, 900);
        Theme.apply(scene, getParameters() != null && getParameters().getRaw().contains("--presentation"));
        stage.setTitle("Strong lottery tickets: sample data");
        stage.setScene(scene);
        stage.show();
    }

    /** Both views filled with the synthetic data, in a vertical split. */
    public static Parent content() {
        List<LayerInfo> layers = SyntheticData.lenetLayers();
        MaskComparisonView comparison = new MaskComparisonView();
        comparison.setEdgePopupMasks(StrongSyntheticData.masks(layers, 0.5, 1.0, 7, 1), "50% kept");
        comparison.setImpMasks(StrongSyntheticData.masks(layers, 0.262, 0.7, 7, 2), "ticket round 6");
        MaskFlipView flips = new MaskFlipView();
        List<Integer> rounds = List.of(0, 1, 2, 3);
        List<Double> keeps = List.of(0.7, 0.5, 0.3, 0.1);
        flips.setSweep(rounds, keeps);
        for (int r : rounds) {
            for (EdgePopupEvent.MaskFlips f : StrongSyntheticData.flips(r, (long) (266_200 * keeps.get(r)), 40, 0.375,
                    r + 3)) {
                flips.addFlips(f);
            }
        }
        SplitPane split = new SplitPane(comparison, flips);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        return split;
    }
}
