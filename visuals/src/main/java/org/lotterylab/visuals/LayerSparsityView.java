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
 * <p>FX thread only. A new round with the same layers only changes the texts and fill fractions of the rows
 * already there (building new rows re-parses their styles and lays out the grid from scratch: a long frame
 * under software rendering, once per finished round).
 */
public class LayerSparsityView extends BorderPane {
    private final GridPane grid = new GridPane();
    private final Label title = new Label("weights remaining per layer");
    private final List<LayerSummary> shown = new ArrayList<>();
    /** The rows on screen: name label, bar text and fill fraction, one per layer plus the overall row. */
    private final List<Row> rows = new ArrayList<>();

    private record Row(Label name, Label text, javafx.beans.property.DoubleProperty fraction) {
    }

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
        List<String> names = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        long total = 0;
        long remaining = 0;
        for (LayerSummary l : layers) {
            names.add(l.name());
            counts.add(new int[] {l.remaining(), l.total()});
            total += l.total();
            remaining += l.remaining();
        }
        if (layers.size() > 1) {
            names.add("all layers");
            counts.add(new int[] {(int) Math.min(Integer.MAX_VALUE, remaining), (int) Math.min(Integer.MAX_VALUE, total)});
        }
        shown.clear();
        shown.addAll(layers);
        if (layers.isEmpty()) {
            clear();
            return;
        }
        if (!sameRows(names)) {
            grid.getChildren().clear();
            rows.clear();
            for (int i = 0; i < names.size(); i++) {
                addRow(i, names.get(i), layers.size() > 1 && i == names.size() - 1);
            }
        }
        for (int i = 0; i < names.size(); i++) {
            int[] c = counts.get(i);
            Row row = rows.get(i);
            row.text().setText(barText(c[0], c[1]));
            row.fraction().set(c[1] == 0 ? 1.0 : Math.max(0, Math.min(1, c[0] / (double) c[1])));
        }
    }

    private boolean sameRows(List<String> names) {
        if (rows.size() != names.size()) {
            return false;
        }
        for (int i = 0; i < names.size(); i++) {
            if (!rows.get(i).name().getText().equals(names.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Clears the bars. */
    public void clear() {
        grid.getChildren().clear();
        shown.clear();
        rows.clear();
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

    private void addRow(int row, String name, boolean overall) {
        javafx.beans.property.DoubleProperty frac = new javafx.beans.property.SimpleDoubleProperty(1.0);
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
        Label text = new Label();
        text.getStyleClass().add("lab-bar-text");
        if (overall) {
            nameLabel.setStyle("-fx-font-weight: bold;");
            text.setStyle("-fx-font-weight: bold;");
        }
        grid.add(nameLabel, 0, row);
        grid.add(bar, 1, row);
        grid.add(text, 2, row);
        rows.add(new Row(nameLabel, text, frac));
    }
}
