package org.lotterylab.app.ui.strong;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.run.EdgePopupEvent;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.api.store.EdgePopupStore;
import org.lotterylab.api.store.RunLayout;
import org.lotterylab.api.store.StoredRun;
import org.lotterylab.app.ui.BackgroundTasks;
import org.lotterylab.app.ui.EventRoute;
import org.lotterylab.engine.edgepopup.EdgePopupRunner;

/**
 * The state of the strong-ticket tab, without a widget: the keep fractions typed and their validity, the sweep
 * (start, stop, what its events mean), the edge-popup points and IMP ticket rounds found on disk (read by a
 * serial lane of {@link BackgroundTasks}, so a later read never lands before an earlier one), which point is
 * compared with which IMP round, and the masks the comparison shows ({@link Sink}). {@link StrongTicketPane}
 * only binds to it.
 */
public final class StrongTicketViewModel {
    /** The keep field's help, shown while its text is valid. */
    static final String KEEP_HELP = "Fraction of edges KEPT in every layer, in (0, 1]; a comma-separated list "
            + "sweeps, e.g. 0.1,0.3,0.5,0.7";

    /** Where the view model draws (the pane's comparison and mask-flip views; JavaFX thread). */
    public interface Sink {
        /** The masks of the edge-popup point compared (empty: none). */
        void edgePopupMasks(List<Mask> masks, String label);

        /** The masks of the IMP ticket compared (empty: none). */
        void impMasks(List<Mask> masks, String label);

        /** The sweep's rounds and their fractions kept. */
        void sweep(List<Integer> rounds, List<Double> keeps);

        /** Mask flips of a point while its scores train. */
        void flips(EdgePopupEvent.MaskFlips flips);

        /** Forget the flips shown. */
        void clearFlips();
    }

    private final Supplier<ExperimentSpec> specSource;
    private final Path outDir;
    private final StrongTicketEngine engine;
    private final BackgroundTasks io;
    private final EventRoute events;
    private final Sink sink;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final BooleanProperty blocked = new SimpleBooleanProperty(this, "blocked", false);
    private final StringProperty keepText = new SimpleStringProperty(this, "keepText", "0.1,0.3,0.5,0.7");
    private final ReadOnlyBooleanWrapper keepsValid = new ReadOnlyBooleanWrapper(this, "keepsValid", true);
    private final ReadOnlyStringWrapper keepHelp = new ReadOnlyStringWrapper(this, "keepHelp", KEEP_HELP);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ObservableList<Integer> pointRounds = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> point = new SimpleObjectProperty<>(this, "point");
    private final ObservableList<Integer> impChoices = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> impRound = new SimpleObjectProperty<>(this, "impRound");
    private final ObservableList<String> resultLines = FXCollections.observableArrayList();

    private RunControl control;
    private Path runDir;
    private Path impDir;
    private Path followedDir;
    private ExperimentSpec followedSpec;
    private final TreeMap<Integer, Double> keeps = new TreeMap<>();
    private final Map<Integer, RoundResult> points = new HashMap<>();
    private final Map<Integer, List<Mask>> pointMasks = new HashMap<>();
    private final Map<Integer, RoundResult> impRounds = new TreeMap<>();
    private List<Integer> sweepRounds = List.of();
    private boolean impPicked;
    private int generation;

    /**
     * @param specSource the experiment panel's spec (null while it is invalid)
     * @param outDir     where runs are stored (the lab's output directory)
     * @param engine     starts the sweeps
     * @param tasks      where files are read (a serial lane of it)
     * @param routes     how engine events reach {@link #apply} ({@code LiveUpdatePump::new} in the window)
     * @param sink       the views
     */
    public StrongTicketViewModel(Supplier<ExperimentSpec> specSource, Path outDir, StrongTicketEngine engine,
            BackgroundTasks tasks, Function<Consumer<List<RunEvent>>, EventRoute> routes, Sink sink) {
        this.specSource = specSource;
        this.outDir = outDir;
        this.engine = engine;
        this.io = tasks.serial();
        this.sink = sink;
        this.events = routes.apply(this::apply);
        keepText.addListener((o, a, b) -> validateKeeps());
        blocked.addListener((o, a, b) -> updateIdleStatus());
        point.addListener((o, a, b) -> showPoint(b));
        impRound.addListener((o, a, b) -> showImp(b));
        validateKeeps();
    }

    /** Starts a sweep of the current spec; does nothing while running, blocked or with invalid keep values. */
    public void run() {
        if (running.get() || blocked.get() || !keepsValid.get()) {
            return;
        }
        ExperimentSpec spec = spec();
        if (spec == null) {
            status.set("the experiment panel holds an invalid value: fix it to run");
            return;
        }
        List<Double> k;
        try {
            k = EdgePopupRunner.parseKeeps(keepText.get());
        } catch (SpecException e) {
            status.set(e.getMessage());
            return;
        }
        events.discardPending();
        try {
            control = engine.start(spec, k, out(), events);
        } catch (RuntimeException e) {
            status.set("edge-popup could not start: " + e.getMessage());
            return;
        }
        running.set(true);
        progress.set(0);
        status.set("starting edge-popup (" + k.size() + " point" + (k.size() == 1 ? "" : "s") + ") ...");
    }

    /** Stops the running sweep after its current step; finished points stay on disk. */
    public void stop() {
        if (control != null) {
            control.cancel();
            status.set("stopping after the current step ...");
        }
    }

    /**
     * Follows the run in front of the user (live, opened or replayed): its ticket rounds are offered for
     * comparison and new sweeps are written into its directory (same spec, same run directory). Null returns to
     * the experiment panel's spec and the lab's output folder.
     */
    public void followRun(Path dir, ExperimentSpec spec) {
        followedDir = dir == null || spec == null ? null : dir;
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

    /** Compares with the ticket masks of another IMP run directory (null = the current spec's run). */
    public void setImpRun(Path dir) {
        impDir = dir;
        impPicked = false;
        impRound.set(null);
        loadImpRounds(dir == null ? runDir : dir);
    }

    /** The user chose an IMP round himself: it is no longer picked to match the point's weights remaining. */
    public void impPickedByUser() {
        impPicked = true;
    }

    // ---- events (JavaFX thread in the window, one batch per frame) ----

    void apply(List<RunEvent> batch) {
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
                status.set("edge-popup on " + s.backend().describe() + ", frozen " + s.spec().init().id() + " weights");
                loadImpRounds(impDir == null ? runDir : impDir);
            } else if (e instanceof EdgePopupEvent.Sweep s) {
                sweepRounds = s.rounds();
                for (int i = 0; i < s.rounds().size(); i++) {
                    keeps.put(s.rounds().get(i), s.keeps().get(i));
                }
                sink.sweep(s.rounds(), s.keeps());
                updatePoints();
            } else if (e instanceof EdgePopupEvent.MaskFlips f) {
                sink.flips(f);
            } else if (e instanceof RunEvent.IterationProgress p && p.branch() == Branch.EDGE_POPUP) {
                int index = Math.max(0, sweepRounds.indexOf(p.round()));
                int n = Math.max(1, sweepRounds.size());
                progress.set((index + p.iteration() / (double) p.totalIterations()) / n);
                status.set(String.format(Locale.ROOT, "%s: step %,d of %,d, loss %.3f, %.0f examples/s",
                        keepLabel(p.round()), p.iteration(), p.totalIterations(), p.loss(), p.examplesPerSecond()));
            } else if (e instanceof RunEvent.RoundFinished f && f.result().branch() == Branch.EDGE_POPUP) {
                int r = f.result().round();
                points.put(r, f.result());
                pointMasks.put(r, f.masks());
                updatePoints();
                point.set(r);
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
        progress.set(0);
        status.set(message);
        loadImpRounds(impDir == null ? runDir : impDir);
    }

    private void resetForRun(Path dir) {
        generation++;
        runDir = dir;
        keeps.clear();
        points.clear();
        pointMasks.clear();
        sink.clearFlips();
        sink.edgePopupMasks(List.of(), "");
        updatePoints();
    }

    private void updatePoints() {
        List<Integer> rounds = new ArrayList<>(points.keySet());
        rounds.sort(Comparator.comparingDouble((Integer r) -> -points.get(r).weightsRemaining()));
        Integer shown = point.get();
        if (!rounds.equals(pointRounds)) {
            pointRounds.setAll(rounds);
        }
        if (shown != null && rounds.contains(shown)) {
            point.set(shown);
        } else if (!rounds.isEmpty()) {
            point.set(rounds.get(0));
        }
        List<String> lines = new ArrayList<>();
        for (int r : rounds) {
            RoundResult x = points.get(r);
            lines.add(String.format(Locale.ROOT, "%s: %.2f%% test (%.2f%% at early stop, step %,d)", keepLabel(r),
                    100 * x.testAccuracy(), 100 * x.earlyStopTestAccuracy(), x.earlyStopIteration()));
        }
        resultLines.setAll(lines);
    }

    private void showPoint(Integer round) {
        if (round == null) {
            return;
        }
        List<Mask> m = pointMasks.get(round);
        if (m != null) {
            sink.edgePopupMasks(m, keepLabel(round));
            autoPickImp();
            return;
        }
        Path dir = runDir;
        int gen = generation;
        io.run("lth-strong-io", () -> StoredRun.open(dir).masks(Branch.EDGE_POPUP, round), loaded -> {
            if (gen == generation) {
                pointMasks.put(round, loaded);
                if (round.equals(point.get())) {
                    sink.edgePopupMasks(loaded, keepLabel(round));
                    autoPickImp();
                }
            }
        }, ex -> status.set("cannot read the masks of point " + round + ": " + ex.getMessage()));
    }

    /** Unless the user picked an IMP round, shows the one whose weights remaining are nearest the point's. */
    private void autoPickImp() {
        Integer p = point.get();
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
        if (!Integer.valueOf(best).equals(impRound.get())) {
            impRound.set(best);
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
        io.run("lth-strong-io", () -> StoredRun.open(dir).masks(Branch.TICKET, round), m -> {
            if (round.equals(impRound.get())) {
                sink.impMasks(m, label);
            }
        }, ex -> status.set("cannot read IMP round " + round + ": " + ex.getMessage()));
    }

    /** What a run directory holds of edge-popup: fractions kept per round, the points, their mask flips. */
    private record StoredPoints(TreeMap<Integer, Double> keeps, List<RoundResult> points,
            Map<Integer, List<EdgePopupEvent.MaskFlips>> flips) {
    }

    private void loadStoredPoints(Path dir) {
        int gen = generation;
        io.run("lth-strong-io", () -> {
            if (!Files.isDirectory(dir)) {
                return null;
            }
            StoredRun run = StoredRun.open(dir);
            EdgePopupStore store = new EdgePopupStore(run.layout());
            TreeMap<Integer, Double> k = store.readKeeps();
            List<RoundResult> rs = run.results().stream().filter(r -> r.branch() == Branch.EDGE_POPUP).toList();
            Map<Integer, List<EdgePopupEvent.MaskFlips>> f = new HashMap<>();
            for (RoundResult r : rs) {
                f.put(r.round(), store.readFlips(r.round()));
            }
            return new StoredPoints(k, rs, f);
        }, stored -> {
            if (stored == null || gen != generation || running.get()) {
                return;
            }
            keeps.putAll(stored.keeps());
            sink.sweep(new ArrayList<>(stored.keeps().keySet()), new ArrayList<>(stored.keeps().values()));
            for (RoundResult r : stored.points()) {
                points.put(r.round(), r);
                stored.flips().getOrDefault(r.round(), List.of()).forEach(sink::flips);
            }
            updatePoints();
        }, ex -> {
            // not a run directory yet: nothing stored
        });
    }

    private void loadImpRounds(Path dir) {
        if (dir == null) {
            return;
        }
        io.run("lth-strong-io", () -> {
            if (!Files.isDirectory(dir)) {
                return List.<RoundResult>of();
            }
            try {
                return StoredRun.open(dir).results().stream().filter(r -> r.branch() == Branch.TICKET).toList();
            } catch (java.io.IOException | RuntimeException ex) {
                return List.<RoundResult>of();
            }
        }, found -> {
            impRounds.clear();
            found.forEach(r -> impRounds.put(r.round(), r));
            Integer keep = impRound.get();
            impChoices.setAll(impRounds.keySet());
            if (found.isEmpty()) {
                sink.impMasks(List.of(), "");
                updateIdleStatus();
            } else if (keep != null && impRounds.containsKey(keep)) {
                impRound.set(keep);
                showImp(keep);
            } else {
                impPicked = false;
                autoPickImp();
            }
        }, ex -> { });
    }

    private void updateIdleStatus() {
        if (running.get()) {
            return;
        }
        if (blocked.get()) {
            status.set("an IMP run is in progress: edge-popup waits, so the two never write one run directory at once");
        } else if (impRounds.isEmpty() && status.get().isBlank()) {
            status.set("no IMP ticket in this run directory yet: run IMP with the same spec to compare masks");
        }
    }

    private void validateKeeps() {
        try {
            EdgePopupRunner.parseKeeps(keepText.get());
            keepsValid.set(true);
            keepHelp.set(KEEP_HELP);
        } catch (SpecException e) {
            keepsValid.set(false);
            keepHelp.set(e.getMessage());
            if (!running.get()) {
                status.set(e.getMessage());
            }
        }
    }

    /** How a point is named: its fraction kept and round, or its round alone. */
    public String keepLabel(int round) {
        Double k = keeps.get(round);
        return k == null ? "round " + round : EdgePopupRunner.keepLabel(k) + " (round " + round + ")";
    }

    /** How an IMP round is named: with its weights remaining once known. */
    public String impLabel(int round) {
        RoundResult r = impRounds.get(round);
        return r == null ? "round " + round
                : String.format(Locale.ROOT, "round %d (%.1f%% remaining)", round, 100 * r.weightsRemaining());
    }

    // ---- properties the pane binds to ----

    /** Whether a sweep is running. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** When true, Run is disabled (bound to the window's busy state: IMP and edge-popup never share a run at once). */
    public BooleanProperty blockedProperty() {
        return blocked;
    }

    /** The fractions kept, as typed. */
    public StringProperty keepTextProperty() {
        return keepText;
    }

    /** Whether the fractions typed are valid. */
    public ReadOnlyBooleanProperty keepsValidProperty() {
        return keepsValid.getReadOnlyProperty();
    }

    /** The keep field's help, or why its text is invalid. */
    public ReadOnlyStringProperty keepHelpProperty() {
        return keepHelp.getReadOnlyProperty();
    }

    /** The status line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Progress of the sweep in [0, 1]. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The edge-popup points found, most weights remaining first. */
    public ObservableList<Integer> pointRounds() {
        return pointRounds;
    }

    /** The point compared. */
    public ObjectProperty<Integer> pointProperty() {
        return point;
    }

    /** The IMP ticket rounds offered for comparison (those of the followed or current run). */
    public ObservableList<Integer> impChoices() {
        return impChoices;
    }

    /** The IMP round compared. */
    public ObjectProperty<Integer> impRoundProperty() {
        return impRound;
    }

    /** One line per point: its accuracy at the end and at early stopping. */
    public ObservableList<String> resultLines() {
        return resultLines;
    }

    /** The directory this tab reads and writes: the followed run's, else the current spec's. */
    public Path runDirectory() {
        return runDir;
    }

    /** The IMP run compared with, or null for the run of this tab. */
    public Path impRun() {
        return impDir;
    }
}
