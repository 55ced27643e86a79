package org.lotterylab.visuals;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleErrorDataSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.store.Spread;
import org.lotterylab.visuals.chart.Charts;
import org.lotterylab.visuals.chart.FrameCoalescer;
import org.lotterylab.visuals.chart.PercentLogAxis;
import org.lotterylab.visuals.model.ErrorBars;
import org.lotterylab.visuals.model.LogTicks;
import org.lotterylab.visuals.model.ResultPoint;
import org.lotterylab.visuals.model.ResultTable;

/**
 * The lottery-ticket plots: test accuracy versus weights remaining (top) and early-stopping iteration
 * versus weights remaining (bottom), one series per branch in its {@link BranchColors} colour. The x axis
 * is logarithmic and decreases from 100% on the left. Several results for one (branch, round), e.g.
 * replicates, are drawn as their mean with error bars, min-max or ± one sample s.d. (the toolbar's
 * {@link #errorBarsProperty() toggle}); results added with a group label (a sweep's grid values) form one
 * curve per group and branch. A dashed line marks the dense baseline (ticket round 0, or
 * {@link #setDenseBaseline}). Hovering a point shows its exact numbers, with each repeat's value and n;
 * drag to zoom.
 *
 * <p>FX thread only. Results may arrive one by one; the charts redraw once per frame. A series is attached
 * only once it has a point (an empty data set can make an auto-ranging ChartFX chart redraw forever).
 */
public class AccuracySparsityView extends BorderPane {
    private static final String EARLY_STOP = "at the early-stop iteration";
    private static final String FINAL = "at the end of training";

    private final ResultTable table = new ResultTable();
    private final PercentLogAxis accX = PercentLogAxis.weightsRemaining();
    private final DefaultNumericAxis accY = Charts.linearAxis("test accuracy (%)", false);
    private final PercentLogAxis iterX = PercentLogAxis.weightsRemaining();
    private final DefaultNumericAxis iterY = Charts.linearAxis("iteration", true);
    private final XYChart accChart = Charts.chart("Test accuracy", accX, accY, true);
    private final XYChart iterChart = Charts.chart("Early-stop iteration", iterX, iterY, true);
    private final Map<ResultTable.SeriesKey, DoubleErrorDataSet> accSets = new HashMap<>();
    private final Map<ResultTable.SeriesKey, DoubleErrorDataSet> iterSets = new HashMap<>();
    private final java.util.Set<DataSet> owned = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final ComboBox<String> errorBarKind = new ComboBox<>();
    private final ObjectProperty<ErrorBars> errorBars = new SimpleObjectProperty<>(this, "errorBars", ErrorBars.MIN_MAX);
    /** Marker-only series beside the branches (supermasks ...), by name. */
    private final Map<String, List<MarkedPoint>> extraPoints = new java.util.LinkedHashMap<>();
    private final Map<String, DoubleErrorDataSet> extraSets = new java.util.HashMap<>();
    private YValueIndicator baseline = newBaseline();
    private final ComboBox<String> accuracyKind = new ComboBox<>();
    private final Label summary = new Label("no results yet");
    private final FrameCoalescer redraw = new FrameCoalescer(this::rebuild, accChart);
    // the iteration chart follows in a pulse of its own (PulseBudget): one chart's redraw per pulse
    private final FrameCoalescer iterRedraw = new FrameCoalescer(this::rebuildIterations, iterChart);
    private boolean baselineShown;
    private double explicitBaseline = Double.NaN;

    /** An empty view. */
    public AccuracySparsityView() {
        getStyleClass().add("lab-accuracy-sparsity");
        accChart.setId("accuracy-chart");
        iterChart.setId("iteration-chart");
        Charts.compactLabels(iterY);
        // Both charts keep their legend (hiding one makes ChartFX 11.3.1 lay out its y axis too narrow),
        // and neither gets so short that its vertical axis label overruns the tick labels.
        accChart.setMinHeight(240);
        iterChart.setMinHeight(180);
        for (XYChart c : List.of(accChart, iterChart)) {
            // the tooltip's sorted-data search assumes a non-inverted x axis: scan all (few) points instead
            Charts.renderer(c).setAssumeSortedData(false);
            c.getPlugins().add(new Charts.LabelTooltip());
            Zoomer z = new Zoomer();
            z.setSliderVisible(false);
            c.getPlugins().add(z);
        }
        accuracyKind.getItems().addAll(EARLY_STOP, FINAL);
        accuracyKind.setValue(EARLY_STOP);
        accuracyKind.setId("accuracy-kind");
        accuracyKind.valueProperty().addListener((o, a, b) -> redraw.request());
        Label kindLabel = MaskHeatmapView.fixed(new Label("test accuracy"));
        accuracyKind.setMinWidth(Region.USE_PREF_SIZE);
        for (ErrorBars e : ErrorBars.values()) {
            errorBarKind.getItems().add(e.label());
        }
        errorBarKind.setValue(errorBars.get().label());
        errorBarKind.setId("error-bars");
        errorBarKind.setMinWidth(Region.USE_PREF_SIZE);
        errorBarKind.setTooltip(new javafx.scene.control.Tooltip("What the error bars of a mean over repeats span"));
        errorBarKind.valueProperty().addListener((o, a, b) -> errorBars.set(ErrorBars.ofLabel(b)));
        errorBars.addListener((o, a, b) -> {
            errorBarKind.setValue(b.label());
            redraw.request();
        });
        Label barsLabel = MaskHeatmapView.fixed(new Label("error bars"));
        javafx.scene.layout.Region bar = org.lotterylab.visuals.chart.Toolbar.of(8, kindLabel, accuracyKind, barsLabel,
                errorBarKind, summary);
        summary.getStyleClass().add("lab-stats");
        setTop(bar);
        setCenter(new org.lotterylab.visuals.chart.AdaptiveSplit(accChart, iterChart, 0.58));
    }

    /** Adds one round result (several per branch and round are aggregated). */
    public void addResult(RoundResult r) {
        table.add(r);
        redraw.request();
    }

    /**
     * Adds one result of the curve {@code group} (empty: ungrouped) from the repeat {@code member} (e.g.
     * {@code seed 3}; listed when the point is hovered).
     */
    public void addResult(RoundResult r, String group, String member) {
        table.add(r, group, member);
        redraw.request();
    }

    /** What the error bars span (min-max by default); the toolbar's toggle sets it too. */
    public ObjectProperty<ErrorBars> errorBarsProperty() {
        return errorBars;
    }

    /** Replaces all results. */
    public void setResults(List<RoundResult> all) {
        double explicit = explicitBaseline;
        table.clear();
        table.setDenseBaseline(explicit);
        for (RoundResult r : all) {
            table.add(r);
        }
        redraw.request();
    }

    /**
     * Sets the dense baseline test accuracy as a fraction in [0, 1] (values above 1 are read as percent);
     * NaN returns to the default (ticket round 0).
     */
    public void setDenseBaseline(double accuracy) {
        explicitBaseline = accuracy > 1 ? accuracy / 100 : accuracy;
        table.setDenseBaseline(explicitBaseline);
        redraw.request();
    }

    /**
     * A point of a marker-only series on the accuracy plot: weights remaining and test accuracy in percent, and
     * the text shown on hover.
     */
    public record MarkedPoint(double remainingPct, double accuracyPct, String label) {
    }

    /**
     * Shows a marker-only series called {@code name} on the accuracy plot (its own legend entry, no line: e.g.
     * the supermasks of a run's rounds, evaluated without training), or removes it when {@code points} is empty.
     */
    public void setPointSeries(String name, List<MarkedPoint> points) {
        if (points.isEmpty()) {
            extraPoints.remove(name);
        } else {
            extraPoints.put(name, List.copyOf(points));
        }
        redraw.request();
    }

    /** Names of the marker-only series shown (or about to be). */
    public java.util.Set<String> pointSeriesNames() {
        return java.util.Collections.unmodifiableSet(extraPoints.keySet());
    }

    /** Removes all results, marker-only series and the explicit baseline. */
    public void clear() {
        extraPoints.clear();
        table.clear();
        explicitBaseline = Double.NaN;
        redraw.cancel();
        iterRedraw.cancel();
        rebuild();
        rebuildIterations();
    }

    /** The aggregated data behind the plots, one row per (branch, round), with a header. */
    public String toCsv() {
        return table.toCsv();
    }

    // ---- package-private hooks for tests ----

    void flush() {
        redraw.flush();
        iterRedraw.flush();
    }

    XYChart accuracyChart() {
        return accChart;
    }

    XYChart iterationChart() {
        return iterChart;
    }

    DoubleErrorDataSet accuracySet(Branch b) {
        return accuracySet("", b);
    }

    DoubleErrorDataSet accuracySet(String group, Branch b) {
        return accSets.get(new ResultTable.SeriesKey(group, b));
    }

    DoubleErrorDataSet iterationSet(Branch b) {
        return iterSets.get(new ResultTable.SeriesKey("", b));
    }

    private YValueIndicator newBaseline() {
        YValueIndicator b = new YValueIndicator(accY, 0, "dense");
        b.setEditable(false);
        b.setLabelPosition(1.0);
        return b;
    }

    boolean baselineShown() {
        return baselineShown;
    }

    double baselineValue() {
        return baseline.getValue();
    }

    // ---- internals ----

    private void rebuild() {
        boolean es = !FINAL.equals(accuracyKind.getValue());
        ErrorBars bars = errorBars.get();
        List<ResultTable.SeriesKey> series = table.series();
        List<String> groups = table.groups();
        refill(accChart, accX, accSets, true);
        for (Map.Entry<String, DoubleErrorDataSet> e : List.copyOf(extraSets.entrySet())) {
            if (!extraPoints.containsKey(e.getKey())) {
                Charts.renderer(accChart).getDatasets().remove(e.getValue());
                extraSets.remove(e.getKey());
            }
        }
        int extra = 0;
        for (Map.Entry<String, List<MarkedPoint>> e : extraPoints.entrySet()) {
            DoubleErrorDataSet ds = extraSets.computeIfAbsent(e.getKey(), k -> new DoubleErrorDataSet(k, 16));
            pointStyle(ds, EXTRA_COLORS[extra++ % EXTRA_COLORS.length], "diamond");
            ds.lock().writeLockGuard(() -> {
                ds.clearData();
                for (MarkedPoint p : e.getValue()) {
                    ds.add(p.remainingPct(), p.accuracyPct(), 0, 0, p.label());
                }
            });
            if (!Charts.renderer(accChart).getDatasets().contains(ds)) {
                Charts.renderer(accChart).getDatasets().add(ds);
            }
        }
        OptionalDouble base = table.denseBaselinePct(es);
        if (base.isPresent()) {
            baseline.setValue(base.getAsDouble());
            baseline.setText(String.format(Locale.ROOT, "dense %.2f%%", base.getAsDouble()));
            if (!baselineShown) {
                // a fresh indicator each time: ChartFX 11.3.1 throws in its layout pass when a removed value
                // indicator is added again (seen when a second run is opened)
                YValueIndicator fresh = newBaseline();
                fresh.setValue(baseline.getValue());
                fresh.setText(baseline.getText());
                baseline = fresh;
                accChart.getPlugins().add(baseline);
                baselineShown = true;
            }
        } else if (baselineShown) {
            accChart.getPlugins().remove(baseline);
            baselineShown = false;
        }
        int n = table.size();
        boolean repeats = series.stream().anyMatch(k -> table.points(k).stream().anyMatch(p -> p.n() > 1));
        summary.setText(n == 0 ? "no results yet"
                : String.format(Locale.ROOT, "%d result%s, %d branch%s%s%s", n, n == 1 ? "" : "s",
                table.branches().size(), table.branches().size() == 1 ? "" : "es",
                groups.size() > 1 || !groups.get(0).isEmpty() ? ", " + groups.size() + " group" + (groups.size() == 1 ? "" : "s") : "",
                repeats ? "; mean over repeats, error bars " + bars.label() : ""));
        iterRedraw.request();
    }

    /** The early-stop iteration chart's part of {@link #rebuild}, a pulse later. */
    private void rebuildIterations() {
        refill(iterChart, iterX, iterSets, false);
    }

    /**
     * Fills one chart ({@code accuracy}: test accuracy, else the early-stop iteration) with a series per branch (and
     * group) of the table: its x axis, its data sets (created, restyled, refilled; those of gone curves dropped).
     */
    private void refill(XYChart chart, PercentLogAxis x, Map<ResultTable.SeriesKey, DoubleErrorDataSet> sets,
            boolean accuracy) {
        boolean es = !FINAL.equals(accuracyKind.getValue());
        x.setData(withExtraX(table.xValues()));
        List<ResultTable.SeriesKey> series = table.series();
        List<String> groups = table.groups();
        sets.keySet().retainAll(series);
        List<DataSet> wanted = new ArrayList<>();
        ErrorBars bars = errorBars.get();
        for (ResultTable.SeriesKey key : series) {
            List<ResultPoint> pts = new ArrayList<>(table.points(key));
            pts.sort(Comparator.comparingDouble(ResultPoint::remainingPct));
            DoubleErrorDataSet ds = sets.computeIfAbsent(key, this::newSet);
            style(ds, key, groups);
            fill(ds, pts, es, accuracy, bars);
            if (ds.getDataCount() > 0) {
                wanted.add(ds);
            }
        }
        attach(chart, wanted);
        keepOwned();
    }

    /** This view's data sets: those of both charts (a curve that is gone stays until its chart has dropped it). */
    private void keepOwned() {
        owned.clear();
        owned.addAll(accSets.values());
        owned.addAll(iterSets.values());
    }

    private DoubleErrorDataSet newSet(ResultTable.SeriesKey key) {
        DoubleErrorDataSet ds = new DoubleErrorDataSet(key.group().isEmpty() ? key.branch().label()
                : key.group() + " · " + key.branch().label(), 32);
        owned.add(ds);
        return ds;
    }

    /** Branch colours when ungrouped; with several groups a colour per group, the branch by marker and dashes. */
    private static void style(DoubleErrorDataSet ds, ResultTable.SeriesKey key, List<String> groups) {
        if (key.branch() == Branch.EDGE_POPUP) {
            // edge-popup rounds are separate strong tickets (one per fraction kept), not a pruning path: points
            pointStyle(ds, groups.size() <= 1 ? BranchColors.hex(key.branch())
                    : GROUP_COLORS[Math.floorMod(groups.indexOf(key.group()), GROUP_COLORS.length)],
                    BranchColors.marker(key.branch()));
        } else if (groups.size() <= 1) {
            Charts.style(ds, key.branch(), 1.0, true, true);
        } else {
            Charts.style(ds, GROUP_COLORS[Math.floorMod(groups.indexOf(key.group()), GROUP_COLORS.length)],
                    BranchColors.marker(key.branch()), true, key.branch() == Branch.TICKET ? null : "8 4");
        }
    }

    /** Colours of the marker-only series, in order (purple, brown, grey: unused by the branches). */
    private static final String[] EXTRA_COLORS = {"#7b3294", "#8c564b", "#555555"};

    /** Markers without a connecting line. */
    private static void pointStyle(DoubleErrorDataSet ds, String color, String marker) {
        Charts.style(ds, color, marker, true, null);
        ds.setStyle(ds.getStyle() + " -fx-line-color: transparent; -fx-marker-size: 7;");
    }

    /** The x values the axis range must cover: the branches' and the marker-only series'. */
    private double[] withExtraX(double[] xs) {
        java.util.stream.DoubleStream.Builder all = java.util.stream.DoubleStream.builder();
        for (double x : xs) {
            all.add(x);
        }
        extraPoints.values().forEach(ps -> ps.forEach(p -> all.add(p.remainingPct())));
        return all.build().toArray();
    }

    private static final String[] GROUP_COLORS = {"#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00",
        "#56b4e9", "#222222", "#b8a000", "#882255", "#44aa99"};

    private static void fill(DoubleErrorDataSet ds, List<ResultPoint> pts, boolean es, boolean accuracy, ErrorBars bars) {
        ds.lock().writeLockGuard(() -> {
            ds.clearData();
            for (ResultPoint p : pts) {
                Spread s = accuracy ? p.acc(es) : p.iter();
                ds.add(p.remainingPct(), s.mean(), bars.below(s), bars.above(s), label(p, es, accuracy));
            }
        });
    }

    static String label(ResultPoint p, boolean es, boolean accuracy) {
        StringBuilder sb = new StringBuilder();
        if (!p.group().isEmpty()) {
            sb.append(p.group()).append(" · ");
        }
        sb.append(p.branch().label()).append(", round ").append(p.round());
        if (p.n() > 1) {
            sb.append(" (").append(p.n()).append(" runs)");
        }
        sb.append(String.format(Locale.ROOT, "%nweights remaining %s", LogTicks.label(p.remainingPct())));
        Spread s = accuracy ? p.acc(es) : p.iter();
        String f = accuracy ? "%.2f" : "%.0f";
        if (accuracy) {
            sb.append(String.format(Locale.ROOT, "%ntest accuracy %s %.2f%%", es ? "at early stop" : "final", s.mean()));
        } else {
            sb.append(String.format(Locale.ROOT, "%nearly-stop iteration %.0f", s.mean()));
        }
        if (p.n() > 1) {
            sb.append(String.format(Locale.ROOT, " (min " + f + ", max " + f + ", s.d. " + f + ", n = %d)", s.min(),
                    s.max(), s.std(), s.n()));
        }
        for (int i = 0; i < p.members().size(); i++) {
            String m = p.members().get(i);
            if (!m.isEmpty()) {
                sb.append(String.format(Locale.ROOT, "%n  %s: " + f + (accuracy ? "%%" : ""), m, s.values().get(i)));
            }
        }
        return sb.toString();
    }

    /**
     * Shows exactly {@code wanted} of this view's own data sets, in order (group, then branch), where the
     * first of them stood (else after the others); data sets others added to the chart stay. Compares by identity (ChartFX data sets
     * compare equal by content) and touches the list only on change.
     */
    private void attach(XYChart chart, List<DataSet> wanted) {
        var list = Charts.renderer(chart).getDatasets();
        List<DataSet> mine = new ArrayList<>();
        int at = -1;
        for (int i = 0; i < list.size(); i++) {
            if (owned.contains(list.get(i))) {
                mine.add(list.get(i));
                at = at < 0 ? i : at;
            }
        }
        boolean same = mine.size() == wanted.size();
        for (int i = 0; same && i < mine.size(); i++) {
            same = mine.get(i) == wanted.get(i);
        }
        if (same) {
            return;
        }
        list.removeIf(owned::contains);
        list.addAll(at < 0 ? list.size() : Math.min(at, list.size()), wanted);
    }
}
