package org.lotterylab.visuals.theory;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.lotterylab.api.store.WidthSweepRow;
import org.lotterylab.api.theory.ConstructionPoint;
import org.lotterylab.api.theory.ErrorSummary;
import org.lotterylab.api.theory.SubsetSumPoint;
import org.lotterylab.api.theory.TheoryReport;
import org.lotterylab.visuals.chart.Charts;

/**
 * "Pruning is enough", made visible: the error of the best subset of n random weights against a target weight
 * (log y axis, measured mean and median beside the theory's line), the output error of a random network pruned
 * by Pensia et al.'s construction against its width multiplier, and a plain-language explanation with the
 * references; and, from a stored width sweep ({@code lth edge-popup --widths 1,2,4,8}), the test accuracy of
 * edge-popup's strong tickets against the width multiplier (log2 axis) with the trained 1x target as a
 * horizontal line. FX thread only; series are attached only once they have points.
 */
public class TheoryView extends BorderPane {
    /** The explanation under the charts. */
    public static final String EXPLANATION = "Why pruning alone can be enough. A weight w between -1 and 1 can be "
            + "rebuilt, without training, from random weights: among n random numbers some subset adds up to "
            + "nearly w, and each extra number roughly halves how near the best subset gets, because the 2^n "
            + "subset sums lie twice as densely. So an error eps needs only about log2(1/eps) random numbers. "
            + "Pensia et al. turn this into networks: each weight of a trained network is replaced by m random "
            + "two-edge ReLU paths (w x = w relu(x) - w relu(-x)), and pruning keeps the paths whose products "
            + "add up to w. A random network only a logarithmic factor wider than the target therefore contains "
            + "a subnetwork that computes nearly the same function: a strong lottery ticket, found by pruning "
            + "alone, as edge-popup finds empirically (Ramanujan et al.). Left: the best subset's error against "
            + "the number of random candidates; middle: how far the pruned random network's output is from the "
            + "trained target's on held-out inputs, against the width multiplier m; right: the measured side, "
            + "edge-popup's strong tickets in random networks 1x, 2x, 4x, ... as wide as the model, whose weights are "
            + "never trained, against the same 1x network trained normally (dashed line).";
    /** The references. */
    public static final List<String> REFERENCES = List.of(
            "Malach, Yehudai, Shalev-Shwartz, Shamir (2020). Proving the lottery ticket hypothesis: pruning is all "
                    + "you need. ICML 2020.",
            "Pensia, Rajput, Nagle, Vishwakarma, Papailiopoulos (2020). Optimal lottery tickets via subset sum: "
                    + "logarithmic over-parameterization is sufficient. NeurIPS 2020.",
            "Ramanujan, Wortsman, Kembhavi, Farhadi, Rastegari (2020). What's hidden in a randomly weighted neural "
                    + "network? CVPR 2020.");

    private final DefaultNumericAxis nAxis = Charts.linearAxis("random candidates n", false);
    private final DefaultNumericAxis errAxis = logAxis("|best subset sum \u2212 target|");
    private final XYChart subsetChart = Charts.chart("Subset-sum error vs number of random candidates", nAxis,
            errAxis, false);
    private final DefaultNumericAxis wAxis = Charts.linearAxis("width multiplier m (random paths per weight)", false);
    private final DefaultNumericAxis outAxis = logAxis("error (output |pruned(x) \u2212 target(x)|, weight |subset sum \u2212 w|)");
    private final XYChart constructionChart = Charts.chart("Pruned random network vs trained target", wAxis, outAxis,
            false);
    private final DoubleDataSet uniformMean = new DoubleDataSet("uniform candidates: mean");
    private final DoubleDataSet uniformMedian = new DoubleDataSet("uniform candidates: median");
    private final DoubleDataSet productMedian = new DoubleDataSet("products a\u00b7b: median");
    private final DoubleDataSet uniformTheory = new DoubleDataSet("theory, uniform");
    private final DoubleDataSet productTheory = new DoubleDataSet("theory, products");
    private final DoubleDataSet outputMean = new DoubleDataSet("output error: mean");
    private final DoubleDataSet outputMedian = new DoubleDataSet("output error: median network");
    private final DoubleDataSet weightMean = new DoubleDataSet("weight error: mean");
    private final Label summary = new Label("no theory results yet");
    /** What the width-sweep chart shows when there is no sweep. */
    public static final String NO_WIDTH_SWEEP = "No width sweep yet. Run `lth edge-popup --widths 1,2,4,8` (then "
            + "open one of its runs, or the folder holding it), or choose Open width sweep\u2026 for a folder with a "
            + "*.widths.csv table.";
    private final DefaultNumericAxis widthAxis = Charts.linearAxis("hidden-layer width multiplier (log2)", false);
    private final DefaultNumericAxis accAxis = Charts.linearAxis("test accuracy (%)", false);
    private final XYChart widthChart = Charts.chart("Strong tickets (edge-popup) vs width", widthAxis, accAxis, false);
    private final List<DoubleDataSet> ticketSets = new ArrayList<>();
    private final DoubleDataSet targetLine = new DoubleDataSet("trained target 1x");
    private final Label widthStatus = new Label(NO_WIDTH_SWEEP);
    private final Button openWidthSweep = new Button("Open width sweep\u2026");
    private static final String[] KEEP_COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2"};

    /** An empty view. */
    public TheoryView() {
        getStyleClass().add("lab-theory");
        subsetChart.setId("subset-sum-chart");
        constructionChart.setId("construction-chart");
        Charts.style(uniformMean, "#1f77b4", "circle", true, null);
        Charts.style(uniformMedian, "rgba(31,119,180,0.55)", "rectangle", true, "6 4");
        Charts.style(productMedian, "#d62728", "diamond", true, null);
        Charts.style(uniformTheory, "#333333", null, true, "10 6");
        Charts.style(productTheory, "#ff7f0e", null, true, "3 4");
        Charts.style(outputMean, "#2ca02c", "circle", true, null);
        Charts.style(outputMedian, "rgba(44,160,44,0.55)", "rectangle", true, "6 4");
        Charts.style(weightMean, "#9467bd", "diamond", true, null);
        widthChart.setId("width-sweep-chart");
        Charts.style(targetLine, "#333333", null, true, "10 6");
        widthAxis.setLogAxis(true);
        widthAxis.setLogarithmBase(2);
        for (XYChart c : List.of(subsetChart, constructionChart, widthChart)) {
            c.getPlugins().add(new Charts.LabelTooltip());
            c.setMinHeight(300);
        }
        widthStatus.setId("width-sweep-status");
        widthStatus.setWrapText(true);
        widthStatus.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(widthStatus, Priority.ALWAYS);
        openWidthSweep.setId("open-width-sweep");
        openWidthSweep.setDisable(true);
        openWidthSweep.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox widthBar = new HBox(8, widthStatus, openWidthSweep);
        widthBar.setPadding(new Insets(2, 6, 2, 6));
        VBox widthPane = new VBox(widthChart, widthBar);
        VBox.setVgrow(widthChart, Priority.ALWAYS);
        SplitPane charts = new SplitPane(subsetChart, constructionChart, widthPane);
        charts.setDividerPositions(0.36, 0.68);
        summary.setId("theory-summary");
        summary.getStyleClass().add("lab-stats");
        summary.setWrapText(true);
        Label explanation = new Label(EXPLANATION);
        explanation.setId("theory-explanation");
        explanation.setWrapText(true);
        Label refs = new Label("References:\n" + String.join("\n", REFERENCES));
        refs.setId("theory-references");
        refs.setWrapText(true);
        VBox text = new VBox(6, summary, explanation, refs);
        text.setPadding(new Insets(6, 10, 8, 10));
        text.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(text);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(230);
        setCenter(charts);
        setBottom(scroll);
    }

    /**
     * A "Theory" tab whose view fills itself: {@code compute} runs on a daemon thread (the engine's
     * {@code new TheoryLab(seed, maxCandidates, widths)::run}), and its report is shown on the FX thread.
     */
    public static Tab tab(Supplier<TheoryReport> compute) {
        TheoryView view = new TheoryView();
        view.compute(compute, null);
        return view.asTab();
    }

    /**
     * Runs {@code compute} on a daemon thread and shows its report on the FX thread; then runs {@code shown}
     * (on the FX thread; also after a failure, which the summary line reports), when not null.
     */
    public void compute(Supplier<TheoryReport> compute, Runnable shown) {
        summary.setText("computing the subset-sum sweep and the construction ...");
        Thread t = new Thread(() -> {
            try {
                TheoryReport r = compute.get();
                Platform.runLater(() -> {
                    setReport(r);
                    if (shown != null) {
                        shown.run();
                    }
                });
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    summary.setText("theory experiments failed: " + e.getMessage());
                    if (shown != null) {
                        shown.run();
                    }
                });
            }
        }, "theory-experiments");
        t.setDaemon(true);
        t.start();
    }

    /** A "Theory" tab showing {@code report}. */
    public static Tab tab(TheoryReport report) {
        TheoryView view = new TheoryView();
        view.setReport(report);
        return view.asTab();
    }

    /** This view in a "Theory" tab. */
    public Tab asTab() {
        Tab tab = new Tab("Theory", this);
        tab.setClosable(false);
        return tab;
    }

    /** Shows {@code r}, replacing what was shown. */
    public void setReport(TheoryReport r) {
        List<SubsetSumPoint> s = r.subsetSum();
        fill(uniformMean, s, p -> p.uniform().mean(), "uniform, mean", TheoryView::subsetLabel);
        fill(uniformMedian, s, p -> p.uniform().median(), "uniform, median", TheoryView::subsetLabel);
        fill(productMedian, s, p -> p.product().median(), "products, median", TheoryView::subsetLabel);
        fill(uniformTheory, s, p -> p.uniform().theory(), "theory, uniform", TheoryView::subsetLabel);
        fill(productTheory, s, p -> p.product().theory(), "theory, products", TheoryView::subsetLabel);
        List<ConstructionPoint> c = r.construction();
        fill(outputMean, c, ConstructionPoint::meanOutputError, "mean output error", TheoryView::constructionLabel);
        fill(outputMedian, c, ConstructionPoint::medianOutputError, "median network", TheoryView::constructionLabel);
        fill(weightMean, c, ConstructionPoint::meanWeightError, "mean weight error", TheoryView::constructionLabel);
        fixRange(nAxis, s.isEmpty() ? 0 : s.get(s.size() - 1).candidates());
        fixRange(wAxis, c.stream().mapToInt(ConstructionPoint::width).max().orElse(0));
        attach(subsetChart, s.isEmpty(), uniformMean, uniformMedian, productMedian, uniformTheory, productTheory);
        attach(constructionChart, c.isEmpty(), outputMean, outputMedian, weightMean);
        summary.setText(summaryText(r));
    }

    /** The button "Open width sweep…" runs {@code action} (the window's folder chooser); null disables it. */
    public void setOnOpenWidthSweep(Runnable action) {
        openWidthSweep.setOnAction(action == null ? null : e -> action.run());
        openWidthSweep.setDisable(action == null);
    }

    /**
     * Shows a width sweep's rows (strong tickets: one series per keep value, one point per width; the trained
     * target: a horizontal line across the widths), read from {@code source}; with no strong-ticket row, the
     * chart is emptied and {@link #NO_WIDTH_SWEEP} (or {@code emptyReason}, when given) is said instead.
     */
    public void setWidthSweep(List<WidthSweepRow> rows, String source, String emptyReason) {
        var ds = Charts.renderer(widthChart).getDatasets();
        ds.clear();
        ticketSets.clear();
        Map<Double, List<WidthSweepRow>> byKeep = new TreeMap<>(java.util.Comparator.reverseOrder());
        WidthSweepRow target = null;
        for (WidthSweepRow r : rows) {
            if (r.kind() == WidthSweepRow.Kind.STRONG_TICKET) {
                byKeep.computeIfAbsent(r.keep(), k -> new ArrayList<>()).add(r);
            } else if (target == null) {
                target = r;
            }
        }
        if (byKeep.isEmpty()) {
            widthStatus.setText(emptyReason == null || emptyReason.isBlank() ? NO_WIDTH_SWEEP : emptyReason);
            widthAxis.setAutoRanging(true);
            return;
        }
        int minW = Integer.MAX_VALUE;
        int maxW = 0;
        int colour = 0;
        for (Map.Entry<Double, List<WidthSweepRow>> e : byKeep.entrySet()) {
            DoubleDataSet set = new DoubleDataSet(String.format(Locale.ROOT, "strong ticket, %s%% of edges kept",
                    percent(e.getKey())));
            Charts.style(set, KEEP_COLOURS[colour++ % KEEP_COLOURS.length], "circle", true, null);
            for (WidthSweepRow r : e.getValue()) {
                set.add(r.width(), 100 * r.testAccuracy(), String.format(Locale.ROOT, "%s, %s%% kept%ntest accuracy "
                                + "%.2f%% (early stop %.2f%%)%n%,d of %,d weights", r.widthLabel(), percent(r.keep()),
                        100 * r.testAccuracy(), 100 * r.earlyStopTestAccuracy(), r.weightsKept(), r.weights()));
                minW = Math.min(minW, r.width());
                maxW = Math.max(maxW, r.width());
            }
            ticketSets.add(set);
        }
        double lo = minW / 1.5;
        double hi = maxW * 1.5;
        targetLine.lock().writeLockGuard(() -> targetLine.clearData());
        if (target != null) {
            WidthSweepRow t = target;
            String label = String.format(Locale.ROOT, "trained target %s: %.2f%%", t.widthLabel(), 100 * t.testAccuracy());
            targetLine.lock().writeLockGuard(() -> {
                targetLine.add(lo, 100 * t.testAccuracy(), label);
                targetLine.add(hi, 100 * t.testAccuracy(), label);
            });
            targetLine.setName(String.format(Locale.ROOT, "trained target 1x (%.1f%%)", 100 * t.testAccuracy()));
        }
        widthAxis.setAutoRanging(false);
        widthAxis.setMin(lo);
        widthAxis.setMax(hi);
        widthAxis.forceRedraw();
        ds.addAll(ticketSets);
        if (target != null) {
            ds.add(targetLine);
        }
        widthStatus.setText(widthSummary(byKeep, target, source));
    }

    private static String widthSummary(Map<Double, List<WidthSweepRow>> byKeep, WidthSweepRow target, String source) {
        StringBuilder sb = new StringBuilder("Width sweep");
        if (source != null && !source.isBlank()) {
            sb.append(" (").append(source).append(")");
        }
        sb.append(": ");
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Double, List<WidthSweepRow>> e : byKeep.entrySet()) {
            for (WidthSweepRow r : e.getValue()) {
                parts.add(String.format(Locale.ROOT, "%dx %.1f%%", r.width(), 100 * r.testAccuracy()));
            }
            if (byKeep.size() > 1) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + " (" + percent(e.getKey()) + "% kept)");
            }
        }
        sb.append(String.join(", ", parts));
        if (target != null) {
            sb.append(String.format(Locale.ROOT, "; trained 1x target %.1f%%. Edge-popup never trains a weight: "
                    + "the wider the random network, the better the subnetwork it hides.", 100 * target.testAccuracy()));
        } else {
            sb.append("; no trained target in the table yet.");
        }
        return sb.toString();
    }

    private static String percent(double keep) {
        double p = keep * 100;
        return p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f", p) : String.format(Locale.ROOT, "%.3g", p);
    }

    private static String summaryText(TheoryReport r) {
        StringBuilder sb = new StringBuilder();
        if (!r.subsetSum().isEmpty()) {
            SubsetSumPoint last = r.subsetSum().get(r.subsetSum().size() - 1);
            sb.append(String.format(Locale.ROOT, "Subset sum (seed %d, %,d targets per n): each candidate adds "
                            + "%.2f bits (uniform) and %.2f bits (products) of accuracy, the theory says 1; at n = %d "
                            + "the median error is %.1e (uniform). Theory line: 2^-(n+1) \u221a(2\u03c0\u03c3\u00b2) "
                            + "mean exp(z\u00b2/2\u03c3\u00b2), \u03c3\u00b2 = n E[x\u00b2]/2, the mean gap of 2^n "
                            + "subset sums around the target.", r.seed(), last.samples(), r.uniformBitsPerCandidate(),
                    r.productBitsPerCandidate(), last.candidates(), last.uniform().median()));
        }
        if (!r.construction().isEmpty()) {
            ConstructionPoint w = r.construction().get(r.construction().size() - 1);
            sb.append(String.format(Locale.ROOT, "%nConstruction: target %s, mean |target(x)| %.2f. At m = %d the "
                            + "pruned network keeps %.0f of %,d random weights and its output is off by %.1e on "
                            + "average (%d random networks per width).", r.target(), r.targetOutputScale(), w.width(),
                    w.keptParams(), w.randomParams(), w.meanOutputError(), w.trials()));
        }
        return sb.length() == 0 ? "no theory results yet" : sb.toString();
    }

    private static String subsetLabel(SubsetSumPoint p) {
        ErrorSummary u = p.uniform();
        ErrorSummary q = p.product();
        return String.format(Locale.ROOT, "n = %d (%,d samples)%nuniform: mean %.2e, median %.2e, theory %.2e%n"
                + "products: mean %.2e, median %.2e, theory %.2e", p.candidates(), p.samples(), u.mean(), u.median(),
                u.theory(), q.mean(), q.median(), q.theory());
    }

    private static String constructionLabel(ConstructionPoint p) {
        return String.format(Locale.ROOT, "m = %d: keeps %.0f of %,d weights%noutput error mean %.2e, median network "
                        + "%.2e, max %.2e%nweight error mean %.2e, max %.2e", p.width(), p.keptParams(),
                p.randomParams(), p.meanOutputError(), p.medianOutputError(), p.maxOutputError(), p.meanWeightError(),
                p.maxWeightError());
    }

    private static <P> void fill(DoubleDataSet ds, List<P> points, Function<P, Double> y, String name,
                                 Function<P, String> label) {
        ds.lock().writeLockGuard(() -> {
            ds.clearData();
            for (P p : points) {
                double v = y.apply(p);
                if (v > 0 && Double.isFinite(v)) {
                    double x = p instanceof SubsetSumPoint s ? s.candidates() : ((ConstructionPoint) p).width();
                    ds.add(x, v, name + "\n" + label.apply(p));
                }
            }
        });
    }

    private static void attach(XYChart chart, boolean empty, DoubleDataSet... sets) {
        var ds = Charts.renderer(chart).getDatasets();
        if (empty) {
            ds.removeAll(sets);
            return;
        }
        for (DoubleDataSet s : sets) {
            if (s.getDataCount() > 0 && !ds.contains(s)) {
                ds.add(s);
            } else if (s.getDataCount() == 0) {
                ds.remove(s);
            }
        }
    }

    /** An axis from 0 to the next multiple of 10 past {@code max} (ChartFX then picks whole-number ticks). */
    private static void fixRange(DefaultNumericAxis axis, int max) {
        if (max <= 0) {
            axis.setAutoRanging(true);
            return;
        }
        axis.setAutoRanging(false);
        axis.setMin(0);
        axis.setMax(Math.ceil((max + 1) / 10.0) * 10);
        axis.forceRedraw();
    }

    private static DefaultNumericAxis logAxis(String name) {
        DefaultNumericAxis a = Charts.linearAxis(name, false);
        a.setLogAxis(true);
        return a;
    }

    // ---- package-private hooks for tests ----

    XYChart subsetChart() {
        return subsetChart;
    }

    XYChart constructionChart() {
        return constructionChart;
    }

    XYChart widthChart() {
        return widthChart;
    }

    List<DoubleDataSet> ticketSets() {
        return List.copyOf(ticketSets);
    }

    DoubleDataSet targetLineSet() {
        return targetLine;
    }

    String widthStatusText() {
        return widthStatus.getText();
    }

    DoubleDataSet uniformMeanSet() {
        return uniformMean;
    }

    DoubleDataSet uniformTheorySet() {
        return uniformTheory;
    }

    DoubleDataSet outputMeanSet() {
        return outputMean;
    }

    String summaryText() {
        return summary.getText();
    }
}
