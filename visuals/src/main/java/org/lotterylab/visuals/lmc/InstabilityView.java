package org.lotterylab.visuals.lmc;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import io.fair_acc.dataset.spi.DoubleErrorDataSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.visuals.chart.Charts;
import org.lotterylab.visuals.chart.FrameCoalescer;
import org.lotterylab.visuals.chart.Toolbar;
import org.lotterylab.visuals.chart.PercentLogAxis;

/**
 * Instability summaries: test instability (%) versus the rewinding iteration k, one series per network
 * (top), and versus weights remaining, one series per k (bottom). Each point is the mean over seed pairs,
 * with min-max error bars; a dashed line marks the stability threshold. Hovering a point shows its numbers.
 *
 * <p>FX thread only; curves may arrive one by one and the charts redraw once per frame. A series is attached
 * only once it has a point.
 */
public class InstabilityView extends BorderPane {
    private final DefaultNumericAxis kAxis = Charts.linearAxis("rewinding iteration k", true);
    private final DefaultNumericAxis kY = Charts.linearAxis("instability (%)", true);
    private final PercentLogAxis wAxis = PercentLogAxis.weightsRemaining();
    private final DefaultNumericAxis wY = Charts.linearAxis("instability (%)", true);
    private final XYChart kChart = Charts.chart("Instability vs rewinding iteration k", kAxis, kY, true);
    private final XYChart wChart = Charts.chart("Instability vs weights remaining", wAxis, wY, true);
    private final YValueIndicator kThreshold = new YValueIndicator(kY, 2, "stable below 2%");
    private final YValueIndicator wThreshold = new YValueIndicator(wY, 2, "stable below 2%");
    private final Label summary = new Label("no finished curve yet");
    private final InstabilityTable table = new InstabilityTable();
    private final LmcColors colors = new LmcColors();
    private final LmcColors kColors = new LmcColors();
    private final Map<String, DoubleErrorDataSet> byNetwork = new LinkedHashMap<>();
    private final Map<Integer, DoubleErrorDataSet> byK = new LinkedHashMap<>();
    private final FrameCoalescer redraw = new FrameCoalescer(this::rebuild, kChart, wChart);
    private final DoubleProperty threshold = new SimpleDoubleProperty(this, "threshold", 0.02);
    private boolean thresholdShown;

    /** An empty view. */
    public InstabilityView() {
        threshold.addListener((o, a, b) -> redraw.request());
        getStyleClass().add("lab-instability");
        kChart.setId("instability-k-chart");
        wChart.setId("instability-weights-chart");
        Charts.integerLabels(kAxis);
        for (XYChart c : List.of(kChart, wChart)) {
            c.getPlugins().add(new Charts.LabelTooltip());
            c.setMinHeight(180);
        }
        for (YValueIndicator t : List.of(kThreshold, wThreshold)) {
            t.setEditable(false);
            t.setLabelPosition(0.98);
        }
        summary.setId("instability-summary");
        summary.getStyleClass().add("lab-stats");
        Label note = new Label("mean over seed pairs; error bars: min to max");
        setTop(Toolbar.of(12, summary, note));
        SplitPane split = new SplitPane(kChart, wChart);
        split.setOrientation(Orientation.VERTICAL);
        setCenter(split);
    }

    /** Adds (or replaces) one finished curve. */
    public void addCurve(LmcEvent.LmcCurveDone d) {
        table.add(d);
        threshold.set(d.threshold());
        redraw.request();
    }

    /** The stability threshold (a fraction) marked on the charts; setting it redraws. */
    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** Removes every curve. */
    public void clear() {
        redraw.cancel();
        table.clear();
        colors.clear();
        kColors.clear();
        byNetwork.clear();
        byK.clear();
        Charts.renderer(kChart).getDatasets().clear();
        Charts.renderer(wChart).getDatasets().clear();
        kChart.getPlugins().remove(kThreshold);
        wChart.getPlugins().remove(wThreshold);
        thresholdShown = false;
        summary.setText("no finished curve yet");
    }

    /** One row per (network, k) with the mean, sd, min, max and stable count over seed pairs. */
    public String toCsv() {
        return table.toCsv();
    }

    // ---- package-private hooks for tests ----

    void flush() {
        redraw.flush();
    }

    XYChart kChart() {
        return kChart;
    }

    XYChart weightsChart() {
        return wChart;
    }

    Label summary() {
        return summary;
    }

    InstabilityTable table() {
        return table;
    }

    // ---- internals ----

    private void rebuild() {
        if (table.size() == 0) {
            return;
        }
        var kSets = Charts.renderer(kChart).getDatasets();
        for (Map.Entry<String, List<InstabilityTable.Group>> e : table.byNetwork().entrySet()) {
            DoubleErrorDataSet ds = byNetwork.computeIfAbsent(e.getKey(), n -> {
                DoubleErrorDataSet s = new DoubleErrorDataSet(n, 16);
                Charts.style(s, colors.color("network " + n), "circle", true, null);
                return s;
            });
            fill(ds, e.getValue(), true);
            if (!kSets.contains(ds)) {
                kSets.add(ds);
            }
        }
        var wSets = Charts.renderer(wChart).getDatasets();
        List<Double> xs = new ArrayList<>();
        for (Map.Entry<Integer, List<InstabilityTable.Group>> e : table.byK().entrySet()) {
            DoubleErrorDataSet ds = byK.computeIfAbsent(e.getKey(), k -> {
                DoubleErrorDataSet s = new DoubleErrorDataSet("k = " + k, 16);
                Charts.style(s, kColors.color("k " + k), "diamond", true, null);
                return s;
            });
            fill(ds, e.getValue(), false);
            e.getValue().forEach(g -> xs.add(100 * g.weightsRemaining()));
            if (!wSets.contains(ds)) {
                wSets.add(ds);
            }
        }
        wAxis.setData(xs.stream().mapToDouble(Double::doubleValue).toArray());
        String text = "stable below " + LmcColors.percent(threshold.get());
        for (YValueIndicator t : List.of(kThreshold, wThreshold)) {
            t.setValue(100 * threshold.get());
            t.setText(text);
        }
        if (!thresholdShown) {
            kChart.getPlugins().add(kThreshold);
            wChart.getPlugins().add(wThreshold);
            thresholdShown = true;
        }
        summary.setText(String.format(Locale.ROOT, "%d of %d curves stable (instability < %s)",
                table.stableCount(threshold.get()), table.size(), LmcColors.percent(threshold.get())));
    }

    private static void fill(DoubleErrorDataSet ds, List<InstabilityTable.Group> groups, boolean xIsK) {
        ds.clearData();
        ds.getDataLabelMap().clear();
        for (InstabilityTable.Group g : groups) {
            double x = xIsK ? g.k() : 100 * g.weightsRemaining();
            double y = 100 * g.mean();
            ds.add(x, y, y - 100 * g.min(), 100 * g.max() - y, String.format(Locale.ROOT,
                    "%s, k = %d, %.1f%% of weights\ninstability %.2f%% (mean of %d seed pair%s; sd %.2f, min %.2f, "
                            + "max %.2f)\n%d of %d stable", g.network(), g.k(), 100 * g.weightsRemaining(), y, g.n(),
                    g.n() == 1 ? "" : "s", 100 * g.sd(), 100 * g.min(), 100 * g.max(), g.stable(), g.n()));
        }
    }
}
