package org.lotterylab.visuals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.lotterylab.api.mask.LayerSummary;

/**
 * One horizontal bar per layer showing the percentage of its weights remaining, labelled
 * "remaining / total (x%)".
 *
 * <p>FX thread only.
 */
public class LayerSparsityView extends BorderPane {
    private final GridPane grid = new GridPane();
    private final Label title = new Label("weights remaining per layer");
    private final List<LayerSummary> shown = new ArrayList<>();

    /** An empty view. */
    public LayerSparsityView() {
        getStyleClass().add("lab-layer-sparsity");
        title.getStyleClass().add("lab-title");
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(8));
        ColumnConstraints name = new ColumnConstraints();
        ColumnConstraints bar = new ColumnConstraints();
        bar.setHgrow(Priority.ALWAYS);
        bar.setMinWidth(120);
        ColumnConstraints text = new ColumnConstraints();
        grid.getColumnConstraints().setAll(name, bar, text);
        setTop(title);
        BorderPane.setMargin(title, new Insets(6, 8, 0, 8));
        setCenter(grid);
        clear();
    }

    /** Shows the layers' weights remaining, in the given order. */
    public void show(List<LayerSummary> layers) {
        grid.getChildren().clear();
        shown.clear();
        shown.addAll(layers);
        long total = 0;
        long remaining = 0;
        int row = 0;
        for (LayerSummary l : layers) {
            addRow(row++, l.name(), l.remaining(), l.total(), false);
            total += l.total();
            remaining += l.remaining();
        }
        if (layers.size() > 1) {
            addRow(row, "all layers", (int) Math.min(Integer.MAX_VALUE, remaining), (int) Math.min(Integer.MAX_VALUE, total), true);
        }
        if (layers.isEmpty()) {
            clear();
        }
    }

    /** Clears the bars. */
    public void clear() {
        grid.getChildren().clear();
        shown.clear();
        Label none = new Label("no pruning round yet");
        none.getStyleClass().add("lab-stats");
        grid.add(none, 0, 0, 3, 1);
    }

    /** The bar text of each shown layer (for tests). */
    List<String> barTexts() {
        List<String> out = new ArrayList<>();
        for (var n : grid.getChildren()) {
            if (n instanceof Label l && l.getStyleClass().contains("lab-bar-text")) {
                out.add(l.getText());
            }
        }
        return out;
    }

    /** The fill widths of the bars as fractions of the track (for tests). */
    List<Double> fillFractions() {
        List<Double> out = new ArrayList<>();
        for (var n : grid.getChildren()) {
            if (n instanceof StackPane sp && sp.getStyleClass().contains("lab-bar")) {
                Region track = (Region) sp;
                Region fill = (Region) sp.getChildren().get(1);
                out.add(track.getWidth() <= 0 ? Double.NaN : fill.getWidth() / track.getWidth());
            }
        }
        return out;
    }

    /** Text of one bar, e.g. "53,280 / 235,200 (22.7%)". */
    static String barText(int remaining, int total) {
        double pct = total == 0 ? 100.0 : 100.0 * remaining / total;
        return String.format(Locale.ROOT, "%,d / %,d (%s%%)", remaining, total,
                pct >= 9.95 ? String.format(Locale.ROOT, "%.1f", pct) : String.format(Locale.ROOT, "%.2f", pct));
    }

    private void addRow(int row, String name, int remaining, int total, boolean overall) {
        double frac = total == 0 ? 1.0 : Math.max(0, Math.min(1, remaining / (double) total));
        Label nameLabel = new Label(name);
        nameLabel.getStyleClass().add("lab-bar-name");
        Region track = new Region();
        track.getStyleClass().add("lab-bar-track");
        track.setStyle("-fx-background-color: #e6e6ea; -fx-background-radius: 3;");
        Region fill = new Region();
        fill.getStyleClass().add("lab-bar-fill");
        fill.setStyle("-fx-background-color: " + (overall ? "#444b57" : "#3d7fc1") + "; -fx-background-radius: 3;");
        StackPane bar = new StackPane(track, fill);
        bar.getStyleClass().add("lab-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setMinHeight(22);
        bar.setPrefHeight(26);
        fill.maxWidthProperty().bind(bar.widthProperty().multiply(frac));
        fill.minWidthProperty().bind(bar.widthProperty().multiply(frac));
        track.setMaxWidth(Double.MAX_VALUE);
        Label text = new Label(barText(remaining, total));
        text.getStyleClass().add("lab-bar-text");
        if (overall) {
            nameLabel.setStyle("-fx-font-weight: bold;");
            text.setStyle("-fx-font-weight: bold;");
        }
        grid.add(nameLabel, 0, row);
        grid.add(bar, 1, row);
        grid.add(text, 2, row);
    }
}
