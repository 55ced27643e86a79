package org.lotterylab.visuals.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotterylab.visuals.Fx;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class HeightHoldTest {
    private static final String LONG = "round 3: ticket stable (instability 0.15%), random-reinit stable (0.30%), "
            + "both measured on 10,000 test examples";
    private Label caption;

    @Start
    void start(Stage stage) {
        caption = new Label(LONG);
        caption.setWrapText(true);
        HeightHold.hold(caption);
        stage.setScene(new Scene(new VBox(caption), 200, 300));
        stage.show();
    }

    private double heightAfter(Runnable change) {
        Fx.run(change);
        return Fx.call(() -> {
            caption.getScene().getRoot().applyCss();
            caption.getScene().getRoot().layout();
            return caption.getHeight();
        });
    }

    @Test
    void aShorterCaptionKeepsTheHeightUntilReleased() {
        double tall = heightAfter(() -> caption.setText(LONG));
        double shortAlone = Fx.call(() -> caption.prefHeight(200));
        assertTrue(tall > 2 * shortAlone || tall > 30, "the long caption wraps: " + tall);
        assertEquals(tall, heightAfter(() -> caption.setText("round 4: interpolating ...")), 0.5,
                "a one-line caption does not shrink the held label");
        double released = heightAfter(() -> HeightHold.release(caption));
        assertTrue(released < tall - 5, "released, it fits its text again: " + released + " vs " + tall);
    }
}
