package org.lotterylab.visuals.lmc;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.visuals.chart.Charts;
import org.lotterylab.visuals.chart.FrameCoalescer;
import org.lotterylab.visuals.chart.Toolbar;
import org.lotterylab.visuals.model.Csv;

/**
 * The interpolation plot of linear mode connectivity: classification error (%) versus alpha on the path
 * alpha*W1 + (1 - alpha)*W2, one curve per (network, k, seed pair, split) with a legend. Points appear as
 * they are computed. A complete curve's barrier is marked by a dashed vertical segment at the alpha of the
 * largest error, from the endpoints' mean error up to that maximum; the label below the chart gives the
 * latest (or clicked) curve's instability with its definition. Clicking a point selects it
 * ({@link #selectedPointProperty()}) and shows that interpolated network's accuracy and misclassified count.
 *
 * <p>FX thread only. Points are buffered and the chart takes them once per frame. A series is attached
 * only once it has a point (an empty data set can make an auto-ranging ChartFX chart redraw forever).
 */
public class InterpolationView extends BorderPane {
    /** Split choices. */
    static final String SHOW_TEST = "test error";
    static final String SHOW_TRAIN = "training error";
    static final String SHOW_BOTH = "test and training error";

    /** The definition shown with every instability number. */
    public static final String DEFINITION = "instability = max error on the path \u2212 mean error of its two endpoints";

    private final DefaultNumericAxis xAxis = Charts.linearAxis("alpha  (0 = W2, 1 = W1)", false);
    private final DefaultNumericAxis yAxis = Charts.linearAxis("error (%)", false);
    private final XYChart chart = Charts.chart("Error along the path \u03b1\u00b7W1 + (1 \u2212 \u03b1)\u00b7W2", xAxis,
            yAxis, false);
    private final ComboBox<String> splitBox = new ComboBox<>();
    private final Label barrierLabel = new Label("no finished curve yet");
    private final Label selectionLabel = new Label("click a point to see that interpolated network's accuracy");
    private final LmcCurves curves = new LmcCurves();
    private final LmcColors colors = new LmcColors();
    private final Map<CurveKey, DoubleDataSet> sets = new LinkedHashMap<>();
    private final Map<CurveKey, DoubleDataSet> barriers = new LinkedHashMap<>();
    private final DoubleDataSet selectedMarker = new DoubleDataSet("selected point");
    private final Set<String> dirty = new HashSet<>();
    private final Map<String, LmcEvent.LmcCurveDone> done = new LinkedHashMap<>();
    private final ObjectProperty<LmcCurves.Pick> selected = new SimpleObjectProperty<>(this, "selectedPoint");
    private final FrameCoalescer redraw = new FrameCoalescer(this::push, chart);
    private final DoubleProperty threshold = new SimpleDoubleProperty(this, "threshold", 0.02);
    private String focus;
    private boolean restyle;

    /** An empty view. */
    public InterpolationView() {
        threshold.addListener((o, a, b) -> redraw.request());
        getStyleClass().add("lab-interpolation");
        chart.setId("interpolation-chart");
        xAxis.setAutoRanging(false);
        xAxis.set(-0.02, 1.02); // a margin keeps the endpoint markers whole
        chart.getPlugins().add(new Charts.LabelTooltip());
        chart.setMinHeight(220);
        Charts.style(selectedMarker, "#000000", "circle", false, null);
        selectedMarker.setStyle(selectedMarker.getStyle() + " -fx-marker-size: 9; -fx-stroke-width: 0;");

        splitBox.getItems().addAll(SHOW_TEST, SHOW_TRAIN, SHOW_BOTH);
        splitBox.setValue(SHOW_TEST);
        splitBox.setId("lmc-split");
        splitBox.valueProperty().addListener((o, a, b) -> {
            restyle = true;
            dirty.addAll(curves.paths().keySet());
            redraw.request();
        });
        barrierLabel.setId("lmc-barrier");
        barrierLabel.getStyleClass().add("lab-stats");
        barrierLabel.setWrapText(true);
        selectionLabel.setId("lmc-selection");
        selectionLabel.setWrapText(true);
        splitBox.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label hint = new Label("dashed vertical segment: a finished curve's barrier \u00b7 marker shape: seed pair \u00b7 "
                + "click a point for that network's accuracy");
        hint.setMinWidth(0);
        setTop(Toolbar.of(8, Toolbar.caption("show"), splitBox, hint));
        setCenter(chart);
        VBox bottom = new VBox(2, barrierLabel, selectionLabel);
        bottom.setPadding(new Insets(2, 6, 4, 6));
        setBottom(bottom);
        chart.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                pickAt(e.getSceneX(), e.getSceneY()).ifPresent(this::select);
            }
        });
        selected.addListener((o, a, b) -> {
            selectionLabel.setText(b == null ? "click a point to see that interpolated network's accuracy"
                    : b.describe());
            redraw.request();
        });
    }

    /** Adds one evaluated point (any thread order of points within a path is fine). */
    public void addPoint(LmcEvent.LmcPoint p) {
        if (curves.add(p)) {
            dirty.add(p.network() + "/" + p.k() + "/" + p.seedPair());
            redraw.request();
        }
    }

    /** Marks a curve finished: its barrier is drawn and the label reports its instability. */
    public void curveDone(LmcEvent.LmcCurveDone d) {
        String id = d.network() + "/" + d.k() + "/" + d.seedPair();
        done.put(id, d);
        threshold.set(d.threshold());
        focus = id;
        dirty.add(id);
        redraw.request();
    }

    /** The stability threshold used in the label (a fraction, e.g. 0.02); setting it redraws. */
    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** Removes every curve and the selection. */
    public void clear() {
        redraw.cancel();
        curves.clear();
        done.clear();
        dirty.clear();
        colors.clear();
        sets.clear();
        barriers.clear();
        focus = null;
        selected.set(null);
        Charts.renderer(chart).getDatasets().clear();
        selectedMarker.clearData();
        barrierLabel.setText("no finished curve yet");
    }

    /** The selected point (null when none): the interpolated network clicked, with both splits' numbers. */
    public ReadOnlyObjectProperty<LmcCurves.Pick> selectedPointProperty() {
        return selected;
    }

    /** Selects a point (as a click on it does); null clears the selection. */
    public void select(LmcCurves.Pick pick) {
        selected.set(pick);
    }

    /** The curves' points in long format: {@code network,k,seed_pair,alpha,split,error} (like lmc.csv). */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(Csv.row("network", "k", "seed_pair", "alpha", "split", "error"));
        for (LmcCurves.Path path : curves.paths().values()) {
            for (String split : new String[] {CurveKey.TEST, CurveKey.TRAIN}) {
                for (LmcEvent.LmcPoint p : path.knownPoints()) {
                    sb.append(Csv.row(p.network(), p.k(), p.seedPair(), p.alpha(), split, p.error(split)));
                }
            }
        }
        return sb.toString();
    }

    /** The point near a scene position (within 12 px) on the curves shown, if any. */
    public Optional<LmcCurves.Pick> pickAt(double sceneX, double sceneY) {
        Canvas canvas = chart.getCanvas();
        Point2D local = canvas.sceneToLocal(sceneX, sceneY);
        if (local == null) {
            return Optional.empty();
        }
        return curves.nearest(shownKeys(), local.getX(), local.getY(), xAxis::getDisplayPosition,
                yAxis::getDisplayPosition, 12);
    }

    /** The scene position of a point of a shown curve (for tests and keyboard navigation). */
    Point2D scenePosition(double alpha, double errorPercent) {
        return chart.getCanvas().localToScene(xAxis.getDisplayPosition(alpha), yAxis.getDisplayPosition(errorPercent));
    }

    // ---- package-private hooks for tests ----

    XYChart chart() {
        return chart;
    }

    LmcCurves curves() {
        return curves;
    }

    Label barrierLabel() {
        return barrierLabel;
    }

    Label selectionLabel() {
        return selectionLabel;
    }

    ComboBox<String> splitBox() {
        return splitBox;
    }

    void flush() {
        redraw.flush();
    }

    // ---- internals ----

    private List<String> shownSplits() {
        String v = splitBox.getValue();
        if (SHOW_TRAIN.equals(v)) {
            return List.of(CurveKey.TRAIN);
        }
        if (SHOW_BOTH.equals(v)) {
            return List.of(CurveKey.TEST, CurveKey.TRAIN);
        }
        return List.of(CurveKey.TEST);
    }

    private List<CurveKey> shownKeys() {
        List<CurveKey> keys = new ArrayList<>();
        for (String id : curves.paths().keySet()) {
            String[] parts = id.split("/");
            for (String s : shownSplits()) {
                keys.add(new CurveKey(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), s));
            }
        }
        return keys;
    }

    private void push() {
        var list = Charts.renderer(chart).getDatasets();
        List<String> splits = shownSplits();
        if (restyle) {
            restyle = false;
            for (Map.Entry<CurveKey, DoubleDataSet> e : sets.entrySet()) {
                if (!splits.contains(e.getKey().split())) {
                    list.remove(e.getValue());
                    list.remove(barriers.get(e.getKey()));
                }
            }
        }
        for (String id : dirty) {
            LmcCurves.Path path = curves.paths().get(id);
            if (path == null) {
                continue;
            }
            String[] parts = id.split("/");
            String network = parts[0];
            int k = Integer.parseInt(parts[1]);
            int pair = Integer.parseInt(parts[2]);
            for (String split : splits) {
                CurveKey key = new CurveKey(network, k, pair, split);
                DoubleDataSet ds = sets.computeIfAbsent(key, this::newSet);
                List<LmcEvent.LmcPoint> pts = path.knownPoints();
                ds.clearData();
                ds.getDataLabelMap().clear();
                for (LmcEvent.LmcPoint p : pts) {
                    ds.add(p.alpha(), 100 * p.error(split), String.format(Locale.ROOT,
                            "%s\nalpha %.3f: %s error %.2f%% (%d of %d misclassified)", key.label(), p.alpha(), split,
                            100 * p.error(split), p.misclassified(split), p.examples(split)));
                }
                attach(list, ds);
                Optional<LmcCurves.Barrier> b = curves.barrier(key);
                if (b.isPresent()) {
                    DoubleDataSet bs = barriers.computeIfAbsent(key, this::newBarrier);
                    bs.clearData();
                    bs.add(b.get().alphaAtMax(), 100 * b.get().endpointMeanError());
                    bs.add(b.get().alphaAtMax(), 100 * b.get().maxError());
                    attach(list, bs);
                }
            }
        }
        dirty.clear();
        updateBarrierLabel();
        LmcCurves.Pick pick = selected.get();
        selectedMarker.clearData();
        if (pick != null) {
            selectedMarker.add(pick.point().alpha(), 100 * pick.point().error(pick.key().split()));
            attach(list, selectedMarker);
            // keep the marker on top
            list.remove(selectedMarker);
            list.add(selectedMarker);
        } else {
            list.remove(selectedMarker);
        }
    }

    private void updateBarrierLabel() {
        if (focus == null) {
            return;
        }
        LmcEvent.LmcCurveDone d = done.get(focus);
        String[] parts = focus.split("/");
        CurveKey key = new CurveKey(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                shownSplits().get(0));
        Optional<LmcCurves.Barrier> b = curves.barrier(key);
        if (b.isEmpty()) {
            return;
        }
        LmcCurves.Barrier x = b.get();
        boolean stable = x.instability() < threshold.get();
        barrierLabel.setText(String.format(Locale.ROOT,
                "%s: instability = %.2f%% \u2212 %.2f%% = %.2f%% \u2192 %s (threshold %s)%s.   %s.",
                key.label(), 100 * x.maxError(), 100 * x.endpointMeanError(), 100 * x.instability(),
                stable ? "stable" : "unstable", LmcColors.percent(threshold.get()),
                d != null && d.stored() ? ", stored" : "", DEFINITION));
    }

    /** One legend entry per (network, k, split): the first seed pair's curve carries it. */
    private DoubleDataSet newSet(CurveKey key) {
        String name = key.network() + " k=" + key.k() + (key.split().equals(CurveKey.TRAIN) ? " (train)" : "");
        DoubleDataSet ds = new DoubleDataSet(name, 64);
        String color = colors.color(key.network() + " k=" + key.k());
        boolean legend = sets.keySet().stream().noneMatch(o -> o.network().equals(key.network()) && o.k() == key.k()
                && o.split().equals(key.split()));
        Charts.style(ds, color, LmcColors.marker(key.seedPair()), legend,
                key.split().equals(CurveKey.TRAIN) ? "6 4" : null);
        return ds;
    }

    private DoubleDataSet newBarrier(CurveKey key) {
        DoubleDataSet ds = new DoubleDataSet("barrier " + key.label(), 2);
        String color = colors.color(key.network() + " k=" + key.k());
        Charts.style(ds, color, null, false, "3 3");
        ds.setStyle(ds.getStyle() + " -fx-stroke-width: 3;");
        return ds;
    }

    private static void attach(List<DataSet> list, DataSet ds) {
        if (ds.getDataCount() > 0 && !list.contains(ds)) {
            list.add(ds);
        }
    }
}
