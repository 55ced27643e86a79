package org.lotterylab.visuals.earlybird;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.visuals.chart.FrameCoalescer;

/**
 * Early-bird tickets (You et al. 2020): left, the pairwise mask-distance heatmap of the dense round's evaluation
 * points (iterations x iterations, dark = similar masks), which grows one row per point while round 0 trains;
 * right, the distance to the previous mask and the largest distance in the window against the iteration, with
 * the threshold and the drawn point marked. Hovering the heatmap names the two iterations and their distance.
 * FX thread only; redraws are coalesced to one per frame.
 */
public class EarlyBirdView extends BorderPane {
    private static final double MARGIN = 34;
    private final EarlyBirdModel model = new EarlyBirdModel();
    private final Canvas heat = new Canvas();
    private final Canvas curve = new Canvas();
    private final Label caption = new Label();
    private final Label hover = new Label(" ");
    private final FrameCoalescer redraw = new FrameCoalescer(this::draw);
    private double threshold = Double.NaN;

    /** An empty view. */
    public EarlyBirdView() {
        getStyleClass().add("lab-early-bird");
        setId("early-bird-view");
        heat.setId("early-bird-heatmap");
        curve.setId("early-bird-curve");
        caption.setId("early-bird-caption");
        caption.setWrapText(true);
        Pane heatHolder = holder(heat);
        Pane curveHolder = holder(curve);
        // side by side when the pane is wide, the heatmap above the curve when it is tall
        Pane charts = new Pane(heatHolder, curveHolder) {
            @Override
            protected void layoutChildren() {
                double w = getWidth();
                double h = getHeight();
                if (w >= 1.4 * h) {
                    double hw = Math.min(w * 0.55, h + MARGIN);
                    heatHolder.resizeRelocate(0, 0, hw, h);
                    curveHolder.resizeRelocate(hw + 6, 0, Math.max(0, w - hw - 6), h);
                } else {
                    double hh = Math.min(h * 0.62, w + MARGIN * 1.5);
                    heatHolder.resizeRelocate(0, 0, w, hh);
                    curveHolder.resizeRelocate(0, hh + 4, w, Math.max(0, h - hh - 4));
                }
            }
        };
        charts.setMinSize(0, 0);
        setTop(caption);
        setCenter(charts);
        setBottom(hover);
        setPadding(new Insets(4));
        heat.setOnMouseMoved(e -> hover.setText(hoverText(e.getX(), e.getY()).orElse(" ")));
        heat.setOnMouseExited(e -> hover.setText(" "));
        caption.setText(model.caption());
    }

    private Pane holder(Canvas c) {
        Pane p = new Pane(c);
        p.setMinSize(0, 0);
        c.widthProperty().bind(p.widthProperty());
        c.heightProperty().bind(p.heightProperty());
        c.widthProperty().addListener((o, a, b) -> redraw.request());
        c.heightProperty().addListener((o, a, b) -> redraw.request());
        return p;
    }

    /** The state shown. */
    public EarlyBirdModel model() {
        return model;
    }

    /** The threshold line of the curve (the spec's {@code earlyBirdThreshold}); NaN hides it. */
    public void setThreshold(double t) {
        threshold = t;
        redraw.request();
    }

    /** Adds a live (or replayed) point. */
    public void addPoint(RunEvent.EarlyBirdPoint p) {
        assert Platform.isFxApplicationThread();
        model.add(p);
        changed();
    }

    /** The dense round's summary: the full matrix and the drawn point. */
    public void finish(RunEvent.EarlyBirdDrawn s) {
        assert Platform.isFxApplicationThread();
        model.finish(s);
        changed();
    }

    /** Empties the view. */
    public void clear() {
        model.clear();
        changed();
    }

    private void changed() {
        caption.setText(model.caption());
        redraw.request();
    }

    /** The caption line ("ticket drawn at iteration N; M iterations saved"). */
    public String captionText() {
        return caption.getText();
    }

    /** The text hovering the heatmap at ({@code x}, {@code y}) shows, if over a cell. */
    public Optional<String> hoverText(double x, double y) {
        int n = model.size();
        double side = side();
        if (n == 0 || side <= 0) {
            return Optional.empty();
        }
        int j = (int) Math.floor((x - MARGIN) / side * n);
        int i = (int) Math.floor((y - MARGIN / 2) / side * n);
        if (i < 0 || j < 0 || i >= n || j >= n) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "iterations %d and %d: mask distance %.3f",
                model.iteration(i), model.iteration(j), model.distance(i, j)));
    }

    private double side() {
        return Math.max(0, Math.min(heat.getWidth() - MARGIN - 8, heat.getHeight() - MARGIN * 1.5));
    }

    /** Colour of a distance: dark blue for identical masks to pale yellow for the largest distances. */
    static Color colour(double d, double max) {
        double t = max <= 0 ? 0 : Math.max(0, Math.min(1, d / max));
        return Color.hsb(230 - 180 * t, 0.85 - 0.55 * t, 0.35 + 0.65 * t);
    }

    private void draw() {
        drawHeatmap();
        drawCurve();
    }

    private void drawHeatmap() {
        GraphicsContext g = heat.getGraphicsContext2D();
        g.clearRect(0, 0, heat.getWidth(), heat.getHeight());
        int n = model.size();
        double side = side();
        if (n == 0 || side <= 0) {
            return;
        }
        double max = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                max = Math.max(max, model.distance(i, j));
            }
        }
        double cell = side / n;
        double top = MARGIN / 2;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g.setFill(colour(model.distance(i, j), max));
                g.fillRect(MARGIN + j * cell, top + i * cell, Math.ceil(cell), Math.ceil(cell));
            }
        }
        g.setFill(Color.gray(0.25));
        g.setFont(Font.font(11));
        g.fillText("iteration " + model.iteration(0), MARGIN, top + side + 14);
        String last = String.valueOf(model.iteration(n - 1));
        g.fillText(last, MARGIN + side - 7 * last.length(), top + side + 14);
        g.fillText(String.format(Locale.ROOT, "pairwise mask distance (max %.2f)", max), MARGIN, top + side + 28);
        var drawn = model.drawnIteration();
        if (drawn.isPresent()) {
            int k = indexOf(drawn.getAsInt());
            if (k >= 0) {
                g.setStroke(Color.web("#d62728"));
                g.setLineWidth(2);
                g.strokeRect(MARGIN + k * cell, top + k * cell, cell, cell);
                g.strokeLine(MARGIN + (k + 0.5) * cell, top, MARGIN + (k + 0.5) * cell, top + side);
            }
        }
    }

    private int indexOf(int iteration) {
        for (int i = 0; i < model.size(); i++) {
            if (model.iteration(i) == iteration) {
                return i;
            }
        }
        return -1;
    }

    private void drawCurve() {
        GraphicsContext g = curve.getGraphicsContext2D();
        double w = curve.getWidth();
        double h = curve.getHeight();
        g.clearRect(0, 0, w, h);
        int n = model.size();
        if (n == 0 || w < 2 * MARGIN || h < 2 * MARGIN) {
            return;
        }
        double x0 = MARGIN;
        double x1 = w - 10;
        double y0 = h - MARGIN;
        double y1 = 10;
        double maxIt = Math.max(1, model.iteration(n - 1));
        double maxD = 0.05;
        List<RunEvent.EarlyBirdPoint> pts = model.points();
        for (int i = 1; i < n; i++) {
            maxD = Math.max(maxD, model.distanceToPrevious(i));
        }
        for (RunEvent.EarlyBirdPoint p : pts) {
            if (!Double.isNaN(p.maxDistanceWindow())) {
                maxD = Math.max(maxD, p.maxDistanceWindow());
            }
        }
        if (!Double.isNaN(threshold)) {
            maxD = Math.max(maxD, threshold * 1.2);
        }
        final double top = maxD;
        java.util.function.DoubleUnaryOperator px = it -> x0 + (x1 - x0) * it / maxIt;
        java.util.function.DoubleUnaryOperator py = d -> y0 - (y0 - y1) * d / top;
        g.setStroke(Color.gray(0.5));
        g.setLineWidth(1);
        g.strokeLine(x0, y0, x1, y0);
        g.strokeLine(x0, y0, x0, y1);
        g.setFill(Color.gray(0.25));
        g.setFont(Font.font(11));
        g.fillText("0", x0 - 12, y0 + 4);
        g.fillText(String.format(Locale.ROOT, "%.2f", top), 2, y1 + 8);
        g.fillText("iteration", (x0 + x1) / 2 - 20, h - 6);
        g.fillText(String.valueOf((int) maxIt), x1 - 24, y0 + 14);
        if (!Double.isNaN(threshold)) {
            g.setStroke(Color.gray(0.4));
            g.setLineDashes(4, 4);
            g.strokeLine(x0, py.applyAsDouble(threshold), x1, py.applyAsDouble(threshold));
            g.setLineDashes();
            g.fillText(String.format(Locale.ROOT, "threshold %.2f", threshold), x1 - 90, py.applyAsDouble(threshold) - 4);
        }
        g.setLineWidth(2);
        g.setStroke(Color.web("#1f77b4"));
        polyline(g, n, i -> model.iteration(i), this::previous, px, py);
        if (!pts.isEmpty()) {
            g.setStroke(Color.web("#ff7f0e"));
            polyline(g, pts.size(), i -> pts.get(i).iteration(), i -> pts.get(i).maxDistanceWindow(), px, py);
        }
        g.setFill(Color.web("#1f77b4"));
        g.fillText("distance to previous mask", x0 + 8, y1 + 12);
        g.setFill(Color.web("#ff7f0e"));
        g.fillText("largest distance in window", x0 + 8, y1 + 26);
        var drawn = model.drawnIteration();
        if (drawn.isPresent()) {
            double x = px.applyAsDouble(drawn.getAsInt());
            g.setStroke(Color.web("#d62728"));
            g.setLineWidth(2);
            g.strokeLine(x, y0, x, y1);
            g.setFill(Color.web("#d62728"));
            g.fillText("drawn at " + drawn.getAsInt(), Math.min(x + 4, x1 - 80), y1 + 40);
        }
    }

    private double previous(int i) {
        return model.distanceToPrevious(i);
    }

    private static void polyline(GraphicsContext g, int n, java.util.function.IntToDoubleFunction x,
                                 java.util.function.IntToDoubleFunction y, java.util.function.DoubleUnaryOperator px,
                                 java.util.function.DoubleUnaryOperator py) {
        boolean started = false;
        g.beginPath();
        for (int i = 0; i < n; i++) {
            double v = y.applyAsDouble(i);
            if (Double.isNaN(v)) {
                continue;
            }
            double cx = px.applyAsDouble(x.applyAsDouble(i));
            double cy = py.applyAsDouble(v);
            if (started) {
                g.lineTo(cx, cy);
            } else {
                g.moveTo(cx, cy);
                started = true;
            }
        }
        g.stroke();
    }
}
