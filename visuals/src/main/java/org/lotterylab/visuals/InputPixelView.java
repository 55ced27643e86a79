package org.lotterylab.visuals;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.visuals.chart.WrappingRow;
import org.lotterylab.visuals.model.HoverText;
import org.lotterylab.visuals.model.InputConnectivity;
import org.lotterylab.visuals.model.SequentialPalette;

/**
 * What the first layer's mask keeps of the input image: (a) an H x W map of how many connections each
 * input pixel keeps (summed over units and channels) with a colour scale, hover naming (x, y, count); (b)
 * a grid of per-unit receptive-field masks (the 64 most connected units, or the first 64) as small tiles.
 * With LeNet tickets the centre of the image keeps its connections and the border loses them.
 *
 * <p>FX thread only.
 */
public class InputPixelView extends BorderPane {
    private static final int TILES = 64;
    private static final int TILE_COLS = 8;
    private static final int GAP = 2;
    private static final int TILE_BG = 0xFF2A2A30;
    private static final String MOST_CONNECTED = "most connected";
    private static final String FIRST_UNITS = "first units";
    /** Width beside the map: its colour scale with labels, the paddings and the tiles' title and picker (px). */
    private static final double BESIDE_MAP = 330;

    private int channels;
    private int height;
    private int width;
    private Mask mask;
    private int[] counts = new int[0];
    private int maxCount;
    private int colourMax = 1;

    private final ImageView mapView = new ImageView();
    private final ImageView scaleView = new ImageView();
    private final ImageView tilesView = new ImageView();
    private final Label scaleMin = new Label("0");
    private final Label scaleMax = new Label("");
    private final Label status = new Label(" ");
    private final Label summary = new Label("no mask");
    private final Label tilesTitle = new Label("receptive fields");
    private final ComboBox<String> unitChoice = new ComboBox<>();
    private WritableImage mapImage;
    private WritableImage tilesImage;
    private double mapScale = 10;

    /** An empty view. */
    public InputPixelView() {
        getStyleClass().add("lab-input-pixels");
        mapView.setSmooth(false);
        tilesView.setSmooth(false);
        scaleView.setSmooth(false);
        mapView.setId("input-map");
        tilesView.setId("input-tiles");
        status.setId("input-status");
        summary.setId("input-summary");
        unitChoice.getItems().addAll(MOST_CONNECTED, FIRST_UNITS);
        unitChoice.setValue(MOST_CONNECTED);
        unitChoice.valueProperty().addListener((o, a, b) -> renderTiles());
        mapView.setOnMouseMoved(this::onHover);
        heightProperty().addListener((o, a, b) -> rescale());
        widthProperty().addListener((o, a, b) -> rescale());
        // the images follow the height it gets (rescale), so it need not demand their current size
        setMinHeight(200);
        setMinWidth(300);
        mapView.setOnMouseExited(e -> status.setText(" "));

        WritableImage scale = new WritableImage(1, 256);
        int[] px = new int[256];
        for (int i = 0; i < 256; i++) {
            px[i] = SequentialPalette.at((255 - i) / 255.0);
        }
        scale.getPixelWriter().setPixels(0, 0, 1, 256, PixelFormat.getIntArgbPreInstance(), px, 0, 1);
        scaleView.setImage(scale);
        scaleView.setFitWidth(16);
        scaleView.setFitHeight(280);
        scaleView.setPreserveRatio(false);
        MaskHeatmapView.fixed(scaleMax);
        MaskHeatmapView.fixed(scaleMin);
        unitChoice.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        BorderPane scaleBox = new BorderPane(scaleView);
        scaleBox.setTop(scaleMax);
        scaleBox.setBottom(scaleMin);
        BorderPane.setAlignment(scaleMax, Pos.CENTER_LEFT);
        BorderPane.setAlignment(scaleMin, Pos.CENTER_LEFT);

        Label mapTitle = new Label("kept connections per input pixel");
        mapTitle.getStyleClass().add("lab-title");
        mapTitle.setWrapText(true);
        HBox mapRow = new HBox(8, mapView, scaleBox);
        VBox left = new VBox(6, mapTitle, mapRow, status);
        left.setPadding(new Insets(6));

        tilesTitle.getStyleClass().add("lab-title");
        // the picker goes below the title when the view is narrow
        WrappingRow tilesHeader = new WrappingRow(8, 4, tilesTitle, unitChoice);
        ScrollPane tilesScroll = new ScrollPane(tilesView);
        tilesScroll.setFitToWidth(false);
        tilesScroll.setStyle("-fx-background-color: transparent;");
        VBox right = new VBox(6, tilesHeader, tilesScroll);
        right.setPadding(new Insets(6));
        HBox.setHgrow(right, Priority.ALWAYS);

        setCenter(new HBox(12, left, right));
        summary.getStyleClass().add("lab-stats");
        setBottom(summary);
        BorderPane.setMargin(summary, new Insets(4, 6, 4, 6));
    }

    /** Sets the input image shape; the mask's columns must be {@code channels * height * width}. */
    public void setInputShape(int channels, int height, int width) {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("input shape must be positive: " + channels + "x" + height + "x" + width);
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        if (mask != null) {
            show(mask);
        }
    }

    /**
     * Shows a first-layer mask of shape (units, C*H*W). Without {@link #setInputShape} a square
     * greyscale (or RGB) input is assumed.
     */
    public void show(Mask firstLayerMask) {
        this.mask = firstLayerMask;
        int[] shape = firstLayerMask.shape();
        int units = shape[0];
        int cols = firstLayerMask.size() / Math.max(1, units);
        int c = channels;
        int h = height;
        int w = width;
        if (c * h * w != cols) {
            int[] guess = InputConnectivity.inferShape(cols);
            if (guess == null) {
                clearImages();
                summary.setText(String.format(Locale.ROOT,
                        "%s has %d inputs per unit: not an image shape; call setInputShape(C, H, W)",
                        firstLayerMask.name(), cols));
                return;
            }
            c = guess[0];
            h = guess[1];
            w = guess[2];
        }
        counts = InputConnectivity.pixelCounts(firstLayerMask.keep(), units, c, h, w);
        maxCount = units * c;
        colourMax = Math.max(1, InputConnectivity.max(counts));
        renderMap(h, w);
        renderTiles();
        int zero = 0;
        for (int v : counts) {
            if (v == 0) {
                zero++;
            }
        }
        summary.setText(String.format(Locale.ROOT,
                "%s: %d units x %d x %d x %d inputs; %d of %d pixels have no connection left; %.1f%% of weights kept",
                firstLayerMask.name(), units, c, h, w, zero, h * w, 100 * firstLayerMask.fractionRemaining()));
        scaleMax.setText(colourMax + " (of " + maxCount + ")");
    }

    /** Clears the view (keeps the input shape). */
    public void clear() {
        mask = null;
        counts = new int[0];
        clearImages();
        summary.setText("no mask");
        status.setText(" ");
    }

    private void clearImages() {
        mapImage = null;
        tilesImage = null;
        mapView.setImage(null);
        tilesView.setImage(null);
    }

    private int[] shapeInUse() {
        int units = mask.shape()[0];
        int cols = mask.size() / units;
        if (channels * height * width == cols) {
            return new int[] {channels, height, width};
        }
        return InputConnectivity.inferShape(cols);
    }

    private void renderMap(int h, int w) {
        int[] px = new int[h * w];
        for (int i = 0; i < px.length; i++) {
            px[i] = SequentialPalette.at(counts[i], colourMax);
        }
        if (mapImage == null || (int) mapImage.getWidth() != w || (int) mapImage.getHeight() != h) {
            // a new image only for a new size: each new one is a new texture for the render thread
            mapImage = new WritableImage(w, h);
            mapView.setImage(mapImage);
        }
        mapImage.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), px, 0, w);
        rescale();
    }

    /**
     * Sizes the map and the tiles to the space the view has (integer zoom, nearest neighbour): the map as high as
     * the view allows and narrow enough to leave the tiles their title and picker beside it.
     */
    private void rescale() {
        double avail = getHeight() > 0 ? getHeight() - 110 : 420;
        double availWide = getWidth() > 0 ? getWidth() - BESIDE_MAP : 420;
        if (mapImage != null) {
            int w = (int) mapImage.getWidth();
            int h = (int) mapImage.getHeight();
            mapScale = Math.max(1, Math.floor(Math.min(420.0, Math.min(avail, availWide)) / Math.max(h, w)));
            mapView.setFitWidth(w * mapScale);
            mapView.setFitHeight(h * mapScale);
            scaleView.setFitHeight(Math.max(40, h * mapScale - 50));
        }
        if (tilesImage != null) {
            double iw = tilesImage.getWidth();
            double ih = tilesImage.getHeight();
            double scale = Math.max(1, Math.floor(Math.min(720.0 / iw, (avail + 40) / ih)));
            tilesView.setFitWidth(iw * scale);
            tilesView.setFitHeight(ih * scale);
        }
    }

    private void renderTiles() {
        if (mask == null) {
            return;
        }
        int[] s = shapeInUse();
        if (s == null) {
            return;
        }
        int c = s[0];
        int h = s[1];
        int w = s[2];
        int units = mask.shape()[0];
        boolean most = !FIRST_UNITS.equals(unitChoice.getValue());
        int[] chosen = InputConnectivity.chooseUnits(mask.keep(), units, c * h * w, TILES, most);
        int rows = (chosen.length + TILE_COLS - 1) / TILE_COLS;
        int iw = TILE_COLS * w + (TILE_COLS - 1) * GAP;
        int ih = Math.max(1, rows * h + (rows - 1) * GAP);
        int[] px = new int[iw * ih];
        java.util.Arrays.fill(px, 0x00000000);
        for (int t = 0; t < chosen.length; t++) {
            int[] uc = InputConnectivity.unitCounts(mask.keep(), chosen[t], c, h, w);
            int ox = (t % TILE_COLS) * (w + GAP);
            int oy = (t / TILE_COLS) * (h + GAP);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int v = uc[y * w + x];
                    px[(oy + y) * iw + ox + x] = v == 0 ? TILE_BG : SequentialPalette.at(0.35 + 0.65 * v / (double) c);
                }
            }
        }
        if (tilesImage == null || (int) tilesImage.getWidth() != iw || (int) tilesImage.getHeight() != ih) {
            tilesImage = new WritableImage(iw, ih);
            tilesView.setImage(tilesImage);
        }
        tilesImage.getPixelWriter().setPixels(0, 0, iw, ih, PixelFormat.getIntArgbInstance(), px, 0, iw);
        rescale();
        tilesTitle.setText(String.format(Locale.ROOT, "receptive fields of %d %s", chosen.length,
                most ? "most connected units" : "first units"));
    }

    private void onHover(MouseEvent e) {
        String t = hoverText(e.getX(), e.getY());
        status.setText(t == null ? " " : t);
    }

    /** Hover text for a point in the map's local coordinates, or null outside it. */
    String hoverText(double lx, double ly) {
        if (mapImage == null) {
            return null;
        }
        int w = (int) mapImage.getWidth();
        int h = (int) mapImage.getHeight();
        int x = (int) Math.floor(lx / mapScale);
        int y = (int) Math.floor(ly / mapScale);
        if (x < 0 || y < 0 || x >= w || y >= h) {
            return null;
        }
        return HoverText.pixel(x, y, counts[y * w + x], maxCount);
    }

    // ---- package-private hooks for tests ----

    WritableImage mapImage() {
        return mapImage;
    }

    WritableImage tilesImage() {
        return tilesImage;
    }

    int[] counts() {
        return counts.clone();
    }

    String summaryText() {
        return summary.getText();
    }

    String statusText() {
        return status.getText();
    }

    ImageView mapView() {
        return mapView;
    }
}
