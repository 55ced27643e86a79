package org.lotterylab.visuals.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotterylab.visuals.Fx;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The weights-remaining axis redraws for new data only. */
@ExtendWith(ApplicationExtension.class)
class PercentLogAxisTest {
    private PercentLogAxis axis;

    @Start
    void start(Stage stage) {
        axis = new PercentLogAxis("weights remaining (%)");
        axis.setData(new double[] {100, 51.2, 26.2});
        stage.setScene(new Scene(new StackPane(axis), 400, 80));
        stage.show();
    }

    private void settle() {
        Fx.run(() -> {
            axis.getScene().getRoot().applyCss();
            axis.getScene().getRoot().layout();
        });
    }

    @Test
    void aWeightsRemainingAxisShortensItsNameToFitItsWidthAndLengthensItAgain() {
        PercentLogAxis w = Fx.call(() -> {
            PercentLogAxis a = PercentLogAxis.weightsRemaining();
            a.setManaged(false); // sized by the test alone
            javafx.scene.layout.Pane root = new javafx.scene.layout.Pane(a);
            axis.getScene().setRoot(root);
            root.applyCss();
            return a;
        });
        java.util.function.DoubleFunction<String> nameAt = width -> Fx.call(() -> {
            w.resize(width, 60);
            return w.getName();
        });
        org.junit.jupiter.api.Assertions.assertEquals("weights remaining (%)", nameAt.apply(400));
        String narrow = nameAt.apply(120);
        org.junit.jupiter.api.Assertions.assertNotEquals("weights remaining (%)", narrow, "at 120 px");
        double textWidth = Fx.call(() -> {
            javafx.scene.text.Text t = new javafx.scene.text.Text(narrow);
            t.setFont(w.getAxisLabel().getFont());
            return t.getLayoutBounds().getWidth();
        });
        assertTrue(textWidth <= Fx.call(w::getWidth), narrow + " is " + textWidth + " px on a " + Fx.call(w::getWidth) + " px axis");
        org.junit.jupiter.api.Assertions.assertEquals("weights remaining (%)", nameAt.apply(400), "wide again");
    }

    @Test
    void theSameValuesAgainLeaveTheAxisAloneAndNewOnesRedrawIt() {
        settle();
        Fx.run(() -> axis.getBitState().clear()); // what its chart does once it has drawn it
        Fx.run(() -> axis.setData(new double[] {100, 51.2, 26.2}));
        assertTrue(Fx.call(() -> axis.getBitState().isClean()),
                "the same values: nothing to redraw (a redrawn axis repaints its chart)");
        Fx.run(() -> axis.setData(new double[] {100, 51.2, 26.2, 13.4}));
        assertTrue(Fx.call(() -> axis.getBitState().isDirty()), "a new value: laid out and drawn again");
        assertArrayEquals(new double[] {100, 51.2, 26.2, 13.4}, Fx.call(axis::getData));
    }
}
