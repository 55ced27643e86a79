package org.lotterylab.visuals.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.visuals.AccuracySparsityView;
import org.lotterylab.visuals.Exports;
import org.lotterylab.visuals.InputPixelView;
import org.lotterylab.visuals.LayerSparsityView;
import org.lotterylab.visuals.MaskHeatmapView;
import org.lotterylab.visuals.Theme;
import org.lotterylab.visuals.TrainingCurveView;

/**
 * A gallery of every view filled with synthetic LeNet-300-100 data ({@link SyntheticData}), one tab per
 * view plus an overview. Options: {@code --presentation} (projector theme), {@code --live} (feed the
 * training curves and results as a run would), {@code --screenshot FILE.png} (after a second, save the
 * overview to FILE.png and each tab to FILE-&lt;tab&gt;.png, then exit).
 */
public class ViewGallery extends Application {
    private static final int ROUNDS = 16;

    private final MaskHeatmapView heatmap = new MaskHeatmapView();
    private final InputPixelView pixels = new InputPixelView();
    private final AccuracySparsityView accuracy = new AccuracySparsityView();
    private final TrainingCurveView curves = new TrainingCurveView();
    private final LayerSparsityView layers = new LayerSparsityView();

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        boolean presentation = args.contains("--presentation");
        boolean live = args.contains("--live");
        int shot = args.indexOf("--screenshot");
        Path screenshot = shot >= 0 && shot + 1 < args.size() ? Path.of(args.get(shot + 1)) : null;

        SyntheticData.Run run = SyntheticData.imp(SyntheticData.lenetLayers(), ROUNDS, 7);
        fill(run, live);

        TabPane tabs = new TabPane();
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // The overview shows the small views; each big view also has its own tab.
        SplitPane overview = new SplitPane();
        overview.setOrientation(Orientation.VERTICAL);
        MaskHeatmapView heatmapSmall = new MaskHeatmapView();
        heatmapSmall.setLayers(run.layers(), run.theta0());
        for (int r = 0; r < ROUNDS; r++) {
            heatmapSmall.addRound(Branch.TICKET, r, run.masks().get(r), run.weights().get(r));
        }
        heatmapSmall.selectLayer("fc2");
        heatmapSmall.showRound(Branch.TICKET, 4);
        AccuracySparsityView accSmall = new AccuracySparsityView();
        accSmall.setResults(SyntheticData.results(List.of(Branch.TICKET, Branch.RANDOM_REINIT, Branch.RANDOM_PRUNING),
                ROUNDS, 3, 11));
        LayerSparsityView layersSmall = new LayerSparsityView();
        layersSmall.show(run.summaries(8));
        SplitPane top = new SplitPane(heatmapSmall, accSmall);
        top.setDividerPositions(0.55);
        InputPixelView pixelsSmall = new InputPixelView();
        pixelsSmall.setInputShape(1, 28, 28);
        pixelsSmall.show(run.masks().get(8).get(0));
        SplitPane bottom = new SplitPane(layersSmall, pixelsSmall);
        bottom.setDividerPositions(0.4);
        overview.getItems().addAll(top, bottom);
        overview.setDividerPositions(0.62);

        tabs.getTabs().addAll(new Tab("Overview", overview), new Tab("Mask heatmap", heatmap),
                new Tab("Input pixels", pixels), new Tab("Accuracy vs sparsity", accuracy),
                new Tab("Training curves", curves), new Tab("Layer sparsity", layers));
        CheckBox presentationBox = new CheckBox("presentation mode");
        presentationBox.setSelected(presentation);
        BorderPane root = new BorderPane(tabs);
        HBox bar = new HBox(presentationBox);
        bar.getStyleClass().add("lab-toolbar");
        root.setTop(bar);
        Scene scene = new Scene(root, 1600, 1000);
        Theme.apply(scene, presentation);
        presentationBox.selectedProperty().addListener((o, a, b) -> Theme.apply(scene, b));
        stage.setTitle("Lottery Ticket Lab: view gallery");
        stage.setScene(scene);
        stage.show();

        if (live) {
            startLive();
        }
        if (screenshot != null) {
            screenshots(tabs, scene, screenshot);
        }
    }

    private void fill(SyntheticData.Run run, boolean live) {
        heatmap.setLayers(run.layers(), run.theta0());
        List<List<org.lotterylab.api.mask.Tensor>> reinit = SyntheticData.reinitWeights(run, 99);
        for (int r = 0; r < ROUNDS; r++) {
            heatmap.addRound(Branch.TICKET, r, run.masks().get(r), run.weights().get(r));
            heatmap.addRound(Branch.RANDOM_REINIT, r, run.masks().get(r), reinit.get(r));
        }
        heatmap.showRound(Branch.TICKET, 5);

        pixels.setInputShape(1, 28, 28);
        pixels.show(run.masks().get(10).get(0));
        layers.show(run.summaries(8));

        List<RoundResult> results = SyntheticData.results(
                List.of(Branch.TICKET, Branch.RANDOM_REINIT, Branch.RANDOM_PRUNING), live ? 1 : ROUNDS, 3, 11);
        accuracy.setResults(results);

        if (!live) {
            Random rnd = new Random(5);
            for (int r = 0; r <= 4; r++) {
                curves.startRound(Branch.TICKET, r);
                int end = r == 4 ? 9_000 : 15_000;
                for (int it = 50; it <= end; it += 50) {
                    curves.addLoss(Branch.TICKET, r, it, SyntheticData.loss(Branch.TICKET, r, it, rnd));
                }
                for (MetricPoint p : SyntheticData.metrics(Branch.TICKET, r, end / 500, 500, 3)) {
                    curves.addPoint(Branch.TICKET, r, p);
                }
            }
        }
    }

    /** Feeds curves and results as a run would: 600 iterations per frame, a round every 15,000. */
    private void startLive() {
        Random rnd = new Random(17);
        List<Branch> branches = List.of(Branch.TICKET, Branch.RANDOM_REINIT);
        new AnimationTimer() {
            private int round = 0;
            private int branchIx = 0;
            private int it = 0;
            private List<MetricPoint> metrics = new ArrayList<>();

            @Override
            public void handle(long now) {
                Branch b = branches.get(branchIx);
                if (it == 0) {
                    curves.startRound(b, round);
                    metrics = SyntheticData.metrics(b, round, 30, 500, 3);
                }
                for (int k = 0; k < 12; k++) {
                    it += 50;
                    curves.addLoss(b, round, it, SyntheticData.loss(b, round, it, rnd));
                    if (it % 500 == 0) {
                        curves.addPoint(b, round, metrics.get(it / 500 - 1));
                    }
                }
                if (it >= 15_000) {
                    accuracy.addResult(SyntheticData.results(List.of(b), round + 1, 1, round * 7L + branchIx).get(round));
                    it = 0;
                    branchIx++;
                    if (branchIx == branches.size()) {
                        branchIx = 0;
                        round = (round + 1) % ROUNDS;
                    }
                }
            }
        }.start();
    }

    private static void screenshots(TabPane tabs, Scene scene, Path file) {
        String base = file.getFileName().toString().replaceFirst("\\.png$", "");
        Path dir = file.toAbsolutePath().getParent();
        List<Runnable> steps = new ArrayList<>();
        for (int i = tabs.getTabs().size() - 1; i >= 0; i--) {
            final int ix = i;
            steps.add(() -> tabs.getSelectionModel().select(ix));
            steps.add(() -> {
                String name = ix == 0 ? base : base + "-" + tabs.getTabs().get(ix).getText().toLowerCase()
                        .replaceAll("[^a-z0-9]+", "-");
                save(scene.getRoot(), dir.resolve(name + ".png"));
            });
        }
        steps.add(Platform::exit);
        runSteps(steps, 0, Duration.millis(1200));
    }

    private static void runSteps(List<Runnable> steps, int i, Duration first) {
        if (i >= steps.size()) {
            return;
        }
        PauseTransition p = new PauseTransition(first);
        p.setOnFinished(e -> {
            steps.get(i).run();
            runSteps(steps, i + 1, Duration.millis(700));
        });
        p.play();
    }

    private static void save(Node node, Path file) {
        try {
            Exports.savePng(node, file);
            System.out.println("saved " + file);
        } catch (IOException e) {
            System.err.println("could not save " + file + ": " + e.getMessage());
        }
    }

    /** Launches the gallery. */
    public static void main(String[] args) {
        launch(args);
    }
}
