package org.lotterylab.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.mask.LayerSummary;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.LayerKind;
import org.lotterylab.visuals.AccuracySparsityView;
import org.lotterylab.visuals.InputPixelView;
import org.lotterylab.visuals.LayerSparsityView;
import org.lotterylab.visuals.MaskHeatmapView;
import org.lotterylab.visuals.Theme;
import org.lotterylab.visuals.TrainingCurveView;

/**
 * Runs each of the live views once on made-up data in an off-screen scene while the engine loads, so that the
 * first finished round of a run does not pay for loading, compiling and styling the views' code (seen: the first
 * round's pulse used 99 ms of CPU, later rounds under 30). One view per pulse; the throwaway views are dropped
 * afterwards. Nothing on screen changes. FX thread only.
 */
final class ViewWarmUp {
    private static final int IN = 784;
    private static final int HIDDEN = 300;

    private ViewWarmUp() {
    }

    /** Starts the warm-up: one view per pulse, over a few pulses; {@code stylesheet} is the window's. */
    static void start(String stylesheet) {
        List<Runnable> steps = steps(stylesheet);
        new AnimationTimer() {
            private int next;

            @Override
            public void handle(long now) {
                if (next >= steps.size()) {
                    stop();
                    return;
                }
                try {
                    steps.get(next++).run();
                } catch (RuntimeException e) {
                    // a warm-up is an optimisation only
                    next = steps.size();
                }
            }
        }.start();
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
