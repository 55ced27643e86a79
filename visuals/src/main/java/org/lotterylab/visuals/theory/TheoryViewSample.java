package org.lotterylab.visuals.theory;

import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.lotterylab.visuals.Theme;

/**
 * The Theory view standalone on {@link TheorySyntheticData} ({@code --presentation} for the projector theme).
 * Start it with {@link TheoryViewLauncher}; {@code lth theory} computes the real numbers.
 */
public class TheoryViewSample extends Application {

    @Override
    public void start(Stage stage) {
        TheoryView view = new TheoryView();
        view.setReport(TheorySyntheticData.report(32, List.of(2, 4, 8, 12, 16, 24, 32, 48, 64), 7));
        Scene scene = new Scene(view, 1600, 1000);
        Theme.apply(scene, getParameters() != null && getParameters().getRaw().contains("--presentation"));
        stage.setTitle("Pruning is enough: sample data");
        stage.setScene(scene);
        stage.show();
    }
}
