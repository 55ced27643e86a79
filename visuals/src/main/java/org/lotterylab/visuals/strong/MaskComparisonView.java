package org.lotterylab.visuals.strong;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.visuals.BranchColors;
import org.lotterylab.visuals.chart.FrameCoalescer;
import org.lotterylab.visuals.chart.Toolbar;

/**
 * The same layer's edge-popup mask and IMP mask side by side (rows = output units, columns = flattened
 * inputs; kept weights in the branch colour), and their overlap as an image (kept by both, only by IMP, only
 * by edge-popup, by neither: four distinct colours) and as a number: intersection over union, next to the IoU
 * two random masks of the same densities would have. A layer picker switches layers; the per-layer IoUs are
 * listed too.
 *
 * <p>FX thread only. Setting masks is cheap; the images are redrawn once per frame.
 */
public class MaskComparisonView extends BorderPane {
    /** ARGB of weights kept by both masks. */
    public static final int BOTH = argb("#4a1f6e");
    /** ARGB of weights kept by the edge-popup mask only. */
    public static final int ONLY_EDGE_POPUP = argb(BranchColors.hex(Branch.EDGE_POPUP));
    /** ARGB of weights kept by the IMP mask only. */
    public static final int ONLY_IMP = argb(BranchColors.hex(Branch.TICKET));
    /** ARGB of weights kept by neither (and pruned weights in the single-mask images). */
    public static final int NEITHER = argb("#ececf0");

    private final Map<String, Mask> edgePopup = new LinkedHashMap<>();
    private final Map<String, Mask> imp = new LinkedHashMap<>();
    private String edgePopupLabel = "";
    private String impLabel = "";
    private final ComboBox<String> layerBox = new ComboBox<>();
    private final Label iouLabel = new Label("no masks yet");
    private final Label epTitle = new Label("Edge-popup mask");
    private final Label impTitle = new Label("IMP mask");
    private final Label overlapTitle = new Label("Overlap");
    private final ImageCell epCell = new ImageCell();
    private final ImageCell impCell = new ImageCell();
    private final ImageCell overlapCell = new ImageCell();
    private final Label countsLabel = new Label("");
    private final Label layersLabel = new Label("");
    private final FrameCoalescer redraw = new FrameCoalescer(this::render);
    private MaskOverlap overlap;

    /** An empty view. */
    public MaskComparisonView() {
        getStyleClass().add("lab-mask-comparison");
        layerBox.setId("comparison-layer");
        layerBox.setPromptText("layer");
        layerBox.valueProperty().addListener((o, a, b) -> redraw.request());
        iouLabel.setId("comparison-iou");
        iouLabel.getStyleClass().add("lab-stats");
        setTop(Toolbar.of(8, Toolbar.caption("layer"), layerBox, iouLabel));

        for (Label t : List.of(epTitle, impTitle, overlapTitle)) {
            t.getStyleClass().add("lab-title");
            t.setMinWidth(0);
        }
        VBox legend = new VBox(4, swatch(BOTH, "kept by both"), swatch(ONLY_IMP, "only IMP"),
                swatch(ONLY_EDGE_POPUP, "only edge-popup"), swatch(NEITHER, "neither"), countsLabel, layersLabel);
        legend.getStyleClass().add("lab-legend");
        legend.setPadding(new Insets(4));
        countsLabel.setWrapText(true);
        layersLabel.setWrapText(true);
        layersLabel.setId("comparison-layers");

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        grid.setPadding(new Insets(6));
        grid.add(epTitle, 0, 0);
        grid.add(impTitle, 1, 0);
        grid.add(epCell, 0, 1);
        grid.add(impCell, 1, 1);
        grid.add(overlapTitle, 0, 2);
        grid.add(overlapCell, 0, 3);
        grid.add(legend, 1, 2, 1, 2);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < 4; r++) {
            RowConstraints rc = new RowConstraints();
            if (r % 2 == 1) {
                rc.setVgrow(Priority.ALWAYS);
                rc.setPercentHeight(44);
            }
            grid.getRowConstraints().add(rc);
        }
        setCenter(grid);
    }

    /** Sets the edge-popup masks (all layers) and a label such as "50% kept". */
    public void setEdgePopupMasks(List<Mask> masks, String label) {
        edgePopup.clear();
        masks.forEach(m -> edgePopup.put(m.name(), m));
        edgePopupLabel = label == null ? "" : label;
        updateLayers();
    }

    /** Sets the IMP masks (all layers) and a label such as "ticket round 3". */
    public void setImpMasks(List<Mask> masks, String label) {
        imp.clear();
        masks.forEach(m -> imp.put(m.name(), m));
        impLabel = label == null ? "" : label;
        updateLayers();
    }

    /** Shows layer {@code name} if either side has it. */
    public void selectLayer(String name) {
        if (layerBox.getItems().contains(name)) {
            layerBox.setValue(name);
        }
    }

    /** Removes all masks. */
    public void clear() {
        edgePopup.clear();
        imp.clear();
        edgePopupLabel = "";
        impLabel = "";
        updateLayers();
    }

    /** The overlap of the shown layer, or null when it is not in both mask sets (with equal shapes). */
    public MaskOverlap overlap() {
        return overlap;
    }

    /** IoU of every layer both mask sets hold, in layer order. */
    public Map<String, Double> layerIous() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, Mask> e : edgePopup.entrySet()) {
            Mask i = imp.get(e.getKey());
            if (i != null && i.size() == e.getValue().size()) {
                out.put(e.getKey(), MaskOverlap.of(e.getValue().keep(), i.keep()).iou());
            }
        }
        return out;
    }

    // ---- package-private hooks for tests ----

    void flush() {
        redraw.flush();
    }

    Image edgePopupImage() {
        return epCell.view.getImage();
    }

    Image impImage() {
        return impCell.view.getImage();
    }

    Image overlapImage() {
        return overlapCell.view.getImage();
    }

    String iouText() {
        return iouLabel.getText();
    }

    String layersText() {
        return layersLabel.getText();
    }

    List<String> layerChoices() {
        return List.copyOf(layerBox.getItems());
    }

    // ---- internals ----

    private void updateLayers() {
        List<String> names = new ArrayList<>(edgePopup.keySet());
        for (String n : imp.keySet()) {
            if (!names.contains(n)) {
                names.add(n);
            }
        }
        String keep = layerBox.getValue();
        if (!names.equals(layerBox.getItems())) {
            layerBox.getItems().setAll(names);
        }
        layerBox.setValue(names.contains(keep) ? keep : names.isEmpty() ? null : names.get(0));
        redraw.request();
    }

    private void render() {
        String name = layerBox.getValue();
        Mask e = name == null ? null : edgePopup.get(name);
        Mask i = name == null ? null : imp.get(name);
        epTitle.setText(title("Edge-popup mask", e, edgePopupLabel, "kept"));
        impTitle.setText(title("IMP mask", i, impLabel, "remaining"));
        epCell.show(e == null ? null : image(e, MaskOverlap.pixels(e.keep(), ONLY_EDGE_POPUP, NEITHER)));
        impCell.show(i == null ? null : image(i, MaskOverlap.pixels(i.keep(), ONLY_IMP, NEITHER)));
        overlap = null;
        if (e != null && i != null && java.util.Arrays.equals(e.shape(), i.shape())) {
            overlap = MaskOverlap.of(e.keep(), i.keep());
            overlapCell.show(image(e, MaskOverlap.pixels(e.keep(), i.keep(),
                    new int[] {BOTH, ONLY_EDGE_POPUP, ONLY_IMP, NEITHER})));
            overlapTitle.setText("Overlap of " + name + ": " + String.format(Locale.ROOT, "IoU %.3f", overlap.iou()));
            iouLabel.setText(name + ": " + overlap.describe());
            int n = overlap.total();
            countsLabel.setText(String.format(Locale.ROOT, "both %,d (%.1f%%), only IMP %,d, only edge-popup %,d, "
                    + "neither %,d of %,d weights", overlap.both(), 100.0 * overlap.both() / n, overlap.onlyImp(),
                    overlap.onlyEdgePopup(), overlap.neither(), n));
        } else {
            overlapCell.show(null);
            overlapTitle.setText("Overlap");
            countsLabel.setText("");
            if (name == null) {
                iouLabel.setText("no masks yet");
            } else if (e == null || i == null) {
                iouLabel.setText(name + ": " + (e == null ? "no edge-popup mask" : "no IMP mask")
                        + " for this layer yet");
            } else {
                iouLabel.setText(name + ": the two masks have different shapes (different models?)");
            }
        }
        StringBuilder sb = new StringBuilder();
        layerIous().forEach((k, v) -> sb.append(sb.length() == 0 ? "IoU per layer: " : ", ")
                .append(k).append(String.format(Locale.ROOT, " %.3f", v)));
        layersLabel.setText(sb.toString());
    }

    private static String title(String what, Mask m, String label, String word) {
        if (m == null) {
            return what + ": none";
        }
        return String.format(Locale.ROOT, "%s%s: %s, %.1f%% %s", what, label.isBlank() ? "" : ", " + label,
                m.name(), 100 * m.fractionRemaining(), word);
    }

    private static WritableImage image(Mask m, int[] px) {
        int rows = m.shape()[0];
        int cols = m.size() / Math.max(1, rows);
        WritableImage img = new WritableImage(Math.max(1, cols), Math.max(1, rows));
        if (m.size() > 0) {
            img.getPixelWriter().setPixels(0, 0, cols, rows, PixelFormat.getIntArgbInstance(), px, 0, cols);
        }
        return img;
    }

    private static HBox swatch(int argb, String text) {
        Rectangle r = new Rectangle(14, 14, color(argb));
        r.setStroke(Color.gray(0.5));
        HBox h = new HBox(6, r, new Label(text));
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private static Color color(int argb) {
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
    }

    static int argb(String hex) {
        Color c = Color.web(hex);
        return 0xff000000 | ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }

    /** An image scaled to fit its cell (aspect kept, nearest neighbour), or a hint when there is none. */
    private static final class ImageCell extends Region {
        final ImageView view = new ImageView();
        final Label empty = new Label("no mask");

        ImageCell() {
            view.setSmooth(false);
            view.setPreserveRatio(true);
            getChildren().addAll(view, empty);
            setMinSize(40, 30);
            setPrefSize(300, 160);
            getStyleClass().add("lab-mask-cell");
        }

        void show(Image img) {
            view.setImage(img);
            empty.setVisible(img == null);
            requestLayout();
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth();
            double h = getHeight();
            Image img = view.getImage();
            if (img != null) {
                double s = Math.min(w / img.getWidth(), h / img.getHeight());
                view.setFitWidth(Math.max(1, img.getWidth() * s));
                view.setFitHeight(Math.max(1, img.getHeight() * s));
                view.relocate(0, 0);
            }
            empty.resizeRelocate(0, 0, w, Math.min(h, 24));
        }
    }
}
