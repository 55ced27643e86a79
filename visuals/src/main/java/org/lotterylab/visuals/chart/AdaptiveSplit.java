package org.lotterylab.visuals.chart;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * A split pane of two charts that puts them side by side when it is much wider than high (a presentation
 * page, a wide pane) and one above the other otherwise, so neither chart is squeezed to a strip.
 */
public final class AdaptiveSplit extends SplitPane {
    /** Side by side once width exceeds this many times the height. */
    public static final double WIDE = 1.5;
    private final double vertical;

    /** Two charts; {@code verticalDivider} is the divider position when stacked. */
    public AdaptiveSplit(Node first, Node second, double verticalDivider) {
        super(first, second);
        this.vertical = verticalDivider;
        setOrientation(Orientation.VERTICAL);
        setDividerPositions(verticalDivider);
        widthProperty().addListener((o, a, b) -> adapt());
        heightProperty().addListener((o, a, b) -> adapt());
    }

    private void adapt() {
        if (getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        Orientation want = getWidth() > WIDE * getHeight() ? Orientation.HORIZONTAL : Orientation.VERTICAL;
        if (want != getOrientation()) {
            setOrientation(want);
            setDividerPositions(want == Orientation.HORIZONTAL ? 0.5 : vertical);
        }
    }
}
