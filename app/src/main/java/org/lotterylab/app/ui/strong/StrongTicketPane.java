package org.lotterylab.app.ui.strong;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.run.EdgePopupEvent;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.api.store.RunLayout;
import org.lotterylab.api.store.StoredRun;
import org.lotterylab.app.ui.BackgroundTasks;
import org.lotterylab.app.ui.LiveUpdatePump;
import org.lotterylab.engine.edgepopup.EdgePopupRunner;
import org.lotterylab.api.store.EdgePopupStore;
import org.lotterylab.visuals.strong.MaskComparisonView;
import org.lotterylab.visuals.strong.MaskFlipView;

/**
 * The strong-ticket tab: runs an edge-popup sweep of the current spec (fractions of edges kept, Run/Stop,
 * progress) into the spec's run directory, shows a point's mask next to an IMP ticket mask of the same run
 * (the same frozen theta_0 when IMP ran with this spec) with their overlap, and the mask flips while the
 * scores train. Points and IMP rounds already on disk are listed when the tab opens and after each run.
 *
 * <p>Threading: engine events go through a {@link LiveUpdatePump} (queued on the engine's thread, applied in
 * at most one batch per frame); files are read on a background thread. The JavaFX thread never waits.
 */
public class StrongTicketPane extends BorderPane {

    private final Supplier<ExperimentSpec> specSource;
    private final Path outDir;
    private final StrongTicketEngine engine;
    private final LiveUpdatePump pump = new LiveUpdatePump(this::apply);
    private final BackgroundTasks io = BackgroundTasks.shared().serial();

    private final TextField keepField = new TextField("0.1,0.3,0.5,0.7");
    private final Button runButton = new Button("Run edge-popup");
    private final Button stopButton = new Button("Stop");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label("");
    private final ComboBox<Integer> pointBox = new ComboBox<>();
    private final ComboBox<Integer> impBox = new ComboBox<>();
    private final Button otherRun = new Button("IMP run\u2026");
    private final MaskComparisonView comparison = new MaskComparisonView();
    private final MaskFlipView flips = new MaskFlipView();
    private final ListView<String> results = new ListView<>();

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final BooleanProperty blocked = new SimpleBooleanProperty(this, "blocked", false);
    private final SimpleBooleanProperty keepsValid = new SimpleBooleanProperty(true);

    private RunControl control;
    private Path runDir;
    private Path impDir;
    private final TreeMap<Integer, Double> keeps = new TreeMap<>();
    private final Map<Integer, RoundResult> points = new HashMap<>();
    private final Map<Integer, List<Mask>> pointMasks = new HashMap<>();
    private final Map<Integer, RoundResult> impRounds = new TreeMap<>();
    private List<Integer> sweepRounds = List.of();
    private boolean impPicked;
    private int generation;

    /**
     * A pane running sweeps of {@code specSource}'s spec (null = the spec is invalid) with the DL4J engine.
     *
     * @param outDir  where runs are stored (the lab's output directory)
     * @param threads compute threads
     */
    public StrongTicketPane(Supplier<ExperimentSpec> specSource, Path outDir, int threads) {
        this(specSource, outDir, StrongTicketEngine.dl4j(threads));
    }

    /** A pane with another engine (tests, replays). */
    public StrongTicketPane(Supplier<ExperimentSpec> specSource, Path outDir, StrongTicketEngine engine) {
        this.specSource = specSource;
        this.outDir = outDir;
        this.engine = engine;
        getStyleClass().add("lab-strong-tickets");

        keepField.setId("strong-keep");
        keepField.setPrefColumnCount(16);
        keepField.setTooltip(new Tooltip("Fraction of edges KEPT in every layer, in (0, 1]; a comma-separated list "
                + "sweeps, e.g. 0.1,0.3,0.5,0.7"));
        keepField.textProperty().addListener((o, a, b) -> validateKeeps());
        runButton.setId("strong-run");
        runButton.setDefaultButton(false);
        runButton.setOnAction(e -> run());
        runButton.disableProperty().bind(running.getReadOnlyProperty().or(blocked).or(keepsValid.not()));
        stopButton.setId("strong-stop");
        stopButton.setOnAction(e -> stop());
        stopButton.disableProperty().bind(running.getReadOnlyProperty().not());
        progress.setId("strong-progress");
        progress.setPrefWidth(180);
        status.setId("strong-status");
        status.getStyleClass().add("lab-stats");
        blocked.addListener((o, a, b) -> updateIdleStatus());

        pointBox.setId("strong-point");
        pointBox.setPromptText("edge-popup point");
        pointBox.setCellFactory(l -> new PointCell());
        pointBox.setButtonCell(new PointCell());
        pointBox.valueProperty().addListener((o, a, b) -> showPoint(b));
        impBox.setId("strong-imp-round");
        impBox.setPromptText("IMP round");
        impBox.setCellFactory(l -> new ImpCell());
        impBox.setButtonCell(new ImpCell());
        impBox.setOnAction(e -> {
            if (impBox.isFocused() || impBox.isShowing()) {
                impPicked = true;
            }
            showImp(impBox.getValue());
        });
        otherRun.setTooltip(new Tooltip("Compare with the ticket masks of another IMP run directory "
                + "(by default: the run of the current spec)"));
        otherRun.setOnAction(e -> chooseImpRun());

        FlowPane bar = new FlowPane(8, 6, new Label("fraction of edges kept"), keepField, runButton, stopButton,
                progress, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));
        bar.getStyleClass().add("lab-toolbar");
        FlowPane compareBar = new FlowPane(8, 6, new Label("compare"), pointBox, new Label("with IMP ticket"), impBox,
                otherRun);
        compareBar.setAlignment(Pos.CENTER_LEFT);
        compareBar.setPadding(new Insets(4, 6, 4, 6));
        setTop(new VBox(bar, compareBar));

        results.setId("strong-results");
        results.setPlaceholder(new Label("no edge-popup points yet"));
        results.setPrefWidth(330);
        SplitPane bottom = new SplitPane(flips, results);
        bottom.setDividerPositions(0.68);
        SplitPane split = new SplitPane(comparison, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.58);
        setCenter(split);

        validateKeeps();
        refreshFromDisk();
        // a tab's content turns visible when the tab is selected: pick up a changed spec or new IMP rounds then
        visibleProperty().addListener((o, a, b) -> {
            if (b && !running.get()) {
                refreshFromDisk();
            }
        });
    }

    /** Whether a sweep is running. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /**
     * When true, Run is disabled: bind it to the window's busy state so that IMP and edge-popup never write
     * the same run directory at once ({@code pane.blockedProperty().bind(vm.busyProperty())}).
     */
    public BooleanProperty blockedProperty() {
        return blocked;
    }

    /** Starts a sweep of the current spec; does nothing while running, blocked or with invalid keep values. */
    public void run() {
        if (running.get() || blocked.get() || !keepsValid.get()) {
            return;
        }
        ExperimentSpec spec = spec();
        if (spec == null) {
            status.setText("the experiment panel holds an invalid value: fix it to run");
            return;
        }
        List<Double> k;
        try {
            k = EdgePopupRunner.parseKeeps(keepField.getText());
        } catch (SpecException e) {
            status.setText(e.getMessage());
            return;
        }
        pump.discardPending();
        try {
            control = engine.start(spec, k, out(), pump);
        } catch (RuntimeException e) {
            status.setText("edge-popup could not start: " + e.getMessage());
            return;
        }
        running.set(true);
        progress.setProgress(0);
        status.setText("starting edge-popup (" + k.size() + " point" + (k.size() == 1 ? "" : "s") + ") ...");
    }

    /** Stops the running sweep after its current step; finished points stay on disk. */
    public void stop() {
        if (control != null) {
            control.cancel();
            status.setText("stopping after the current step ...");
        }
    }

    private Path followedDir;
    private ExperimentSpec followedSpec;

    /**
     * Follows the run in front of the user (live, opened or replayed): its ticket rounds are offered for
     * comparison and new sweeps are written into its directory (same spec, same run directory). Null returns to
     * the experiment panel's spec and the lab's output folder.
     */
    public void followRun(Path runDir, ExperimentSpec spec) {
        followedDir = runDir == null || spec == null ? null : runDir;
        followedSpec = followedDir == null ? null : spec;
        impDir = null;
        impPicked = false;
        refreshFromDisk();
    }

    private ExperimentSpec spec() {
        return followedSpec != null ? followedSpec : specSource.get();
    }

    private Path out() {
        return followedDir != null && followedDir.getParent() != null ? followedDir.getParent() : outDir;
    }

    /** The IMP ticket rounds offered for comparison (those of the followed or current run). */
    public List<Integer> impRoundChoices() {
        return List.copyOf(impBox.getItems());
    }

    /** The directory this pane reads and writes: the followed run's, else the current spec's. */
    public Path runDirectory() {
        return runDir;
    }

    /** Re-reads the current spec's run directory (stored points and IMP rounds) in the background. */
    public void refreshFromDisk() {
        ExperimentSpec spec = spec();
        if (spec == null) {
            return;
        }
        Path dir = followedDir != null ? followedDir : RunLayout.runDir(outDir, engine.runSpec(spec));
        if (!dir.equals(runDir)) {
            resetForRun(dir);
        }
        loadStoredPoints(dir);
        loadImpRounds(impDir == null ? dir : impDir);
    }

    // ---- package-private hooks for tests ----

    MaskComparisonView comparisonView() {
        return comparison;
    }

    MaskFlipView flipView() {
        return flips;
    }

    String statusText() {
        return status.getText();
    }

    List<String> resultLines() {
        return List.copyOf(results.getItems());
    }

    double progressValue() {
        return progress.getProgress();
    }

    void setKeepText(String text) {
        keepField.setText(text);
    }

    boolean runDisabled() {
        return runButton.isDisabled();
    }

    // ---- events (JavaFX thread, one batch per frame) ----

    private void apply(List<RunEvent> batch) {
        for (RunEvent e : batch) {
            if (e instanceof RunEvent.RunStarted s) {
                if (!s.runDir().equals(runDir)) {
                    resetForRun(s.runDir());
                }
                for (RoundResult r : s.resumedRounds()) {
                    if (r.branch() == Branch.EDGE_POPUP) {
                        points.put(r.round(), r);
                    }
                }
                status.setText("edge-popup on " + s.backend().describe() + ", frozen " + s.spec().init().id()
                        + " weights");
                loadImpRounds(impDir == null ? runDir : impDir);
            } else if (e instanceof EdgePopupEvent.Sweep s) {
                sweepRounds = s.rounds();
                for (int i = 0; i < s.rounds().size(); i++) {
                    keeps.put(s.rounds().get(i), s.keeps().get(i));
                }
                flips.setSweep(s.rounds(), s.keeps());
                updatePoints();
            } else if (e instanceof EdgePopupEvent.MaskFlips f) {
                flips.addFlips(f);
            } else if (e instanceof RunEvent.IterationProgress p && p.branch() == Branch.EDGE_POPUP) {
                int index = Math.max(0, sweepRounds.indexOf(p.round()));
                int n = Math.max(1, sweepRounds.size());
                progress.setProgress((index + p.iteration() / (double) p.totalIterations()) / n);
                status.setText(String.format(Locale.ROOT, "%s: step %,d of %,d, loss %.3f, %.0f examples/s",
                        keepLabel(p.round()), p.iteration(), p.totalIterations(), p.loss(), p.examplesPerSecond()));
            } else if (e instanceof RunEvent.RoundFinished f && f.result().branch() == Branch.EDGE_POPUP) {
                int r = f.result().round();
                points.put(r, f.result());
                pointMasks.put(r, f.masks());
                updatePoints();
                pointBox.setValue(r);
            } else if (e instanceof RunEvent.RunFinished f) {
                finished(f.cancelled() ? "stopped; finished points are kept in " + f.runDir()
                        : String.format(Locale.ROOT, "finished in %.0f s: %d point%s in %s", f.seconds(), points.size(),
                        points.size() == 1 ? "" : "s", f.runDir()));
            } else if (e instanceof RunEvent.RunFailed f) {
                finished("edge-popup failed: " + f.reason());
            }
        }
    }

    private void finished(String message) {
        running.set(false);
        control = null;
        progress.setProgress(0);
        status.setText(message);
        loadImpRounds(impDir == null ? runDir : impDir);
    }

    private void resetForRun(Path dir) {
        generation++;
        runDir = dir;
        keeps.clear();
        points.clear();
        pointMasks.clear();
        flips.clear();
        comparison.setEdgePopupMasks(List.of(), "");
        updatePoints();
    }

    private void updatePoints() {
        List<Integer> rounds = new ArrayList<>(points.keySet());
        rounds.sort(Comparator.comparingDouble((Integer r) -> -points.get(r).weightsRemaining()));
        Integer shown = pointBox.getValue();
        if (!rounds.equals(pointBox.getItems())) {
            pointBox.getItems().setAll(rounds);
        }
        if (shown != null && rounds.contains(shown)) {
            pointBox.setValue(shown);
        } else if (!rounds.isEmpty()) {
            pointBox.setValue(rounds.get(0));
        }
        List<String> lines = new ArrayList<>();
        for (int r : rounds) {
            RoundResult x = points.get(r);
            lines.add(String.format(Locale.ROOT, "%s: %.2f%% test (%.2f%% at early stop, step %,d)", keepLabel(r),
                    100 * x.testAccuracy(), 100 * x.earlyStopTestAccuracy(), x.earlyStopIteration()));
        }
        results.getItems().setAll(lines);
    }

    private void showPoint(Integer round) {
        if (round == null) {
            return;
        }
        List<Mask> m = pointMasks.get(round);
        if (m != null) {
            comparison.setEdgePopupMasks(m, keepLabel(round));
            autoPickImp();
            return;
        }
        Path dir = runDir;
        int gen = generation;
        io.execute("lth-strong-io", () -> {
            try {
                List<Mask> loaded = StoredRun.open(dir).masks(Branch.EDGE_POPUP, round);
                Platform.runLater(() -> {
                    if (gen == generation) {
                        pointMasks.put(round, loaded);
                        if (round.equals(pointBox.getValue())) {
                            comparison.setEdgePopupMasks(loaded, keepLabel(round));
                            autoPickImp();
                        }
                    }
                });
            } catch (IOException | RuntimeException ex) {
                Platform.runLater(() -> status.setText("cannot read the masks of point " + round + ": " + ex.getMessage()));
            }
        });
    }

    /** Unless the user picked an IMP round, shows the one whose weights remaining are nearest the point's. */
    private void autoPickImp() {
        Integer p = pointBox.getValue();
        if (impPicked || p == null || !points.containsKey(p) || impRounds.isEmpty()) {
            return;
        }
        double target = points.get(p).weightsRemaining();
        int best = impRounds.keySet().iterator().next();
        for (RoundResult r : impRounds.values()) {
            if (Math.abs(r.weightsRemaining() - target) < Math.abs(impRounds.get(best).weightsRemaining() - target)) {
                best = r.round();
            }
        }
        if (!Integer.valueOf(best).equals(impBox.getValue())) {
            impBox.setValue(best);
            showImp(best);
        }
    }

    private void showImp(Integer round) {
        if (round == null || impDir == null && runDir == null) {
            return;
        }
        Path dir = impDir == null ? runDir : impDir;
        RoundResult r = impRounds.get(round);
        String label = String.format(Locale.ROOT, "ticket round %d%s", round,
                r == null ? "" : String.format(Locale.ROOT, ", trained %.1f%%", 100 * r.earlyStopTestAccuracy()));
        io.execute("lth-strong-io", () -> {
            try {
                List<Mask> m = StoredRun.open(dir).masks(Branch.TICKET, round);
                Platform.runLater(() -> {
                    if (round.equals(impBox.getValue())) {
                        comparison.setImpMasks(m, label);
                    }
                });
            } catch (IOException | RuntimeException ex) {
                Platform.runLater(() -> status.setText("cannot read IMP round " + round + ": " + ex.getMessage()));
            }
        });
    }

    private void loadStoredPoints(Path dir) {
        int gen = generation;
        io.execute("lth-strong-io", () -> {
            if (!Files.isDirectory(dir)) {
                return;
            }
            try {
                StoredRun run = StoredRun.open(dir);
                EdgePopupStore store = new EdgePopupStore(run.layout());
                TreeMap<Integer, Double> k = store.readKeeps();
                List<RoundResult> rs = run.results().stream().filter(r -> r.branch() == Branch.EDGE_POPUP).toList();
                Map<Integer, List<EdgePopupEvent.MaskFlips>> f = new HashMap<>();
                for (RoundResult r : rs) {
                    f.put(r.round(), store.readFlips(r.round()));
                }
                Platform.runLater(() -> {
                    if (gen != generation || running.get()) {
                        return;
                    }
                    keeps.putAll(k);
                    flips.setSweep(new ArrayList<>(k.keySet()), new ArrayList<>(k.values()));
                    for (RoundResult r : rs) {
                        points.put(r.round(), r);
                        f.getOrDefault(r.round(), List.of()).forEach(flips::addFlips);
                    }
                    updatePoints();
                });
            } catch (IOException | RuntimeException ex) {
                // not a run directory yet: nothing stored
            }
        });
    }

    private void loadImpRounds(Path dir) {
        if (dir == null) {
            return;
        }
        io.execute("lth-strong-io", () -> {
            List<RoundResult> rs = List.of();
            if (Files.isDirectory(dir)) {
                try {
                    rs = StoredRun.open(dir).results().stream().filter(r -> r.branch() == Branch.TICKET).toList();
                } catch (IOException | RuntimeException ex) {
                    rs = List.of();
                }
            }
            List<RoundResult> found = rs;
            Platform.runLater(() -> {
                impRounds.clear();
                found.forEach(r -> impRounds.put(r.round(), r));
                Integer keep = impBox.getValue();
                impBox.getItems().setAll(impRounds.keySet());
                if (found.isEmpty()) {
                    comparison.setImpMasks(List.of(), "");
                    updateIdleStatus();
                } else if (keep != null && impRounds.containsKey(keep)) {
                    impBox.setValue(keep);
                    showImp(keep);
                } else {
                    impPicked = false;
                    autoPickImp();
                }
            });
        });
    }

    private void chooseImpRun() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("IMP run directory to compare with");
        Path base = impDir != null ? impDir.getParent() : outDir;
        if (base != null && Files.isDirectory(base)) {
            dc.setInitialDirectory(base.toFile());
        }
        var f = dc.showDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            setImpRun(f.toPath());
        }
    }

    /** Compares with the ticket masks of another IMP run directory (null = the current spec's run). */
    public void setImpRun(Path dir) {
        impDir = dir;
        impPicked = false;
        impBox.setValue(null);
        loadImpRounds(dir == null ? runDir : dir);
    }

    private void updateIdleStatus() {
        if (running.get()) {
            return;
        }
        if (blocked.get()) {
            status.setText("an IMP run is in progress: edge-popup waits, so the two never write one run directory at once");
        } else if (impRounds.isEmpty() && status.getText().isBlank()) {
            status.setText("no IMP ticket in this run directory yet: run IMP with the same spec to compare masks");
        }
    }

    private void validateKeeps() {
        try {
            EdgePopupRunner.parseKeeps(keepField.getText());
            keepsValid.set(true);
            keepField.setStyle("");
            keepField.getTooltip().setText("Fraction of edges KEPT in every layer, in (0, 1]; a comma-separated list "
                    + "sweeps, e.g. 0.1,0.3,0.5,0.7");
        } catch (SpecException e) {
            keepsValid.set(false);
            keepField.setStyle("-fx-border-color: #c62828; -fx-border-width: 1.5;");
            keepField.getTooltip().setText(e.getMessage());
            if (!running.get()) {
                status.setText(e.getMessage());
            }
        }
    }

    private String keepLabel(int round) {
        Double k = keeps.get(round);
        return k == null ? "round " + round : EdgePopupRunner.keepLabel(k) + " (round " + round + ")";
    }

    private final class PointCell extends ListCell<Integer> {
        @Override
        protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : keepLabel(item));
        }
    }

    private final class ImpCell extends ListCell<Integer> {
        @Override
        protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            RoundResult r = item == null ? null : impRounds.get(item);
            setText(empty || item == null ? null : r == null ? "round " + item
                    : String.format(Locale.ROOT, "round %d (%.1f%% remaining)", item, 100 * r.weightsRemaining()));
        }
    }
}
