package org.lotterylab.visuals.sample;

import javafx.application.Application;
import javafx.stage.Stage;

/** A gallery of every view filled with synthetic data. */
public class ViewGallery extends Application {
    @Override
    public void start(Stage stage) {
        stage.show();
    }

    /** Launches the gallery. */
    public static void main(String[] args) {
        launch(args);
    }
}
