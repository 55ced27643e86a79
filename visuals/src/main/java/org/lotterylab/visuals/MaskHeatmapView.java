package org.lotterylab.visuals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.visuals.chart.FrameCoalescer;
import org.lotterylab.visuals.chart.WrappingRow;
import org.lotterylab.visuals.model.HeatmapPalette;
import org.lotterylab.visuals.model.HoverText;
import org.lotterylab.visuals.model.MaskHistory;
import org.lotterylab.visuals.model.PrunedInfo;

/**
 * The weight matrix of one layer as an image (rows = output units, columns = flattened inputs): kept
 * weights blue (negative) or red (positive), brighter with larger |w| relative to the layer's largest
 * kept weight; pruned weights near black; weights pruned in the shown round yellow. A layer picker, a
 * branch picker and a round slider scrub the stored history instantly; the mouse wheel or the +/-
 * buttons zoom (nearest neighbour), dragging pans, and hovering names the weight under the pointer.
 *
 * <p>FX thread only. Updates are merged into one redraw per frame.
 */
public class MaskHeatmapView extends BorderPane {
    private static final double MIN_ZOOM = 0.1;
    private static final double MAX_ZOOM = 40;

    private final IntegerProperty round = new SimpleIntegerProperty(this, "round", 0);
    private final ObjectProperty<Branch> branch = new SimpleObjectProperty<>(this, "branch", Branch.TICKET);

    private final ComboBox<LayerInfo> layerBox = new ComboBox<>();
    private final ComboBox<Branch> branchBox = new ComboBox<>();
    private final Slider slider = new Slider(0, 1, 0);
    private final Label roundLabel = new Label("round 0");
    private final Label zoomLabel = new Label("100%");
    private final ImageView imageView = new ImageView();
    private final StackPane canvasHolder = new StackPane(imageView);
    private final ScrollPane scroll = new ScrollPane(canvasHolder);
    private final Label statsLabel = new Label("no layers");
    private final Label statusLabel = new Label(" ");
    private final Label maxLabel = new Label("");
    private final Tooltip tooltip = new Tooltip();
    private final FrameCoalescer redraw = new FrameCoalescer(this::render);

    private MaskHistory history = new MaskHistory(List.of(), List.of());
    private WritableImage image;
    private int[] argb = new int[0];
    private double zoom = 1;
    private boolean fit = true;
    private boolean updating;
    /** Stored round actually drawn (-1 = none: theta_0 / dense). */
    private int shownStored = -1;
    private int shownLayer = -1;
    private Branch shownBranch;
    private float[] shownValues;

    /** An empty view; call {@link #setLayers} first. */
    public MaskHeatmapView() {
        getStyleClass().add("lab-heatmap");
        layerBox.setPromptText("layer");
        layerBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(LayerInfo l) {
                return l == null ? "" : l.name() + "  " + l.rows() + " × " + l.cols() + " (" + l.kind().id() + ")";
            }

            @Override
            public LayerInfo fromString(String s) {
                return null;
            }
        });
        branchBox.setPromptText("branch");
        branchBox.setCellFactory(lv -> new BranchCell());
        branchBox.setButtonCell(new BranchCell());
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setBlockIncrement(1);
        slider.setShowTickMarks(true);
        slider.setPrefWidth(260);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setId("heatmap-round-slider");
        layerBox.setId("heatmap-layer");
        branchBox.setId("heatmap-branch");
        imageView.setId("heatmap-image");
        statusLabel.setId("heatmap-status");
        statsLabel.setId("heatmap-stats");

        Button zoomOut = new Button("−");
        Button zoomIn = new Button("+");
        Button zoomFit = new Button("Fit");
        zoomOut.setId("heatmap-zoom-out");
        zoomIn.setId("heatmap-zoom-in");
        zoomFit.setId("heatmap-zoom-fit");
        zoomOut.setOnAction(e -> setZoom(zoom / 1.5, false));
        zoomIn.setOnAction(e -> setZoom(zoom * 1.5, false));
        zoomFit.setOnAction(e -> fitToViewport());
        zoomOut.setTooltip(new Tooltip("Zoom out (mouse wheel)"));
        zoomIn.setTooltip(new Tooltip("Zoom in (mouse wheel)"));
        zoomFit.setTooltip(new Tooltip("Fit the layer into the view"));

        // each picker stays beside its label; the groups wrap in a narrow pane rather than squeezing the pickers
        // (in one row at 1600x1000 the layer picker was cut to an empty box and Fit to "...")
        WrappingRow row1 = new WrappingRow(12, 4, group(fixed(new Label("Layer")), layerBox),
                group(fixed(new Label("Branch")), branchBox),
                group(fixed(new Label("Zoom")), zoomOut, zoomIn, zoomFit, fixed(zoomLabel)));
        HBox row2 = new HBox(8, fixed(new Label("Round")), slider, fixed(roundLabel));
        row2.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(4, row1, row2);
        bar.setPadding(new Insets(4, 6, 4, 6));
        bar.getStyleClass().add("lab-toolbar");
        setTop(bar);

        imageView.setSmooth(false);
        imageView.setPreserveRatio(false);
        canvasHolder.getStyleClass().add("lab-heatmap-canvas");
        canvasHolder.setAlignment(Pos.TOP_LEFT);
        scroll.setPannable(true);
        scroll.getStyleClass().add("lab-heatmap-scroll");
        scroll.setStyle("-fx-background: #202024; -fx-background-color: #202024;");
        scroll.viewportBoundsProperty().addListener((o, a, b) -> {
            if (fit) {
                fitToViewport();
            }
        });
        scroll.addEventFilter(ScrollEvent.SCROLL, this::onWheel);
        imageView.setOnMouseMoved(this::onHover);
        imageView.setOnMouseExited(e -> statusLabel.setText(" "));
        tooltip.setShowDelay(Duration.millis(120));
        tooltip.setHideDelay(Duration.ZERO);
        Tooltip.install(imageView, tooltip);
        setCenter(scroll);

        statsLabel.getStyleClass().add("lab-stats");
        statusLabel.getStyleClass().add("lab-status");
        VBox bottom = new VBox(4, legend(), statsLabel, statusLabel);
        bottom.setPadding(new Insets(4, 6, 4, 6));
        setBottom(bottom);

        layerBox.valueProperty().addListener((o, a, b) -> redraw.request());
        branchBox.valueProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                branch.set(b);
            }
        });
        branch.addListener((o, a, b) -> {
            updating = true;
            try {
                if (b != null && !branchBox.getItems().contains(b)) {
                    branchBox.getItems().add(b);
                    branchBox.getItems().sort(null);
                }
                branchBox.setValue(b);
            } finally {
                updating = false;
            }
            updateSliderRange();
            redraw.request();
        });
        slider.valueProperty().addListener((o, a, b) -> {
            if (!updating) {
                round.set((int) Math.round(b.doubleValue()));
            }
        });
        round.addListener((o, a, b) -> {
            updating = true;
            try {
                slider.setValue(b.intValue());
            } finally {
                updating = false;
            }
            roundLabel.setText("round " + b.intValue());
            redraw.request();
        });
    }

    /** Nodes that stay together on one line of a wrapping toolbar. */
    private static HBox group(Node... nodes) {
        HBox box = new HBox(6, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    static <T extends Region> T fixed(T r) {
        r.setMinWidth(Region.USE_PREF_SIZE);
        return r;
    }

    private org.lotterylab.visuals.chart.WrappingRow legend() {
        Rectangle neg = new Rectangle(90, 14);
        neg.setFill(new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE,
                new Stop(0, argbColor(HeatmapPalette.NEG_HIGH)), new Stop(1, argbColor(HeatmapPalette.NEG_LOW))));
        Rectangle pos = new Rectangle(90, 14);
        pos.setFill(new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE,
                new Stop(0, argbColor(HeatmapPalette.POS_LOW)), new Stop(1, argbColor(HeatmapPalette.POS_HIGH))));
        Label negL = fixed(new Label("−max"));
        Label zero = fixed(new Label("0"));
        Label posL = fixed(new Label("+max  kept weights"));
        // wraps by entry in a narrow pane: each scale stays in one piece
        org.lotterylab.visuals.chart.WrappingRow box = new org.lotterylab.visuals.chart.WrappingRow(6, 2,
                new HBox(6, negL, neg, zero, pos, posL), new HBox(6, swatch(HeatmapPalette.PRUNED), fixed(new Label("pruned"))),
                new HBox(6, swatch(HeatmapPalette.NEWLY_PRUNED), fixed(new Label("pruned in the shown round"))), maxLabel);
        box.getStyleClass().add("lab-legend");
        return box;
    }

    private static Region swatch(int argb) {
        Rectangle r = new Rectangle(14, 14, argbColor(argb));
        r.setStroke(Color.gray(0.5));
        StackPane p = new StackPane(r);
        p.setPadding(new Insets(0, 0, 0, 10));
        return p;
    }

    static Color argbColor(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF);
    }

    /** Sets the prunable layers and their initial weights (same order; may be empty); clears the history. */
    public void setLayers(List<LayerInfo> layers, List<Tensor> theta0) {
        history = new MaskHistory(layers, theta0 == null ? List.of() : theta0);
        updating = true;
        try {
            layerBox.getItems().setAll(layers);
            branchBox.getItems().clear();
        } finally {
            updating = false;
        }
        layerBox.setValue(layers.isEmpty() ? null : layers.get(0));
        fit = true;
        updateSliderRange();
        round.set(0);
        redraw.request();
    }

    /**
     * Records the masks and final weights of one finished round (matched to the layers by name). When the
     * view shows the latest round of that branch (or nothing yet), it moves on to the new round.
     */
    public void addRound(Branch branch, int round, List<Mask> masks, List<Tensor> weights) {
        addRound(branch, round, MaskHistory.pack(history.layers(), masks, weights));
    }

    /** Adds a round packed ahead by {@link MaskHistory#pack} (on any thread) for this view's layers. */
    public void addRound(Branch branch, int round, MaskHistory.PackedRound packed) {
        List<Mask> masks = packed.masks();
        if (history.layers().isEmpty() && masks != null && !masks.isEmpty()) {
            List<LayerInfo> inferred = new ArrayList<>();
            for (Mask m : masks) {
                inferred.add(new LayerInfo(m.name(), org.lotterylab.api.spec.LayerKind.HIDDEN, m.shape()));
            }
            setLayers(inferred, List.of());
        }
        Branch shown = this.branch.get();
        boolean nothingShown = shown == null || history.lastRound(shown) < 0;
        boolean follow = nothingShown || (shown == branch && this.round.get() >= history.lastRound(branch));
        history.addRound(branch, round, packed);
        if (!branchBox.getItems().contains(branch)) {
            updating = true;
            try {
                branchBox.getItems().add(branch);
                branchBox.getItems().sort(null);
            } finally {
                updating = false;
            }
        }
        if (nothingShown) {
            this.branch.set(branch);
            updating = true;
            try {
                branchBox.setValue(branch);
            } finally {
                updating = false;
            }
        }
        updateSliderRange();
        if (follow && this.branch.get() == branch) {
            this.round.set(history.lastRound(branch));
        }
        redraw.request();
    }

    /** Shows {@code round} of {@code branch} (the latest stored round at or before it). */
    public void showRound(Branch branch, int round) {
        this.branch.set(branch);
        updateSliderRange();
        this.round.set(Math.max(0, round));
        redraw.request();
    }

    /** Forgets layers and history. */
    public void clear() {
        history = new MaskHistory(List.of(), List.of());
        updating = true;
        try {
            layerBox.getItems().clear();
            branchBox.getItems().clear();
        } finally {
            updating = false;
        }
        round.set(0);
        updateSliderRange();
        image = null;
        imageView.setImage(null);
        shownStored = -1;
        shownLayer = -1;
        shownValues = null;
        statsLabel.setText("no layers");
        statusLabel.setText(" ");
        maxLabel.setText("");
        redraw.cancel();
    }

    /** The shown round (the slider value). */
    public IntegerProperty roundProperty() {
        return round;
    }

    /** The shown branch. */
    public ObjectProperty<Branch> branchProperty() {
        return branch;
    }

    /** The mask of the selected layer at the shown round; empty without a layer or a stored round. */
    public Optional<Mask> selectedMask() {
        int l = layerIndex();
        Branch b = branch.get();
        if (l < 0 || b == null) {
            return Optional.empty();
        }
        int stored = history.resolve(b, round.get());
        return stored < 0 ? Optional.empty() : Optional.of(history.mask(b, stored, l));
    }

    /**
     * The mask of layer {@code layer} (an index into the layers) of a stored (branch, round), rebuilt from the
     * history's bits; empty when that round is not stored.
     */
    public Optional<Mask> storedMask(Branch b, int round, int layer) {
        if (b == null || !history.has(b, round) || layer < 0 || layer >= history.layers().size()) {
            return Optional.empty();
        }
        return Optional.of(history.mask(b, round, layer));
    }

    /** The name of the selected layer, or an empty string. */
    public String selectedLayer() {
        LayerInfo l = layerBox.getValue();
        return l == null ? "" : l.name();
    }

    /** Selects the layer called {@code name} (no-op when unknown). */
    public void selectLayer(String name) {
        for (LayerInfo l : layerBox.getItems()) {
            if (l.name().equals(name)) {
                layerBox.setValue(l);
                return;
            }
        }
    }

    // ---- package-private hooks for tests and the gallery ----

    /** Redraws now if a redraw is pending. */
    void flush() {
        redraw.flush();
    }

    WritableImage image() {
        return image;
    }

    String statusText() {
        return statusLabel.getText();
    }

    String statsText() {
        return statsLabel.getText();
    }

    ImageView imageView() {
        return imageView;
    }

    double zoom() {
        return zoom;
    }

    // ---- internals ----

    private int layerIndex() {
        LayerInfo l = layerBox.getValue();
        return l == null ? -1 : history.layerIndex(l.name());
    }

    private void updateSliderRange() {
        Branch b = branch.get();
        int last = b == null ? -1 : history.lastRound(b);
        updating = true;
        try {
            // never an empty range: a slider with max == min places its thumb at NaN, and that NaN dirty region
            // made JavaFX repaint the whole window in the next frame (50 to 60 ms of software painting)
            slider.setMax(Math.max(1, last));
            slider.setDisable(last <= 0);
        } finally {
            updating = false;
        }
        if (last >= 0 && round.get() > last) {
            round.set(last);
        }
    }

    private void render() {
        int l = layerIndex();
        if (l < 0) {
            imageView.setImage(null);
            image = null;
            statsLabel.setText(history.layers().isEmpty() ? "no layers" : "choose a layer");
            return;
        }
        LayerInfo li = history.layers().get(l);
        int w = li.cols();
        int h = li.rows();
        int size = li.size();
        Branch b = branch.get();
        int stored = b == null ? -1 : history.resolve(b, round.get());
        long[] keep;
        long[] prev;
        float[] values;
        boolean fromTheta0 = false;
        if (stored < 0) {
            keep = history.bits(b, -1, l);
            prev = null;
            values = history.theta0(l);
            fromTheta0 = true;
        } else {
            keep = history.bits(b, stored, l);
            prev = history.previousBits(b, stored, l);
            values = history.weights(b, stored, l);
            if (values == null) {
                values = history.theta0(l);
                fromTheta0 = values != null;
            }
        }
        float max = MaskHistory.maxAbs(values, keep);
        if (argb.length < size) {
            argb = new int[size];
        }
        int newly = HeatmapPalette.render(keep, prev, values, max, argb, size);
        if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
            image = new WritableImage(w, h);
            imageView.setImage(image);
        }
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), argb, 0, w);
        boolean layerChanged = shownLayer != l;
        shownLayer = l;
        shownStored = stored;
        shownBranch = b;
        shownValues = stored < 0 || fromTheta0 ? null : values;
        if (layerChanged && fit) {
            fitToViewport();
        } else {
            applyZoom();
        }

        int kept = stored < 0 ? size : history.keptCount(b, stored, l);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %,d of %,d weights kept (%.1f%%)", li.name(), kept, size,
                100.0 * kept / Math.max(1, size)));
        if (stored < 0) {
            sb.append("  —  θ0, no finished round").append(b == null ? "" : " for " + b.id()).append(" yet");
        } else {
            sb.append("  —  ").append(b.id()).append(" round ").append(stored);
            if (stored != round.get()) {
                sb.append(" (round ").append(round.get()).append(" not stored)");
            }
            if (prev != null) {
                sb.append(String.format(Locale.ROOT, ", %,d pruned in this round", newly));
            }
            if (fromTheta0) {
                sb.append("  (colours from θ0: this round's final weights are no longer in memory)");
            }
        }
        statsLabel.setText(sb.toString());
        maxLabel.setText(values == null ? "" : String.format(Locale.ROOT, "   max |w| = %.4f", max));
    }

    private void onHover(MouseEvent e) {
        String text = hoverText(e.getX(), e.getY());
        statusLabel.setText(text == null ? " " : text);
        tooltip.setText(text == null ? "" : text.replace("  |  ", "\n"));
    }

    /** The hover text for a point in the image view's local coordinates, or null outside the image. */
    String hoverText(double x, double y) {
        if (image == null || shownLayer < 0) {
            return null;
        }
        LayerInfo li = history.layers().get(shownLayer);
        int col = (int) Math.floor(x / zoom);
        int row = (int) Math.floor(y / zoom);
        if (col < 0 || row < 0 || col >= li.cols() || row >= li.rows()) {
            return null;
        }
        return hoverText(row, col);
    }

    /** The hover text of weight (row, col) of the shown layer. */
    String hoverText(int row, int col) {
        LayerInfo li = history.layers().get(shownLayer);
        int idx = row * li.cols() + col;
        float[] t0 = history.theta0(shownLayer);
        float theta0 = t0 == null ? Float.NaN : t0[idx];
        if (shownStored < 0) {
            return HoverText.weight(li.name(), row, col, theta0, Float.NaN, new PrunedInfo(true, 0, true), 0)
                    + "  (no finished round yet)";
        }
        float current = shownValues == null ? Float.NaN : shownValues[idx];
        PrunedInfo info = history.prunedIn(shownBranch, shownStored, shownLayer, idx);
        return HoverText.weight(li.name(), row, col, theta0, current, info, shownStored);
    }

    private void onWheel(ScrollEvent e) {
        if (image == null || e.getDeltaY() == 0) {
            return;
        }
        double factor = e.getDeltaY() > 0 ? 1.25 : 0.8;
        javafx.geometry.Point2D p = imageView.sceneToLocal(e.getSceneX(), e.getSceneY());
        javafx.geometry.Bounds vp = scroll.getViewportBounds();
        double contentW = image.getWidth() * zoom;
        double contentH = image.getHeight() * zoom;
        double offX = scroll.getHvalue() * Math.max(0, contentW - vp.getWidth());
        double offY = scroll.getVvalue() * Math.max(0, contentH - vp.getHeight());
        double mouseVx = p.getX() - offX;
        double mouseVy = p.getY() - offY;
        double old = zoom;
        setZoom(zoom * factor, false);
        double f = zoom / old;
        double newW = image.getWidth() * zoom;
        double newH = image.getHeight() * zoom;
        canvasHolder.applyCss();
        canvasHolder.layout();
        if (newW > vp.getWidth()) {
            scroll.setHvalue(clamp01((p.getX() * f - mouseVx) / (newW - vp.getWidth())));
        }
        if (newH > vp.getHeight()) {
            scroll.setVvalue(clamp01((p.getY() * f - mouseVy) / (newH - vp.getHeight())));
        }
        e.consume();
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private void setZoom(double z, boolean keepFit) {
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
        fit = keepFit;
        applyZoom();
    }

    private void fitToViewport() {
        if (image == null) {
            fit = true;
            return;
        }
        javafx.geometry.Bounds vp = scroll.getViewportBounds();
        double vw = vp.getWidth() > 10 ? vp.getWidth() : 800;
        double vh = vp.getHeight() > 10 ? vp.getHeight() : 500;
        double z = Math.min(vw / image.getWidth(), vh / image.getHeight());
        if (z >= 1) {
            z = Math.floor(z * 4) / 4; // whole quarter steps keep the pixel grid even
        }
        setZoom(z, true);
    }

    private void applyZoom() {
        if (image == null) {
            return;
        }
        imageView.setFitWidth(image.getWidth() * zoom);
        imageView.setFitHeight(image.getHeight() * zoom);
        zoomLabel.setText(String.format(Locale.ROOT, "%.0f%%", zoom * 100));
    }

    /** A list cell showing a branch label with its colour. */
    private static final class BranchCell extends ListCell<Branch> {
        @Override
        protected void updateItem(Branch b, boolean empty) {
            super.updateItem(b, empty);
            if (empty || b == null) {
                setText(null);
                setGraphic(null);
            } else {
                setText(b.label());
                setGraphic(new Rectangle(12, 12, BranchColors.of(b)));
            }
        }
    }
}
