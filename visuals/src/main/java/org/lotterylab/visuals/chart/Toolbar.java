package org.lotterylab.visuals.chart;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** The bar above a view's chart: its pickers and status, laid out and styled the same in every view. */
public final class Toolbar {

    private Toolbar() {
    }

    /**
     * {@code items} left to right, {@code spacing} apart, vertically centred, styled {@code lab-toolbar}; in a
     * narrow pane the items wrap onto a second line ({@link WrappingRow}).
     */
    public static WrappingRow of(double spacing, Node... items) {
        WrappingRow bar = new WrappingRow(spacing, 4, items);
        bar.setPadding(new Insets(4, 6, 4, 6));
        bar.getStyleClass().add("lab-toolbar");
        return bar;
    }

    /** A label naming the picker after it, never narrower than its text. */
    public static Label caption(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
