package org.lotterylab.app.ui.lmc;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
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
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.app.ui.BackgroundTasks;
import org.lotterylab.app.ui.LiveUpdatePump;
import org.lotterylab.visuals.lmc.InstabilityView;
import org.lotterylab.visuals.lmc.InterpolationView;

/**
 * The linear-mode-connectivity tab: controls (rewinding iterations k, points per path, seed pairs, threshold,
 * optionally a stored IMP run and round for a ticket), Run and Stop, and the two LMC views. The engine is
 * loaded by a background task ({@link BackgroundTasks}) at the first Run; its events reach the views through a
 * {@link LiveUpdatePump}, so the JavaFX thread never waits on training.
 */
public final class LmcPane extends BorderPane {
    /** The DL4J engine's LMC runner, created reflectively so ND4J loads off the JavaFX thread. */
    public static final String LMC_RUNNER = "org.lotterylab.engine.lmc.LmcRunner";

    private final Supplier<ExperimentSpec> specSource;
    private final Supplier<Path> outDir;
    private final Supplier<LmcExperimentRunner> engineSupplier;
    private CompletableFuture<LmcExperimentRunner> engine;

    private final TextField kField = new TextField("0,25,100");
    private final Spinner<Integer> alphas = new Spinner<>(2, 1000, 30);
    private final Spinner<Integer> seeds = new Spinner<>(1, 50, 1);
    private final TextField threshold = new TextField("2%");
    private final TextField runField = new TextField();
    private final Spinner<Integer> round = new Spinner<>(0, 999, 1);
    private final Button runButton = new Button("Run");
    private final Button stopButton = new Button("Stop");
    private final Label status = new Label("Set k and press Run: two copies train from W_k for each seed pair");
    private final ProgressBar progress = new ProgressBar(0);
    private final InterpolationView interpolation = new InterpolationView();
    private final InstabilityView instability = new InstabilityView();

    private final javafx.scene.control.ComboBox<Choice> networkBox = new javafx.scene.control.ComboBox<>();
    private Path lastRunDir;

    /**
     * A network the pane offers: the experiment panel's dense network, or a round of the run in front of
     * the user (round 0 is its dense network).
     *
     * @param label what the list shows
     * @param run   the stored run, or null for the experiment panel's dense network
     * @param round the ticket round, -1 with no run
     */
    public record Choice(String label, Path run, int round) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static final Choice PANEL_DENSE = new Choice("dense network of the experiment panel", null, -1);

    private final LiveUpdatePump pump = new LiveUpdatePump(this::applyBatch);
    private final BackgroundTasks tasks = BackgroundTasks.shared();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private volatile RunControl control;
    private volatile boolean stopRequested;

    /**
     * A pane using the DL4J engine with {@code threads} compute threads.
     *
     * @param spec   the experiment to analyse (the lab's current spec; null while the panel is invalid)
     * @param outDir where runs are stored
     */
    public LmcPane(Supplier<ExperimentSpec> spec, Path outDir, int threads) {
        this(spec, () -> outDir, dl4j(threads));
    }

    /** A pane with any engine (tests pass a fake one). */
    public LmcPane(Supplier<ExperimentSpec> spec, Supplier<Path> outDir, Supplier<LmcExperimentRunner> engine) {
        this.specSource = spec;
        this.outDir = outDir;
        this.engineSupplier = engine;
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
        runButton.disableProperty().bind(running.getReadOnlyProperty());
        stopButton.disableProperty().bind(running.getReadOnlyProperty().not());
        runButton.setOnAction(e -> run());
        stopButton.setOnAction(e -> stop());
        status.setId("lmc-status");
        progress.setId("lmc-progress");
        progress.setPrefWidth(160);

        networkBox.setId("lmc-network");
        networkBox.getItems().setAll(PANEL_DENSE);
        networkBox.setValue(PANEL_DENSE);
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

    private static HBox labelled(String text, javafx.scene.Node n) {
        HBox b = new HBox(4, new Label(text), n);
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }

    /** A supplier of the DL4J engine ({@code new LmcRunner(threads)}, found by reflection). */
    public static Supplier<LmcExperimentRunner> dl4j(int threads) {
        return () -> {
            try {
                return (LmcExperimentRunner) Class.forName(LMC_RUNNER).getConstructor(int.class).newInstance(threads);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("the DL4J engine (" + LMC_RUNNER + ") is not on the class path", e);
            } catch (InvocationTargetException e) {
                Throwable c = e.getCause() == null ? e : e.getCause();
                throw new IllegalStateException(c.getMessage() == null ? c.toString() : c.getMessage(), c);
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IllegalStateException("cannot create the LMC engine: " + e, e);
            }
        };
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
        Choice before = networkBox.getValue();
        List<Choice> items = new ArrayList<>();
        items.add(PANEL_DENSE);
        rounds.forEach((r, w) -> items.add(new Choice(r == 0
                ? "dense network (round 0) of " + runDir.getFileName()
                : String.format(Locale.ROOT, "ticket round %d (%.1f%% of weights) of %s", r, 100 * w, runDir.getFileName()),
                runDir, r)));
        networkBox.getItems().setAll(items);
        Choice keep = items.stream().filter(c -> c.equals(before)).findFirst().orElse(null);
        networkBox.setValue(keep != null && keep != PANEL_DENSE ? keep : items.get(items.size() - 1));
    }

    /** The networks offered (the first is the experiment panel's dense network). */
    public List<Choice> networkChoices() {
        return List.copyOf(networkBox.getItems());
    }

    /** Picks an offered network. */
    public void chooseNetwork(Choice c) {
        networkBox.setValue(c);
    }

    /** The directory the last analysis wrote to, or null before one started. */
    public Path lastRunDir() {
        return lastRunDir;
    }

    /** Whether an analysis is running. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
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
        if (running.get()) {
            return;
        }
        LmcPlan plan;
        try {
            plan = plan();
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        interpolation.clear();
        instability.clear();
        pump.discardPending();
        stopRequested = false;
        control = null;
        running.set(true);
        progress.setProgress(-1);
        setStatus("starting the engine ...", false);
        if (engine != null && engine.isCompletedExceptionally()) {
            engine = null; // the last load failed: try again
        }
        if (engine == null) {
            engine = tasks.run("lth-lmc-loader", () -> {
                LmcExperimentRunner r = engineSupplier.get();
                r.backend();
                return r;
            }, r -> { }, e -> { });
        }
        Path out = outDir.get();
        engine.whenComplete((r, e) -> {
            if (e != null) {
                pump.onEvent(new RunEvent.RunFailed("the engine could not start: " + reason(e), String.valueOf(e)));
                return;
            }
            try {
                RunControl c = r.start(plan, out, pump);
                control = c;
                if (stopRequested) {
                    c.cancel();
                }
            } catch (RuntimeException ex) {
                pump.onEvent(new RunEvent.RunFailed("the analysis could not start: " + reason(ex), ex.toString()));
            }
        });
    }

    /** Stops the running analysis after the current iteration or point; finished curves stay stored. */
    public void stop() {
        stopRequested = true;
        RunControl c = control;
        if (c != null) {
            c.cancel();
        }
        setStatus("stopping ...", false);
    }

    /** The plan of the controls. @throws IllegalArgumentException with a message for the user */
    LmcPlan plan() {
        List<Integer> ks = new ArrayList<>();
        for (String part : kField.getText().split(",")) {
            String t = part.trim();
            if (!t.isEmpty()) {
                try {
                    ks.add(Integer.parseInt(t));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("k: comma-separated iterations like 0,100,500 (not '" + t + "')");
                }
            }
        }
        double thr = parseThreshold(threshold.getText());
        int n = value(alphas);
        int pairs = value(seeds);
        String runDir = runField.getText().trim();
        if (!runDir.isEmpty()) {
            Path dir = Path.of(runDir);
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("ticket of run: " + runDir + " is not a directory");
            }
            return new LmcPlan(null, ks, n, pairs, 0, thr, dir, value(round));
        }
        ExperimentSpec spec = specSource.get();
        if (spec == null) {
            throw new IllegalArgumentException("the experiment settings are invalid: fix them in the experiment panel");
        }
        return new LmcPlan(spec, ks, n, pairs, 0, thr, null, -1);
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
        String t = v.trim();
        boolean pct = t.endsWith("%");
        try {
            double d = Double.parseDouble(pct ? t.substring(0, t.length() - 1).trim() : t);
            d = pct || d > 1 ? d / 100 : d;
            if (!(d > 0 && d <= 1)) {
                throw new IllegalArgumentException("stable below: a percentage in (0%, 100%] (got " + v + ")");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("stable below: a percentage like 2% (got '" + v + "')");
        }
    }

    private void applyBatch(List<RunEvent> batch) {
        for (RunEvent e : batch) {
            try {
                apply(e);
            } catch (RuntimeException ex) {
                System.err.println("lab: the LMC views failed on " + e.getClass().getSimpleName() + ": " + ex);
            }
        }
    }

    private void apply(RunEvent e) {
        if (e instanceof LmcEvent.LmcStarted s) {
            lastRunDir = s.runDir();
            interpolation.setThreshold(s.threshold());
            instability.setThreshold(s.threshold());
            setStatus(String.format(Locale.ROOT, "%s, k %s, %d seed pair(s), %d points per path; errors on %d test and "
                            + "%d training images%s", s.network(), s.ks(), s.seedPairs(), s.alphas(), s.testCount(),
                    s.trainCount(), s.storedCurves() > 0 ? "; " + s.storedCurves() + " curve(s) found stored" : ""),
                    false);
        } else if (e instanceof LmcEvent.LmcTraining t) {
            progress.setProgress(t.iteration() / (double) t.totalIterations());
            setStatus(t.seedPair() < 0
                    ? String.format(Locale.ROOT, "training the dense network to W_k (k up to %d): %d / %d",
                    t.k(), t.iteration(), t.totalIterations())
                    : String.format(Locale.ROOT, "training %s of %s, k = %d, seed pair %d: %d / %d", t.phase(),
                    t.network(), t.k(), t.seedPair(), t.iteration(), t.totalIterations()), false);
        } else if (e instanceof LmcEvent.LmcPoint p) {
            interpolation.addPoint(p);
            progress.setProgress((p.index() + 1) / (double) p.count());
            setStatus(String.format(Locale.ROOT, "evaluating the path of %s, k = %d, seed pair %d: point %d of %d",
                    p.network(), p.k(), p.seedPair(), p.index() + 1, p.count()), false);
        } else if (e instanceof LmcEvent.LmcCurveDone d) {
            interpolation.curveDone(d);
            instability.addCurve(d);
        } else if (e instanceof RunEvent.Note note) {
            setStatus(note.text(), false);
        } else if (e instanceof RunEvent.RunFinished f) {
            Path where = f.runDir() != null ? f.runDir() : lastRunDir;
            finished(String.format(Locale.ROOT, "%s after %.1f s; results in %s", f.cancelled() ? "stopped" : "finished",
                    f.seconds(), where == null ? "the run directory" : where), false);
        } else if (e instanceof RunEvent.RunFailed f) {
            finished(f.reason(), true);
        }
    }

    private void finished(String text, boolean error) {
        running.set(false);
        control = null;
        progress.setProgress(error ? 0 : 1);
        setStatus(text, error);
    }

    private void fail(String text) {
        setStatus(text, true);
    }

    private void setStatus(String text, boolean error) {
        status.setText(text);
        status.setStyle(error ? "-fx-text-fill: #b00020;" : "");
    }

    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
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
