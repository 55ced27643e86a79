package org.lotterylab.visuals.lmc;

import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.visuals.Theme;

/**
 * Both LMC views on synthetic data ({@link LmcSyntheticData}), fed a few points per frame as a live analysis
 * would be. {@code --presentation} uses the projector theme; {@code --screenshot FILE.png} saves the window
 * once every curve is in, then exits. Start it with {@link LmcDemoLauncher}.
 */
public class LmcDemo extends Application {
    private java.nio.file.Path screenshot;
    private SplitPane split;

    private void saveAndExit(SplitPane node) {
        javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
        wait.setOnFinished(e -> {
            try {
                org.lotterylab.visuals.Exports.savePng(node, screenshot);
            } catch (java.io.IOException ex) {
                System.err.println("could not save " + screenshot + ": " + ex.getMessage());
            }
            javafx.application.Platform.exit();
        });
        wait.play();
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        int shot = args.indexOf("--screenshot");
        screenshot = shot >= 0 && shot + 1 < args.size() ? java.nio.file.Path.of(args.get(shot + 1)) : null;
        InterpolationView interpolation = new InterpolationView();
        InstabilityView instability = new InstabilityView();
        List<RunEvent> events = LmcSyntheticData.analysis(
                List.of("dense", "ticket-round-03", "ticket-round-07"), new double[] {1.0, 0.512, 0.21},
                List.of(0, 100, 500, 2000), 2, 30, 4);
        AnimationTimer feed = new AnimationTimer() {
            private int next;

            @Override
            public void handle(long now) {
                for (int i = 0; i < 6 && next < events.size(); i++, next++) {
                    RunEvent e = events.get(next);
                    if (e instanceof LmcEvent.LmcPoint p) {
                        interpolation.addPoint(p);
                    } else if (e instanceof LmcEvent.LmcCurveDone d) {
                        interpolation.curveDone(d);
                        instability.addCurve(d);
                    }
                }
                if (next == events.size()) {
                    stop();
                    if (screenshot != null) {
                        saveAndExit(split);
                    }
                }
            }
        };
        split = new SplitPane(interpolation, instability);
        split.setOrientation(Orientation.HORIZONTAL);
        Scene scene = new Scene(split, 1400, 800);
        Theme.apply(scene, getParameters().getRaw().contains("--presentation"));
        stage.setTitle("Linear mode connectivity (synthetic data)");
        stage.setScene(scene);
        stage.show();
        feed.start();
    }
}
