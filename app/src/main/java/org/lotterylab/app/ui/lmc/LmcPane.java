package org.lotterylab.app.ui.lmc;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.LmcExperimentRunner;
import org.lotterylab.api.run.LmcPlan;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.app.ui.BackgroundTasks;
import org.lotterylab.app.ui.FxThread;
import org.lotterylab.app.ui.LiveUpdatePump;
import org.lotterylab.visuals.lmc.InstabilityView;
import org.lotterylab.visuals.lmc.InterpolationView;

/**
 * The linear-mode-connectivity tab: controls (the network, rewinding iterations k, points per path, seed pairs,
 * threshold, optionally a stored IMP run and round for a ticket), Run and Stop, and the two LMC views. The state,
 * the plan and the engine calls are {@link LmcViewModel}'s; this pane binds its controls and views to it. The
 * engine is loaded by a background task ({@link BackgroundTasks}) at the first Run; its events reach the views
 * through a {@link LiveUpdatePump}, so the JavaFX thread never waits on training.
 */
public final class LmcPane extends BorderPane {
    /** The DL4J engine's LMC runner, created reflectively so ND4J loads off the JavaFX thread. */
    public static final String LMC_RUNNER = LmcViewModel.LMC_RUNNER;

    private final TextField kField = new TextField("0,25,100");
    private final Spinner<Integer> alphas = new Spinner<>(2, 1000, 30);
    private final Spinner<Integer> seeds = new Spinner<>(1, 50, 1);
    private final TextField threshold = new TextField("2%");
    private final TextField runField = new TextField();
    private final Spinner<Integer> round = new Spinner<>(0, 999, 1);
    private final Button runButton = new Button("Run");
    private final Button stopButton = new Button("Stop");
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final InterpolationView interpolation = new InterpolationView();
    private final InstabilityView instability = new InstabilityView();
    private final ComboBox<LmcViewModel.Choice> networkBox = new ComboBox<>();
    private final LmcViewModel vm;

    /**
     * A pane using the DL4J engine with {@code threads} compute threads.
     *
     * @param spec   the experiment to analyse (the lab's current spec; null while the panel is invalid)
     * @param outDir where runs are stored
     */
    public LmcPane(Supplier<ExperimentSpec> spec, Path outDir, int threads) {
        this(spec, () -> outDir, LmcViewModel.dl4j(threads));
    }

    /** A pane with any engine (tests pass a fake one). */
    public LmcPane(Supplier<ExperimentSpec> spec, Supplier<Path> outDir, Supplier<LmcExperimentRunner> engine) {
        this.vm = new LmcViewModel(spec, outDir, engine, BackgroundTasks.shared(), LiveUpdatePump::new, new Views());
        getStyleClass().add("lab-lmc-pane");
        kField.setId("lmc-k");
        kField.setPrefColumnCount(14);
        kField.setTooltip(new Tooltip("Rewinding iterations k, comma-separated: W_k is the dense network after k "
                + "iterations (for a ticket: its rewound weights with its mask). Each k must be below the training "
                + "length."));
        alphas.setId("lmc-alphas");
        alphas.setEditable(true);
        alphas.setPrefWidth(80);
        alphas.setTooltip(new Tooltip("Points on each path alpha*W1 + (1-alpha)*W2, endpoints included"));
        seeds.setId("lmc-seeds");
        seeds.setEditable(true);
        seeds.setPrefWidth(70);
        seeds.setTooltip(new Tooltip("Seed pairs per k: each trains two copies with different data orders; several "
                + "give error bars"));
        threshold.setId("lmc-threshold");
        threshold.setPrefColumnCount(4);
        threshold.setTooltip(new Tooltip("Stable when instability (max error on the path - mean endpoint error) is "
                + "below this"));
        runField.setId("lmc-run-dir");
        runField.setPromptText("dense network (or a stored IMP run directory)");
        runField.setPrefColumnCount(22);
        round.setId("lmc-round");
        round.setEditable(true);
        round.setPrefWidth(70);
        round.disableProperty().bind(runField.textProperty().isEmpty());
        runButton.setId("lmc-run");
        stopButton.setId("lmc-stop");
        runButton.setDefaultButton(true);
        runButton.disableProperty().bind(vm.runningProperty());
        stopButton.disableProperty().bind(vm.runningProperty().not());
        runButton.setOnAction(e -> run());
        stopButton.setOnAction(e -> stop());
        status.setId("lmc-status");
        status.textProperty().bind(vm.statusProperty());
        status.styleProperty().bind(Bindings.when(vm.statusErrorProperty()).then("-fx-text-fill: #b00020;").otherwise(""));
        progress.setId("lmc-progress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(vm.progressProperty());

        networkBox.setId("lmc-network");
        networkBox.setItems(vm.networkChoices());
        networkBox.valueProperty().bindBidirectional(vm.networkProperty());
        networkBox.setTooltip(new Tooltip("The network to analyse: the dense network of the experiment panel, or the "
                + "dense network or a ticket of the run shown in the lab (live, opened or replayed)"));
        networkBox.valueProperty().addListener((o, a, c) -> {
            if (c != null) {
                runField.setText(c.run() == null ? "" : c.run().toString());
                if (c.round() >= 0) {
                    round.getValueFactory().setValue(c.round());
                }
            }
        });
        FlowPane controls = new FlowPane(8, 4,
                labelled("network", networkBox), labelled("k", kField), labelled("points", alphas),
                labelled("seed pairs", seeds), labelled("stable below", threshold), labelled("ticket of run", runField),
                labelled("round", round), runButton, stopButton);
        controls.setAlignment(Pos.CENTER_LEFT);
        HBox statusBar = new HBox(8, progress, status);
        statusBar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, controls, statusBar);
        top.setPadding(new Insets(6));
        top.getStyleClass().add("lab-toolbar");
        setTop(top);
        SplitPane split = new SplitPane(interpolation, instability);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.58);
        setCenter(split);
    }

    /** The two views, drawn from the view model's events. */
    private final class Views implements LmcViewModel.Sink {
        @Override
        public void clear() {
            FxThread.check();
            interpolation.clear();
            instability.clear();
        }

        @Override
        public void threshold(double t) {
            FxThread.check();
            interpolation.thresholdProperty().set(t);
            instability.thresholdProperty().set(t);
        }

        @Override
        public void point(LmcEvent.LmcPoint p) {
            FxThread.check();
            interpolation.addPoint(p);
        }

        @Override
        public void curveDone(LmcEvent.LmcCurveDone d) {
            FxThread.check();
            interpolation.curveDone(d);
            instability.addCurve(d);
        }
    }

    private static HBox labelled(String text, javafx.scene.Node n) {
        HBox b = new HBox(4, new Label(text), n);
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }

    /** A supplier of the DL4J engine ({@code new LmcRunner(threads)}, found by reflection). */
    public static Supplier<LmcExperimentRunner> dl4j(int threads) {
        return LmcViewModel.dl4j(threads);
    }

    /** The tab's state. */
    public LmcViewModel viewModel() {
        return vm;
    }

    /**
     * Offers the networks of the run in front of the user: its dense network (round 0) and the ticket of every
     * finished round, newest first selected unless the user chose another. Analyses of them are written into
     * {@code runDir} itself.
     *
     * @param runDir  the run directory
     * @param rounds  the finished rounds of its ticket branch with their fraction of weights remaining
     */
    public void followRun(Path runDir, java.util.SortedMap<Integer, Double> rounds) {
        vm.followRun(runDir, rounds);
    }

    /** The networks offered (the first is the experiment panel's dense network). */
    public List<LmcViewModel.Choice> networkChoices() {
        return List.copyOf(vm.networkChoices());
    }

    /** Picks an offered network. */
    public void chooseNetwork(LmcViewModel.Choice c) {
        vm.networkProperty().set(c);
    }

    /** The directory the last analysis wrote to, or null before one started. */
    public Path lastRunDir() {
        return vm.lastRunDir();
    }

    /** Whether an analysis is running. */
    public ReadOnlyBooleanProperty runningProperty() {
        return vm.runningProperty();
    }

    /** The interpolation plot. */
    public InterpolationView interpolationView() {
        return interpolation;
    }

    /** The instability plots. */
    public InstabilityView instabilityView() {
        return instability;
    }

    /**
     * Starts an analysis with the controls' settings (what Run does). Bad settings are reported in the status
     * line and nothing starts.
     */
    public void run() {
        vm.run(settings());
    }

    /** Stops the running analysis after the current iteration or point; finished curves stay stored. */
    public void stop() {
        vm.stop();
    }

    /** The plan of the controls. @throws IllegalArgumentException with a message for the user */
    LmcPlan plan() {
        return vm.plan(settings());
    }

    private LmcViewModel.Settings settings() {
        return new LmcViewModel.Settings(kField.getText(), value(alphas), value(seeds), threshold.getText(),
                runField.getText(), value(round));
    }

    private static int value(Spinner<Integer> s) {
        try {
            s.increment(0); // commits typed text
        } catch (RuntimeException ignored) {
            // keep the last valid value
        }
        return s.getValue();
    }

    static double parseThreshold(String v) {
        return LmcViewModel.parseThreshold(v);
    }

    // ---- package-private hooks for tests ----

    TextField kField() {
        return kField;
    }

    TextField runField() {
        return runField;
    }

    Label status() {
        return status;
    }

    Button runButton() {
        return runButton;
    }

    Button stopButton() {
        return stopButton;
    }
}
