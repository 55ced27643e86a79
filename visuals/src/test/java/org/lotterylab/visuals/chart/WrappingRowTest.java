package org.lotterylab.visuals.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotterylab.visuals.Fx;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A toolbar row in a pane narrower than its items: it wraps, and no item runs past its edge. */
@ExtendWith(ApplicationExtension.class)
class WrappingRowTest {
    private WrappingRow row;
    private Label longLabel;
    private ComboBox<String> picker;
    private StackPane root;

    @Start
    void start(Stage stage) {
        longLabel = new Label("7 results, 2 branches, error bars over 5 seeds from the mean of every repeat");
        picker = new ComboBox<>();
        picker.getItems().add("at the early-stop iteration");
        picker.setValue("at the early-stop iteration");
        picker.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        row = new WrappingRow(8, 4, new Label("test accuracy"), picker, longLabel);
        row.setPadding(new javafx.geometry.Insets(4, 6, 4, 6));
        root = new StackPane(row);
        stage.setScene(new Scene(root, 900, 200));
        stage.show();
    }

    private void layoutAt(double width) {
        Fx.run(() -> {
            root.resize(width, 200);
            root.applyCss();
            root.layout();
            root.layout(); // the items' caps follow the row's new width
        });
    }

    @Test
    void itAsksForItsWidestItemsMinimumNotItsLongestText() {
        layoutAt(900);
        double min = Fx.call(() -> row.minWidth(-1));
        double pickerMin = Fx.call(() -> picker.minWidth(-1));
        assertEquals(pickerMin + 12, min, 1.0, "the picker (never narrower than its choice) plus the row's padding");
        assertTrue(min < Fx.call(() -> longLabel.prefWidth(-1)), "not the long label's whole text");
    }

    @Test
    void inANarrowPaneItemsWrapAndALongLabelIsCutToTheRowsWidth() {
        layoutAt(900);
        double oneLine = Fx.call(() -> row.prefHeight(900));
        layoutAt(260);
        assertEquals(260, Fx.call(row::getWidth), 0.5, "the row takes the pane's width, not its items' sum");
        double wrapped = Fx.call(() -> row.prefHeight(260));
        assertTrue(wrapped > oneLine * 1.5, "wrapped onto more lines: " + wrapped + " px against " + oneLine);
        assertTrue(Fx.call(longLabel::getWidth) <= 260 - 12 + 0.5, "the long label cut: " + Fx.call(longLabel::getWidth));
        for (var n : Fx.call(() -> java.util.List.copyOf(row.getChildren()))) {
            double right = Fx.call(() -> n.getBoundsInParent().getMaxX());
            assertTrue(right <= 260 + 0.5, n + " ends at " + right);
        }
        layoutAt(900);
        assertEquals(Fx.call(() -> longLabel.prefWidth(-1)), Fx.call(longLabel::getWidth), 1.0, "whole again when wide");
    }
}
