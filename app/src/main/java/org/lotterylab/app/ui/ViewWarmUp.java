package org.lotterylab.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.mask.LayerSummary;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.LayerKind;
import org.lotterylab.visuals.AccuracySparsityView;
import org.lotterylab.visuals.InputPixelView;
import org.lotterylab.visuals.LayerSparsityView;
import org.lotterylab.visuals.MaskHeatmapView;
import org.lotterylab.visuals.Theme;
import org.lotterylab.visuals.model.HeatmapPalette;
import org.lotterylab.visuals.model.InputConnectivity;
import org.lotterylab.visuals.model.MaskHistory;
import org.lotterylab.visuals.TrainingCurveView;
import org.lotterylab.visuals.lmc.RoundLmcView;

/**
 * Runs each of the live views once on made-up data in an off-screen scene before the window is first shown, so
 * that the first finished round of a run does not pay for loading, compiling and styling the views' code (seen:
 * the first round's pulse used 99 ms of CPU, later rounds under 30). Done before the window appears, because the
 * warm-up's steps are one-off pulses of 70 to 130 ms of CPU each: spread over the first pulses of a shown window
 * (as first done) they froze it visibly, and an autostarted run counted them as its longest pulse gaps. The
 * throwaway views are dropped afterwards. FX thread only.
 */
final class ViewWarmUp {
    private static final int IN = 784;
    private static final int HIDDEN = 300;
    private static final int SIDE = 28;
    private static final int TILES = 64;

    private ViewWarmUp() {
    }

    /** Runs the warm-up now, one view after another; {@code stylesheet} is the window's. */
    static void run(String stylesheet) {
        for (Runnable step : steps(stylesheet)) {
            try {
                step.run();
            } catch (RuntimeException e) {
                // a warm-up is an optimisation only
                System.getLogger(ViewWarmUp.class.getName()).log(System.Logger.Level.DEBUG, "view warm-up failed", e);
                return;
            }
        }
    }

    /**
     * Compiles the heat map's and the input-pixel view's per-weight loops (storing a round's mask and weights,
     * colouring a layer, counting connections per pixel and per unit) on a
     * background thread, so that the first rounds of a run do not colour a 235,200-weight layer in the
     * interpreter on the JavaFX thread (seen: 20 to 29 ms for the first round's heat map, 5 to 8 ms later). These
     * loops touch plain arrays only; no JavaFX object is used off the JavaFX thread.
     */
    static void compileLoops(BackgroundTasks tasks) {
        tasks.execute("lth-warm-up", ViewWarmUp::exerciseLoops);
    }

    private static void exerciseLoops() {
        List<LayerInfo> layers = List.of(new LayerInfo("fc1", LayerKind.HIDDEN, new int[] {HIDDEN, IN}));
        int n = HIDDEN * IN;
        Random rnd = new Random(2);
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) rnd.nextGaussian();
        }
        MaskHistory history = new MaskHistory(layers, List.of(new Tensor("fc1", layers.get(0).shape(), w)));
        int[] argb = new int[n];
        boolean[] keep = new boolean[n];
        for (int round = 1; round <= LOOP_ROUNDS; round++) {
            for (int i = 0; i < n; i++) {
                keep[i] = rnd.nextInt(10) < 8;
            }
            history.addRound(Branch.TICKET, round, List.of(new Mask("fc1", layers.get(0).shape(), keep)),
                    List.of(new Tensor("fc1", layers.get(0).shape(), w)));
            long[] bits = history.bits(Branch.TICKET, round, 0);
            float[] values = history.weights(Branch.TICKET, round, 0);
            HeatmapPalette.render(bits, history.previousBits(Branch.TICKET, round, 0), values,
                    MaskHistory.maxAbs(values, bits), argb, n);
            // the input-pixel view's counts over the first layer's mask
            boolean[] mask = history.mask(Branch.TICKET, round, 0).keep();
            InputConnectivity.pixelCounts(mask, HIDDEN, 1, SIDE, SIDE);
            for (int unit : InputConnectivity.chooseUnits(mask, HIDDEN, IN, TILES, true)) {
                InputConnectivity.unitCounts(mask, unit, 1, SIDE, SIDE);
            }
            if (round % 4 == 0) {
                history.clearRounds();
            }
        }
    }

    /** Rounds the background loop warm-up stores and colours: enough for the JIT's optimising compiler. */
    private static final int LOOP_ROUNDS = 24;

    /**
     * Styles the parts of {@code panel} once as disabled and back: the experiment panel's parts are disabled when
     * a run starts ({@link StagedDisable}), and styling its few dozen controls in that state for the first time
     * took one pulse 80 ms of CSS at the click on Run. Call before the window is shown; does nothing to a part
     * that is disabled already.
     */
    static void disabledLook(ExperimentPanel panel) {
        for (Node part : panel.parts()) {
            if (!part.isDisable()) {
                part.setDisable(true);
                part.applyCss();
                part.setDisable(false);
                part.applyCss();
            }
        }
    }

    private static List<Runnable> steps(String stylesheet) {
        List<LayerInfo> layers = List.of(new LayerInfo("fc1", LayerKind.HIDDEN, new int[] {HIDDEN, IN}),
                new LayerInfo("output", LayerKind.OUTPUT, new int[] {10, HIDDEN}));
        Random rnd = new Random(1);
        List<Tensor> theta0 = new ArrayList<>();
        List<Mask> masks = new ArrayList<>();
        List<LayerSummary> summaries = new ArrayList<>();
        for (LayerInfo l : layers) {
            float[] w = new float[l.size()];
            boolean[] keep = new boolean[l.size()];
            int kept = 0;
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) rnd.nextGaussian() * 0.05f;
                keep[i] = rnd.nextDouble() < 0.6;
                kept += keep[i] ? 1 : 0;
            }
            theta0.add(new Tensor(l.name(), l.shape(), w));
            masks.add(new Mask(l.name(), l.shape(), keep));
            summaries.add(new LayerSummary(l.name(), l.size(), kept));
        }
        RoundResult r0 = new RoundResult(Branch.TICKET, 0, 1.0, 0.93, 400, 0.93, 1, summaries);
        RoundResult r1 = new RoundResult(Branch.TICKET, 1, 0.6, 0.94, 300, 0.94, 1, summaries);
        List<Runnable> steps = new ArrayList<>();
        steps.add(() -> {
            MaskHeatmapView v = new MaskHeatmapView();
            v.setLayers(layers, theta0);
            v.addRound(Branch.TICKET, 1, masks, theta0);
            v.showRound(Branch.TICKET, 1);
            draw(v, stylesheet);
        });
        steps.add(() -> {
            LayerSparsityView v = new LayerSparsityView();
            v.show(summaries);
            draw(v, stylesheet);
        });
        steps.add(() -> {
            InputPixelView v = new InputPixelView();
            v.setInputShape(1, 28, 28);
            v.show(masks.get(0));
            draw(v, stylesheet);
        });
        steps.add(() -> {
            AccuracySparsityView v = new AccuracySparsityView();
            v.addResult(r0);
            v.addResult(r1);
            draw(v, stylesheet);
        });
        steps.add(() -> {
            TrainingCurveView v = new TrainingCurveView();
            v.startRound(Branch.TICKET, 1);
            for (int i = 1; i <= 50; i++) {
                v.addLoss(Branch.TICKET, 1, i, 1.0 / i);
            }
            v.addPoint(Branch.TICKET, 1, new MetricPoint(50, 0.2, 0.25, 0.9, 0.9, 0.3));
            draw(v, stylesheet);
        });
        steps.add(() -> {
            RoundLmcView v = new RoundLmcView();
            int n = 15;
            for (String network : List.of("dense", "ticket-round-01", "random-reinit-round-01")) {
                double remaining = network.equals("dense") ? 1.0 : 0.6;
                for (int i = 0; i < n; i++) {
                    double alpha = i / (n - 1.0);
                    double err = 0.06 + 0.004 * Math.sin(Math.PI * alpha);
                    v.addPoint(new LmcEvent.LmcPoint(network, 0, 0, i, n, alpha, err, err, 600, 10_000, 0, 0,
                            remaining));
                }
                v.curveDone(new LmcEvent.LmcCurveDone(network, 0, 0, 0.004, 0.064, 0.5, 0.06, true, 0.02, 0.003,
                        0.05, 0.047, remaining, 400, 1.0, true), 0.001);
            }
            draw(v, stylesheet);
        });
        return steps;
    }

    /** Styles, lays out and renders {@code view} off screen (a snapshot goes through the same pipeline). */
    private static void draw(Node view, String stylesheet) {
        StackPane root = new StackPane(view);
        Scene scene = new Scene(root, 500, 400);
        Theme.apply(scene, false);
        scene.getStylesheets().add(stylesheet);
        org.lotterylab.visuals.chart.FrameCoalescer.flushAll();
        root.applyCss();
        root.layout();
        root.snapshot(null, null);
    }
}
