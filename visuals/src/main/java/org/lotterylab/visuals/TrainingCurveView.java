package org.lotterylab.visuals;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.visuals.chart.Charts;
import org.lotterylab.visuals.chart.FrameCoalescer;
import org.lotterylab.visuals.model.Csv;

/**
 * Live training curves of the current round: training and validation loss versus iteration (top) and
 * validation and test accuracy versus iteration (bottom), in the branch's colour. Up to
 * {@value #MAX_FADED} earlier rounds stay behind as faded curves (training loss and test accuracy).
 *
 * <p>FX thread only. {@link #addLoss} and {@link #addPoint} only append to buffers; the charts take the
 * new values once per frame, so hundreds of calls per frame are cheap. A series is attached only once it
 * has a point.
 */
public class TrainingCurveView extends BorderPane {
    /** Earlier rounds kept as faded curves. */
    public static final int MAX_FADED = 8;

    private final DefaultNumericAxis lossX = Charts.linearAxis("iteration", true);
    private final DefaultNumericAxis lossY = Charts.linearAxis("loss", true);
    private final DefaultNumericAxis accX = Charts.linearAxis("iteration", true);
    private final DefaultNumericAxis accY = Charts.linearAxis("accuracy (%)", false);
    private final XYChart lossChart = Charts.chart("Loss", lossX, lossY, false);
    private final XYChart accChart = Charts.chart("Accuracy", accX, accY, false);
    private final CheckBox logLoss = new CheckBox("log loss axis");
    private final Label roundLabel = new Label("no round yet");
    // one coalescer per chart: each chart's redraw gets a pulse of its own (PulseBudget)
    private final FrameCoalescer lossRedraw = new FrameCoalescer(() -> push(true), lossChart);
    private final FrameCoalescer accRedraw = new FrameCoalescer(() -> push(false), accChart);

    private RoundCurves current;
    private final Deque<RoundCurves> faded = new ArrayDeque<>();
    private boolean restyleLoss;
    private boolean restyleAcc;

    /** An empty view. */
    public TrainingCurveView() {
        getStyleClass().add("lab-training-curves");
        lossChart.setId("loss-chart");
        accChart.setId("acc-chart");
        for (XYChart c : List.of(lossChart, accChart)) {
            c.getPlugins().add(new Zoomer());
            Charts.renderer(c).setDrawMarker(true);
        }
        Charts.integerLabels(lossX);
        Charts.integerLabels(accX);
        logLoss.setId("log-loss");
        logLoss.selectedProperty().addListener((o, a, b) -> {
            lossY.setLogAxis(b);
            lossY.setForceZeroInRange(!b);
            lossY.forceRedraw();
        });
        roundLabel.getStyleClass().add("lab-stats");
        Label fadedNote = new Label("faded: up to " + MAX_FADED + " earlier rounds");
        setTop(org.lotterylab.visuals.chart.Toolbar.of(12, roundLabel, logLoss, fadedNote));
        lossChart.setMinHeight(180);
        accChart.setMinHeight(180);
        setCenter(new org.lotterylab.visuals.chart.AdaptiveSplit(lossChart, accChart, 0.5));
    }

    /** Starts a new round's curves; the previous current round becomes a faded curve. */
    public void startRound(Branch branch, int round) {
        if (current != null && current.branch == branch && current.round == round) {
            return;
        }
        RoundCurves existing = find(branch, round);
        if (existing != null) {
            faded.remove(existing);
        }
        if (current != null) {
            faded.addFirst(current);
        }
        while (faded.size() > MAX_FADED) {
            RoundCurves old = faded.removeLast();
            old.detachAll();
        }
        current = existing != null ? existing : new RoundCurves(branch, round);
        roundLabel.setText(String.format(Locale.ROOT, "%s, round %d", branch.label(), round));
        restyleLoss = true;
        restyleAcc = true;
        lossRedraw.request();
        accRedraw.request();
    }

    /** Adds an evaluation point (validation loss and accuracy, test accuracy) of a round. */
    public void addPoint(Branch branch, int round, MetricPoint p) {
        RoundCurves rc = curves(branch, round);
        rc.points.add(p);
        lossRedraw.request();
        accRedraw.request();
    }

    /** Adds a training-loss sample of a round. Non-finite values are skipped. */
    public void addLoss(Branch branch, int round, int iteration, double loss) {
        if (!Double.isFinite(loss)) {
            return;
        }
        RoundCurves rc = curves(branch, round);
        rc.lossIt.add(iteration);
        rc.loss.add(loss);
        lossRedraw.request();
    }

    /**
     * Fixes both iteration axes at 0 to {@code iterations} (a round's planned length; 0 or less: ranged by the data
     * again). The curves of a round then grow across a still axis instead of rescaling it at every update, which
     * also spares the charts a new set of tick labels in each frame of the first round (20 to 36 ms layout
     * passes on 2 cores). Data beyond the range puts the axes back to ranging by the data. Each axis takes the
     * range with its chart's next redraw, not at once: a run's start sets it in the same pulse as everything else
     * the start changes.
     */
    public void setIterationRange(int iterations) {
        int range = Math.max(0, iterations);
        if (range == fixedIterations) {
            return;
        }
        fixedIterations = range;
        lossRange = true;
        accRange = true;
        lossRedraw.request();
        accRedraw.request();
    }

    private void applyRange(DefaultNumericAxis a) {
        if (fixedIterations > 0) {
            a.setAutoRanging(false);
            a.set(0, fixedIterations * (1 + ITERATION_MARGIN));
        } else {
            a.setAutoRanging(true);
        }
    }

    /** Room right of the last iteration, as a fraction of the range, for its marker and tick label (3% cut "400"). */
    private static final double ITERATION_MARGIN = 0.1;

    private int fixedIterations;
    private boolean lossRange;
    private boolean accRange;

    /** Removes every curve (and the fixed iteration range). */
    public void clear() {
        lossRedraw.cancel();
        accRedraw.cancel();
        if (fixedIterations > 0) {
            setIterationRange(0);
        }
        if (current != null) {
            current.detachAll();
        }
        for (RoundCurves rc : faded) {
            rc.detachAll();
        }
        faded.clear();
        current = null;
        roundLabel.setText("no round yet");
    }

    /**
     * The held curves (current round and up to {@value #MAX_FADED} earlier ones) in long format:
     * {@code branch,round,series,iteration,value}; series are train_loss, val_loss, val_accuracy and
     * test_accuracy (accuracies as fractions).
     */
    public String toCsv() {
        StringBuilder sb = new StringBuilder(Csv.row("branch", "round", "series", "iteration", "value"));
        List<RoundCurves> all = new ArrayList<>(faded);
        java.util.Collections.reverse(all);
        if (current != null) {
            all.add(current);
        }
        for (RoundCurves rc : all) {
            String b = rc.branch.id();
            for (int i = 0; i < rc.loss.n; i++) {
                sb.append(Csv.row(b, rc.round, "train_loss", rc.lossIt.a[i], rc.loss.a[i]));
            }
            for (MetricPoint p : rc.points) {
                sb.append(Csv.row(b, rc.round, "val_loss", p.iteration(), p.valLoss()));
                sb.append(Csv.row(b, rc.round, "val_accuracy", p.iteration(), p.valAccuracy()));
                sb.append(Csv.row(b, rc.round, "test_accuracy", p.iteration(), p.testAccuracy()));
            }
        }
        return sb.toString();
    }

    // ---- package-private hooks for tests ----

    void flush() {
        lossRedraw.flush();
        accRedraw.flush();
    }

    XYChart lossChart() {
        return lossChart;
    }

    XYChart accuracyChart() {
        return accChart;
    }

    int fadedCount() {
        return faded.size();
    }

    // ---- internals ----

    private RoundCurves find(Branch branch, int round) {
        if (current != null && current.branch == branch && current.round == round) {
            return current;
        }
        for (RoundCurves rc : faded) {
            if (rc.branch == branch && rc.round == round) {
                return rc;
            }
        }
        return null;
    }

    private RoundCurves curves(Branch branch, int round) {
        RoundCurves rc = find(branch, round);
        if (rc == null) {
            startRound(branch, round);
            rc = current;
        }
        return rc;
    }

    /** Hands one chart ({@code loss}: the loss chart, else the accuracy chart) what arrived since its last redraw. */
    private void push(boolean loss) {
        if (fixedIterations > 0 && beyondRange(loss)) {
            setIterationRange(0);
        }
        if (loss ? lossRange : accRange) {
            if (loss) {
                lossRange = false;
            } else {
                accRange = false;
            }
            applyRange(loss ? lossX : accX);
        }
        if (loss ? restyleLoss : restyleAcc) {
            if (loss) {
                restyleLoss = false;
            } else {
                restyleAcc = false;
            }
            if (current != null) {
                current.styleCurrent(loss);
            }
            int age = 1;
            for (RoundCurves rc : faded) {
                rc.styleFaded(loss, age++);
            }
        }
        if (current != null) {
            current.push(loss, true);
        }
        for (RoundCurves rc : faded) {
            rc.push(loss, false);
        }
    }

    private boolean beyondRange(boolean lossChart) {
        List<RoundCurves> all = new ArrayList<>(faded);
        if (current != null) {
            all.add(current);
        }
        for (RoundCurves rc : all) {
            for (int i = lossChart ? rc.pushedLoss : rc.loss.n; i < rc.loss.n; i++) {
                if (rc.lossIt.a[i] > fixedIterations) {
                    return true;
                }
            }
            for (int i = lossChart ? rc.pushedLossPoints : rc.pushedAccPoints; i < rc.points.size(); i++) {
                if (rc.points.get(i).iteration() > fixedIterations) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A growable primitive buffer. */
    private static final class Buf {
        double[] a = new double[256];
        int n;

        void add(double v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }
    }

    /** The buffers and data sets of one round. */
    private final class RoundCurves {
        final Branch branch;
        final int round;
        final Buf lossIt = new Buf();
        final Buf loss = new Buf();
        final List<MetricPoint> points = new ArrayList<>();
        final DoubleDataSet trainLoss;
        final DoubleDataSet valLoss;
        final DoubleDataSet valAcc;
        final DoubleDataSet testAcc;
        int pushedLoss;
        int pushedLossPoints;
        int pushedAccPoints;
        boolean isCurrent = true;

        RoundCurves(Branch branch, int round) {
            this.branch = branch;
            this.round = round;
            String tag = " (" + branch.id() + " r" + round + ")";
            trainLoss = new DoubleDataSet("training loss" + tag, 256);
            valLoss = new DoubleDataSet("validation loss" + tag, 64);
            valAcc = new DoubleDataSet("validation accuracy" + tag, 64);
            testAcc = new DoubleDataSet("test accuracy" + tag, 64);
            styleCurrent(true);
            styleCurrent(false);
        }

        void styleCurrent(boolean lossPart) {
            isCurrent = true;
            String c = BranchColors.hex(branch);
            if (lossPart) {
                Charts.style(trainLoss, c, null, true, null);
                Charts.style(valLoss, "#222222", "circle", true, "8 4");
                attachIfData(lossChart, valLoss);
            } else {
                Charts.style(valAcc, "#222222", "circle", true, "8 4");
                Charts.style(testAcc, c, BranchColors.marker(branch), true, null);
                attachIfData(accChart, valAcc);
            }
        }

        void styleFaded(boolean lossPart, int age) {
            isCurrent = false;
            double opacity = Math.max(0.1, 0.45 - (age - 1) * 0.045);
            if (lossPart) {
                Charts.style(trainLoss, BranchColors.rgba(branch, opacity), null, false, null);
                detach(lossChart, valLoss);
            } else {
                Charts.style(testAcc, BranchColors.rgba(branch, opacity), null, false, null);
                detach(accChart, valAcc);
            }
        }

        /** Appends what the chart ({@code lossPart}: the loss chart) has not been handed yet. */
        void push(boolean lossPart, boolean withValidation) {
            int np = points.size();
            if (lossPart) {
                if (loss.n > pushedLoss) {
                    trainLoss.add(Arrays.copyOfRange(lossIt.a, pushedLoss, loss.n), Arrays.copyOfRange(loss.a, pushedLoss, loss.n));
                    pushedLoss = loss.n;
                }
                if (np > pushedLossPoints) {
                    valLoss.add(iterations(pushedLossPoints), values(pushedLossPoints, MetricPoint::valLoss, 1));
                    pushedLossPoints = np;
                }
                attachIfData(lossChart, trainLoss);
                if (withValidation && isCurrent) {
                    attachIfData(lossChart, valLoss);
                }
            } else {
                if (np > pushedAccPoints) {
                    valAcc.add(iterations(pushedAccPoints), values(pushedAccPoints, MetricPoint::valAccuracy, 100));
                    testAcc.add(iterations(pushedAccPoints), values(pushedAccPoints, MetricPoint::testAccuracy, 100));
                    pushedAccPoints = np;
                }
                attachIfData(accChart, testAcc);
                if (withValidation && isCurrent) {
                    attachIfData(accChart, valAcc);
                }
            }
        }

        private double[] iterations(int from) {
            return values(from, p -> p.iteration(), 1);
        }

        private double[] values(int from, java.util.function.ToDoubleFunction<MetricPoint> value, double scale) {
            double[] v = new double[points.size() - from];
            for (int i = 0; i < v.length; i++) {
                v[i] = value.applyAsDouble(points.get(from + i)) * scale;
            }
            return v;
        }

        void detachAll() {
            detach(lossChart, trainLoss);
            detach(lossChart, valLoss);
            detach(accChart, valAcc);
            detach(accChart, testAcc);
        }
    }

    private static void attachIfData(XYChart chart, DataSet ds) {
        var list = Charts.renderer(chart).getDatasets();
        if (ds.getDataCount() > 0 && !list.contains(ds)) {
            list.add(ds);
        }
    }

    private static void detach(XYChart chart, DataSet ds) {
        Charts.renderer(chart).getDatasets().remove(ds);
    }
}
