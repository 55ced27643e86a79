package org.lotterylab.visuals.strong;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.BorderPane;
import org.lotterylab.api.run.EdgePopupEvent;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.visuals.BranchColors;
import org.lotterylab.visuals.chart.Charts;
import org.lotterylab.visuals.chart.FrameCoalescer;
import org.lotterylab.visuals.chart.Toolbar;

/**
 * Edge-popup's mask flips: how many edges enter (above zero) and leave (below zero) the mask per epoch of
 * training, for one sweep point at a time. Every layer keeps a fixed number of edges, so the two mirror each
 * other; the curve should fall as the scores settle. A picker chooses the sweep point (by default the one
 * that reported last); the status line gives the latest rate as a share of the kept edges and how far it has
 * fallen from its peak.
 *
 * <p>FX thread only. Reports may arrive one by one; the chart redraws once per frame, and a series is
 * attached only once it has points (an empty data set can make an auto-ranging ChartFX chart redraw forever).
 */
public class MaskFlipView extends BorderPane {
    private final FlipSeries series = new FlipSeries();
    private final DefaultNumericAxis xAxis = Charts.linearAxis("epoch", true);
    private final DefaultNumericAxis yAxis = Charts.linearAxis("edges per epoch (entered +, left \u2212)", true);
    private final XYChart chart = Charts.chart("Edges entering and leaving the mask", xAxis, yAxis, false);
    private final DoubleDataSet entered = new DoubleDataSet("entered the mask");
    private final DoubleDataSet left = new DoubleDataSet("left the mask");
    private final ComboBox<Integer> roundBox = new ComboBox<>();
    private final Label status = new Label("no mask flips yet");
    private final FrameCoalescer redraw = new FrameCoalescer(this::rebuild, chart);
    private boolean followLatest = true;
    private boolean updatingBox;

    /** An empty view. */
    public MaskFlipView() {
        getStyleClass().add("lab-mask-flips");
        chart.setId("flip-chart");
        Charts.compactLabels(yAxis);
        chart.setMinHeight(200);
        Charts.style(entered, BranchColors.hex(Branch.EDGE_POPUP), "circle", true, null);
        Charts.style(left, BranchColors.rgba(Branch.EDGE_POPUP, 0.45), "rectangle", true, "6 4");
        chart.getPlugins().add(new Charts.LabelTooltip());
        roundBox.setId("flip-round");
        roundBox.setPromptText("sweep point");
        roundBox.setCellFactory(l -> new RoundCell());
        roundBox.setButtonCell(new RoundCell());
        roundBox.valueProperty().addListener((o, a, b) -> {
            if (!updatingBox) {
                followLatest = false;
                redraw.request();
            }
        });
        status.setId("flip-status");
        status.getStyleClass().add("lab-stats");
        setTop(Toolbar.of(8, Toolbar.caption("point"), roundBox, status));
        setCenter(chart);
    }

    /** Names the sweep points (round to fraction kept) for the picker. */
    public void setSweep(List<Integer> rounds, List<Double> keeps) {
        series.setSweep(rounds, keeps);
        redraw.request();
    }

    /** Adds one report; while following, shows its sweep point. */
    public void addFlips(EdgePopupEvent.MaskFlips f) {
        series.add(f);
        if (followLatest) {
            latest = f.round();
        }
        redraw.request();
    }

    /** Shows {@code round} and stops following the latest reports. */
    public void selectRound(int round) {
        followLatest = false;
        latest = round;
        updatingBox = true;
        roundBox.setValue(round);
        updatingBox = false;
        redraw.request();
    }

    /** Removes everything and follows the latest reports again. */
    public void clear() {
        series.clear();
        followLatest = true;
        latest = -1;
        redraw.cancel();
        rebuild();
    }

    /** The data behind the view. */
    public FlipSeries series() {
        return series;
    }

    private int latest = -1;

    // ---- package-private hooks for tests ----

    void flush() {
        redraw.flush();
    }

    XYChart chart() {
        return chart;
    }

    DoubleDataSet enteredSet() {
        return entered;
    }

    DoubleDataSet leftSet() {
        return left;
    }

    String statusText() {
        return status.getText();
    }

    Integer shownRound() {
        return roundBox.getValue();
    }

    // ---- internals ----

    private void rebuild() {
        List<Integer> rounds = series.rounds();
        updatingBox = true;
        if (!rounds.equals(roundBox.getItems())) {
            roundBox.getItems().setAll(rounds);
        }
        Integer shown = followLatest ? (rounds.contains(latest) ? Integer.valueOf(latest)
                : rounds.isEmpty() ? null : rounds.get(rounds.size() - 1)) : roundBox.getValue();
        if (shown != null && !rounds.contains(shown)) {
            shown = rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
        }
        roundBox.setValue(shown);
        updatingBox = false;
        var renderer = Charts.renderer(chart);
        if (shown == null) {
            renderer.getDatasets().removeAll(entered, left);
            status.setText("no mask flips yet");
            return;
        }
        List<FlipSeries.Point> pts = series.points(shown);
        String label = series.label(shown);
        entered.lock().writeLockGuard(() -> {
            entered.clearData();
            for (FlipSeries.Point p : pts) {
                entered.add(p.epoch(), p.enteredPerEpoch(), String.format(Locale.ROOT,
                        "%s%nepoch %.2f: %,d edges entered (%,.0f per epoch)", label, p.epoch(), p.entered(),
                        p.enteredPerEpoch()));
            }
        });
        left.lock().writeLockGuard(() -> {
            left.clearData();
            for (FlipSeries.Point p : pts) {
                left.add(p.epoch(), -p.leftPerEpoch(), String.format(Locale.ROOT,
                        "%s%nepoch %.2f: %,d edges left (%,.0f per epoch)", label, p.epoch(), p.left(),
                        p.leftPerEpoch()));
            }
        });
        if (!pts.isEmpty() && !renderer.getDatasets().contains(entered)) {
            renderer.getDatasets().addAll(entered, left);
        }
        if (pts.isEmpty()) {
            status.setText(label + ": no reports yet");
            return;
        }
        FlipSeries.Point last = pts.get(pts.size() - 1);
        double share = last.kept() == 0 ? 0 : 100.0 * last.entered() / last.kept();
        status.setText(String.format(Locale.ROOT, "%s: last interval %,d edges swapped (%.2f%% of the %,d kept), "
                        + "%,.0f per epoch; %.0f%% of its peak rate", label, last.entered(), share, last.kept(),
                last.enteredPerEpoch(), 100 * series.settledRatio(shown)));
    }

    private final class RoundCell extends ListCell<Integer> {
        @Override
        protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : series.label(item));
        }
    }
}
