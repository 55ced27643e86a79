package org.lotterylab.visuals.chart;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * A row of controls or legend entries that wraps onto further lines when its pane is narrow, and never asks for
 * more width than its widest item's minimum: an item wider than the row is cut to the row's width (a label ends
 * in an ellipsis). A plain {@link FlowPane} asks for its widest item's preferred width instead, and a pane
 * narrower than that drew the row past its edges (at 1600x1000 the accuracy toolbar's last picker and the charts'
 * legends, which ChartFX then centred so that both of the chart's sides were cut).
 */
public final class WrappingRow extends FlowPane {

    /** {@code items} left to right, {@code hgap} apart, lines {@code vgap} apart, vertically centred. */
    public WrappingRow(double hgap, double vgap, Node... items) {
        super(hgap, vgap, items);
        setAlignment(Pos.CENTER_LEFT);
        capItems(this);
    }

    @Override
    protected double computeMinWidth(double height) {
        return minWidth(this);
    }

    /**
     * Keeps every item of {@code row} (now and later) no wider than the row's content width, so that the row's
     * layout, which gives each item its preferred width bounded by its maximum, cuts a long item instead of
     * running past the row. An item's own maximum width is replaced. Before the row has a width nothing is cut.
     */
    static void capItems(Pane row) {
        DoubleBinding content = Bindings.createDoubleBinding(() -> {
            double w = row.getWidth() - row.snappedLeftInset() - row.snappedRightInset();
            return row.getWidth() > 0 ? Math.max(0, w) : Double.MAX_VALUE;
        }, row.widthProperty(), row.insetsProperty());
        for (Node n : row.getChildren()) {
            cap(n, content);
        }
        row.getChildren().addListener((ListChangeListener<Node>) c -> {
            while (c.next()) {
                for (Node n : c.getRemoved()) {
                    if (n instanceof Region r && !row.getChildren().contains(n)) {
                        r.maxWidthProperty().unbind();
                    }
                }
                for (Node n : c.getAddedSubList()) {
                    cap(n, content);
                }
            }
        });
    }

    private static void cap(Node n, DoubleBinding content) {
        if (n instanceof Region r) {
            r.maxWidthProperty().bind(content);
        }
    }

    /** The row's insets plus its widest managed item's minimum width. */
    static double minWidth(Pane row) {
        double widest = 0;
        for (Node n : row.getChildren()) {
            if (n.isManaged()) {
                widest = Math.max(widest, n.minWidth(-1));
            }
        }
        Insets in = row.getInsets();
        return in.getLeft() + widest + in.getRight();
    }
}
