package org.lotterylab.visuals.chart;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * A split pane of two charts that puts them side by side when it is much wider than high (a presentation page, a
 * wide pane), and also when stacking would leave a plot area under {@value #MIN_PLOT_HEIGHT} px high and side by
 * side gives the plots more room; one above the other otherwise. A chart spends about
 * {@value #CHART_HEIGHT_OVERHEAD} px of its height on title, x axis and legend and {@value #CHART_WIDTH_OVERHEAD}
 * px of its width on the y axis: stacked in the training-curve pane at 1600x1000 (about 330 x 330 px) each plot
 * kept 18 px of height, and with 110 px assumed here the accuracy view's early-stop plot at 1920x1080 kept 30.
 */
public final class AdaptiveSplit extends SplitPane {
    /** Side by side once width exceeds this many times the height. */
    public static final double WIDE = 1.5;
    /** A stacked plot area lower than this (px) is a strip: side by side is tried instead. */
    public static final double MIN_PLOT_HEIGHT = 50;
    /** Height a chart needs beside its plot area (title, x axis with its label, a two-row legend), in px (measured). */
    public static final double CHART_HEIGHT_OVERHEAD = 150;
    /** Width a chart needs beside its plot area (the y axis with its label), in px. */
    public static final double CHART_WIDTH_OVERHEAD = 70;
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
        Orientation want = orientationFor(getWidth(), getHeight(), vertical);
        if (want != getOrientation()) {
            setOrientation(want);
            setDividerPositions(want == Orientation.HORIZONTAL ? 0.5 : vertical);
        }
    }

    /** The orientation for two charts in a {@code width} x {@code height} pane stacked at {@code divider}. */
    public static Orientation orientationFor(double width, double height, double divider) {
        if (width > WIDE * height) {
            return Orientation.HORIZONTAL;
        }
        double stackedPlot = Math.min(divider, 1 - divider) * height - CHART_HEIGHT_OVERHEAD;
        if (stackedPlot >= MIN_PLOT_HEIGHT) {
            return Orientation.VERTICAL;
        }
        double stacked = Math.min(width - CHART_WIDTH_OVERHEAD, stackedPlot);
        double beside = Math.min(width / 2 - CHART_WIDTH_OVERHEAD, height - CHART_HEIGHT_OVERHEAD);
        return beside > stacked ? Orientation.HORIZONTAL : Orientation.VERTICAL;
    }
}
