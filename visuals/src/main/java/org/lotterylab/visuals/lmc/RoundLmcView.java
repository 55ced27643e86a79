package org.lotterylab.visuals.lmc;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.spi.DoubleErrorDataSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.visuals.BranchColors;
import org.lotterylab.visuals.chart.AdaptiveSplit;
import org.lotterylab.visuals.chart.Charts;
import org.lotterylab.visuals.chart.FrameCoalescer;
import org.lotterylab.visuals.chart.PercentLogAxis;
import org.lotterylab.visuals.model.Csv;

/**
 * Linear mode connectivity inside the IMP dashboard: left (or top), the test error along the interpolation
 * path of every finished round, coloured by branch, the focus round bold and earlier rounds faded; right (or
 * below), instability versus weights remaining per branch with the stability threshold and, beside it, the
 * published reference ({@link RoundLmc#REFERENCE}). Fed live with the IMP run's {@link LmcEvent}s or from a
 * stored run's {@code lmc.csv} / {@code instability.csv}. For a group of runs (replicates, a sweep),
 * {@link #showGroup} replaces the instability chart by the group's means with error bars, versus weights
 * remaining, or versus the rewinding iteration k when the group's runs differ in k.
 *
 * <p>FX thread only (asserted). Changes are coalesced into one redraw per frame, and only the curves that
 * changed are refilled; a change of the focus round only restyles.
 */
public class RoundLmcView extends BorderPane {
    private final RoundLmc model = new RoundLmc();
    private final DefaultNumericAxis alphaAxis = Charts.linearAxis("alpha (0 = copy 2, 1 = copy 1)", false);
    private final DefaultNumericAxis errorAxis = Charts.linearAxis("test error (%)", false);
    private final XYChart pathChart = Charts.chart("Error along the interpolation path", alphaAxis, errorAxis, false);
    private final PercentLogAxis weightsAxis = PercentLogAxis.weightsRemaining();
    private final DefaultNumericAxis instabilityAxis = Charts.linearAxis("instability (%)", true);
    private final XYChart instabilityChart = Charts.chart("Instability vs weights remaining", weightsAxis,
            instabilityAxis, true);
    private final YValueIndicator threshold = new YValueIndicator(instabilityAxis, 2, "stable below 2%");
    private final DefaultNumericAxis kAxis = Charts.linearAxis("rewinding iteration k", true);
    private final DefaultNumericAxis kInstabilityAxis = Charts.linearAxis("instability (%)", true);
    private final XYChart kChart = Charts.chart("Instability vs rewinding iteration k", kAxis, kInstabilityAxis, true);
    private final YValueIndicator kThreshold = new YValueIndicator(kInstabilityAxis, 2, "stable below 2%");
    private final List<DoubleErrorDataSet> groupSets = new ArrayList<>();
    private GroupInstability group;
    private org.lotterylab.visuals.model.ErrorBars groupBars = org.lotterylab.visuals.model.ErrorBars.MIN_MAX;
    private boolean groupByK;
    private boolean groupDirty;
    /** Holds the instability chart, or the k chart in group mode with k as an axis (only the one shown is attached). */
    private final javafx.scene.layout.StackPane right = new javafx.scene.layout.StackPane(instabilityChart);
    private final Label caption = new Label("no interpolation yet: LMC curves appear after each round "
            + "(spec field lmcEachRound)");
    private final Label reference = new Label("reference: " + RoundLmc.REFERENCE);
    private final Map<RoundLmc.Id, DoubleDataSet> pathSets = new HashMap<>();
    private final Map<Branch, DoubleErrorDataSet> instabilitySets = new EnumMap<>(Branch.class);
    private final Set<RoundLmc.Id> dirty = new HashSet<>();
    private final ReadOnlyIntegerWrapper focusRound = new ReadOnlyIntegerWrapper(this, "focusRound", -1);
    private final FrameCoalescer redraw = new FrameCoalescer(this::push, pathChart, instabilityChart, kChart);
    private boolean pinned;
    private boolean restyle;
    private boolean instabilityDirty;

    /** An empty view. */
    public RoundLmcView() {
        getStyleClass().add("lab-round-lmc");
        pathChart.setId("lmc-path-chart");
        instabilityChart.setId("lmc-instability-chart");
        alphaAxis.setAutoRanging(false);
        alphaAxis.set(-0.02, 1.02);
        instabilityAxis.setAutoRanging(false);
        instabilityAxis.set(0, 2.5);
        kChart.setId("lmc-k-chart");
        Charts.integerLabels(kAxis);
        kInstabilityAxis.setAutoRanging(false);
        kInstabilityAxis.set(0, 2.5);
        kThreshold.setEditable(false);
        kThreshold.setLabelPosition(0.98);
        kChart.setVisible(false);
        for (XYChart c : List.of(pathChart, instabilityChart, kChart)) {
            c.getPlugins().add(new Charts.LabelTooltip());
            Charts.renderer(c).setAssumeSortedData(false);
        }
        threshold.setEditable(false);
        threshold.setLabelPosition(0.98);
        // the 2% lines are there from the start and never removed: adding an indicator's nodes to a chart that is
        // already on screen made JavaFX repaint the whole window a frame later (50 to 60 ms of software painting)
        instabilityChart.getPlugins().add(threshold);
        kChart.getPlugins().add(kThreshold);
        caption.setId("lmc-round-caption");
        caption.getStyleClass().add("lab-stats");
        caption.setWrapText(true);
        reference.setId("lmc-reference");
        reference.setWrapText(true);
        org.lotterylab.visuals.chart.HeightHold.hold(caption);
        VBox bottom = new VBox(2, caption, reference);
        bottom.setPadding(new Insets(2, 6, 4, 6));
        setCenter(new AdaptiveSplit(pathChart, right, 0.5));
        setBottom(bottom);
    }

    /** Adds an evaluated point of a round's path (other networks and seed pairs are ignored). */
    public void addPoint(LmcEvent.LmcPoint p) {
        assertFx();
        if (model.add(p)) {
            RoundLmc.parse(p.network()).ifPresent(dirty::add);
            follow();
            redraw.request();
        }
    }

    /** A round's curve is finished; {@code standardError} is the sampling error of its instability (NaN: unknown). */
    public void curveDone(LmcEvent.LmcCurveDone d, double standardError) {
        assertFx();
        if (model.done(d, standardError)) {
            RoundLmc.parse(d.network()).ifPresent(dirty::add);
            instabilityDirty = true;
            follow();
            redraw.request();
        }
    }

    /** Removes everything. */
    public void clear() {
        assertFx();
        redraw.cancel();
        model.clear();
        pathSets.clear();
        instabilitySets.clear();
        dirty.clear();
        pinned = false;
        focusRound.set(-1);
        Charts.renderer(pathChart).getDatasets().clear();
        Charts.renderer(instabilityChart).getDatasets().clear();
        group = null;
        groupSets.clear();
        groupDirty = false;
        Charts.renderer(kChart).getDatasets().clear();
        kChart.setVisible(false);
        instabilityChart.setVisible(true);
        if (right.getChildren().size() != 1 || right.getChildren().get(0) != instabilityChart) {
            // re-adding the chart that is already there would restyle, lay out and repaint it
            right.getChildren().setAll(instabilityChart);
        }
        reference.setText("reference: " + RoundLmc.REFERENCE);
        caption.setText("no interpolation yet: LMC curves appear after each round (spec field lmcEachRound)");
        org.lotterylab.visuals.chart.HeightHold.release(caption);
    }

    /**
     * Shows {@code round} bold (earlier rounds faded, later ones hidden); a round at or past the latest goes
     * back to following the run.
     */
    public void setFocusRound(int round) {
        assertFx();
        int latest = model.latestRound();
        pinned = round < latest;
        int r = Math.max(0, Math.min(round, latest));
        if (r != focusRound.get()) {
            focusRound.set(r);
            restyle = true;
            redraw.request();
        }
    }

    /** The round drawn bold, -1 before any curve. */
    public ReadOnlyIntegerProperty focusRoundProperty() {
        return focusRound.getReadOnlyProperty();
    }

    /**
     * Shows a group's instability as means with error bars ({@code bars}): versus the rewinding iteration k
     * (one series per group, branch and round) when {@code byK}, else versus weights remaining (one series
     * per group and branch). The path chart keeps showing the curves added one by one (the group's first
     * run). Pass the same model again after adding to it; {@link #clear} leaves group mode.
     */
    public void showGroup(GroupInstability model, org.lotterylab.visuals.model.ErrorBars bars, boolean byK) {
        assertFx();
        group = model;
        groupBars = bars;
        groupByK = byK;
        groupDirty = true;
        redraw.request();
    }

    /** The group shown, or null. */
    public GroupInstability group() {
        return group;
    }

    /** The k chart (group mode with k as an axis). */
    public XYChart kChart() {
        return kChart;
    }

    /** The curves behind the view. */
    public RoundLmc model() {
        return model;
    }

    /** The sentence under the charts. */
    public String captionText() {
        return caption.getText();
    }

    /** Every point shown: {@code branch,round,k,alpha,test_error} then nothing else (one row per point). */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(Csv.row("branch", "round", "k", "alpha", "test_error", "instability"));
        for (RoundLmc.Curve c : model.curves()) {
            for (int i = 0; i < c.alphas().length; i++) {
                sb.append(Csv.row(c.id().branch().id(), c.id().round(), c.k(), c.alphas()[i], c.errors()[i],
                        c.finished() ? Csv.num(c.instability()) : ""));
            }
        }
        return sb.toString();
    }

    /** The interpolation chart. */
    public XYChart pathChart() {
        return pathChart;
    }

    /** The instability chart. */
    public XYChart instabilityChart() {
        return instabilityChart;
    }

    /** Draws pending changes now (tests). */
    public void flush() {
        redraw.flush();
    }

    // ---- internals ----

    private static void assertFx() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("RoundLmcView is used off the JavaFX thread");
        }
    }

    private void follow() {
        if (!pinned && model.latestRound() != focusRound.get()) {
            focusRound.set(model.latestRound());
            restyle = true;
        }
    }

    private void push() {
        javafx.collections.ObservableList<DataSet> list = Charts.renderer(pathChart).getDatasets();
        int focus = focusRound.get();
        List<RoundLmc.Curve> curves = model.curves();
        List<DataSet> wanted = new ArrayList<>();
        for (RoundLmc.Curve c : curves) {
            DoubleDataSet ds = pathSets.get(c.id());
            boolean fresh = ds == null;
            if (fresh) {
                ds = new DoubleDataSet(c.id().label(), c.count());
                pathSets.put(c.id(), ds);
            }
            if (fresh || dirty.contains(c.id())) {
                fill(ds, c);
            }
            if (fresh || restyle || dirty.contains(c.id())) {
                style(ds, c.id(), focus);
            }
            if (c.id().round() <= focus && ds.getDataCount() > 0) {
                wanted.add(ds);
            }
        }
        // faded curves first, the focus round on top
        wanted.sort((a, b) -> Boolean.compare(a.getName().endsWith(" r" + focus), b.getName().endsWith(" r" + focus)));
        if (!list.equals(wanted)) {
            list.setAll(wanted);
        }
        dirty.clear();
        restyle = false;
        if (group != null && (groupDirty || instabilityDirty)) {
            groupDirty = false;
            instabilityDirty = false;
            pushGroup();
        } else if (instabilityDirty) {
            instabilityDirty = false;
            pushInstability();
        }
        caption.setText(model.caption(focus).orElse(curves.isEmpty() ? caption.getText()
                : "round " + focus + ": interpolating ..."));
    }

    private static void fill(DoubleDataSet ds, RoundLmc.Curve c) {
        ds.clearData();
        ds.getDataLabelMap().clear();
        for (int i = 0; i < c.alphas().length; i++) {
            ds.add(c.alphas()[i], 100 * c.errors()[i], String.format(Locale.ROOT,
                    "%s (%.1f%% of weights, k = %d)\nalpha %.3f: test error %.2f%%", c.id().label(),
                    100 * c.weightsRemaining(), c.k(), c.alphas()[i], 100 * c.errors()[i]));
        }
    }

    private static void style(DoubleDataSet ds, RoundLmc.Id id, int focus) {
        boolean bold = id.round() == focus;
        Branch b = id.branch();
        Charts.style(ds, bold ? BranchColors.hex(b) : BranchColors.rgba(b, 0.28), bold ? BranchColors.marker(b) : null,
                bold, null);
        ds.setStyle(ds.getStyle() + (bold ? " -fx-line-width: 3.5;" : " -fx-line-width: 1.5;"));
    }

    private void pushInstability() {
        List<DataSet> list = Charts.renderer(instabilityChart).getDatasets();
        List<Double> xs = new ArrayList<>();
        double top = 100 * model.threshold() * 1.25;
        for (Map.Entry<Branch, List<RoundLmc.InstabilityPoint>> e : model.instability().entrySet()) {
            Branch b = e.getKey();
            DoubleErrorDataSet ds = instabilitySets.computeIfAbsent(b, x -> {
                DoubleErrorDataSet s = new DoubleErrorDataSet(x.id(), 16);
                Charts.style(s, x, 1, true, true);
                return s;
            });
            ds.clearData();
            ds.getDataLabelMap().clear();
            List<RoundLmc.InstabilityPoint> pts = new ArrayList<>(e.getValue());
            pts.sort((p, q) -> Double.compare(q.weightsRemaining(), p.weightsRemaining()));
            for (RoundLmc.InstabilityPoint p : pts) {
                double y = 100 * p.instability();
                double se = Double.isNaN(p.standardError()) ? 0 : 100 * p.standardError();
                ds.add(100 * p.weightsRemaining(), y, se, se, String.format(Locale.ROOT,
                        "%s round %d, %.1f%% of weights\ninstability %.2f%%%s", b.id(), p.round(),
                        100 * p.weightsRemaining(), y, se > 0 ? String.format(Locale.ROOT, " \u00b1 %.2f (s.e.)", se) : ""));
                xs.add(100 * p.weightsRemaining());
                top = Math.max(top, 1.15 * (y + se));
            }
            if (!list.contains(ds)) {
                list.add(ds);
            }
        }
        weightsAxis.setData(xs.stream().mapToDouble(Double::doubleValue).toArray());
        instabilityAxis.set(0, top);
        threshold.setValue(100 * model.threshold());
        threshold.setText("stable below " + LmcColors.percent(model.threshold()));
    }

    private void pushGroup() {
        boolean byK = groupByK;
        XYChart chart = byK ? kChart : instabilityChart;
        kChart.setVisible(byK);
        instabilityChart.setVisible(!byK);
        if (right.getChildren().get(0) != chart) {
            right.getChildren().setAll(chart);
        }
        Charts.renderer(instabilityChart).getDatasets().clear();
        Charts.renderer(kChart).getDatasets().clear();
        instabilitySets.clear();
        groupSets.clear();
        List<GroupInstability.Series> series = byK ? group.byK() : group.byWeightsRemaining();
        List<String> groups = series.stream().map(GroupInstability.Series::group).distinct().toList();
        LmcColors colors = new LmcColors();
        List<Double> xs = new ArrayList<>();
        double top = 100 * model.threshold() * 1.25;
        for (GroupInstability.Series g : series) {
            DoubleErrorDataSet ds = new DoubleErrorDataSet(g.name(), Math.max(4, g.points().size()));
            if (groups.size() <= 1 && !byK) {
                Charts.style(ds, g.branch(), 1, true, true);
            } else {
                Charts.style(ds, colors.color(g.group() + "/" + g.branch() + "/" + g.round()), BranchColors.marker(g.branch()),
                        true, g.branch() == Branch.TICKET ? null : "8 4");
            }
            for (GroupInstability.Point p : g.points()) {
                org.lotterylab.api.store.Spread s = p.instability();
                double y = 100 * s.mean();
                double lo = 100 * groupBars.below(s);
                double hi = 100 * groupBars.above(s);
                double x = byK ? p.x() : 100 * p.x();
                ds.add(x, y, lo, hi, groupLabel(g, p));
                xs.add(x);
                top = Math.max(top, 1.15 * (y + hi));
            }
            groupSets.add(ds);
        }
        Charts.renderer(chart).getDatasets().setAll(groupSets);
        if (byK) {
            kInstabilityAxis.set(0, top);
            kThreshold.setValue(100 * model.threshold());
            kThreshold.setText("stable below " + LmcColors.percent(model.threshold()));
        } else {
            weightsAxis.setData(xs.stream().mapToDouble(Double::doubleValue).toArray());
            instabilityAxis.set(0, top);
            threshold.setValue(100 * model.threshold());
            threshold.setText("stable below " + LmcColors.percent(model.threshold()));
        }
        int runs = series.stream().flatMap(x -> x.points().stream()).mapToInt(p -> p.instability().n()).max().orElse(0);
        if (runs == 0) {
            reference.setText("reference: " + RoundLmc.REFERENCE);
            return;
        }
        reference.setText(String.format(Locale.ROOT, "instability: mean over up to %d curve%s per point%s, error bars %s "
                        + "(each run's value in the hover); reference: %s", runs, runs == 1 ? "" : "s",
                byK ? " (the runs at each k)" : "", groupBars.label(), RoundLmc.REFERENCE));

    }

    static String groupLabel(GroupInstability.Series g, GroupInstability.Point p) {
        org.lotterylab.api.store.Spread s = p.instability();
        StringBuilder sb = new StringBuilder();
        if (!g.group().isEmpty()) {
            sb.append(g.group()).append(" · ");
        }
        sb.append(p.id().label()).append(String.format(Locale.ROOT, ", %.1f%% of weights, k = %d", 100 * p.weightsRemaining(), p.k()));
        sb.append(String.format(Locale.ROOT, "%ninstability %.2f%% (min %.2f, max %.2f, s.d. %.2f, n = %d)", 100 * s.mean(),
                100 * s.min(), 100 * s.max(), 100 * s.std(), s.n()));
        for (int i = 0; i < p.members().size(); i++) {
            if (!p.members().get(i).isEmpty()) {
                sb.append(String.format(Locale.ROOT, "%n  %s: %.2f%%", p.members().get(i), 100 * s.values().get(i)));
            }
        }
        return sb.toString();
    }
}
