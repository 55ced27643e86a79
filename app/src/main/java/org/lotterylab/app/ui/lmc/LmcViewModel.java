package org.lotterylab.app.ui.lmc;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.LmcExperimentRunner;
import org.lotterylab.api.run.LmcPlan;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.app.ui.BackgroundTasks;
import org.lotterylab.app.ui.EventRoute;

/**
 * The state of the linear-mode-connectivity tab, without a widget: the networks offered, the plan built from the
 * controls' settings, loading the engine (a background task) and starting it, and what its events mean for the
 * status line, the progress and the two views ({@link Sink}). {@link LmcPane} only binds to it.
 */
public final class LmcViewModel {
    /** The DL4J engine's LMC runner, created reflectively so ND4J loads off the JavaFX thread. */
    public static final String LMC_RUNNER = "org.lotterylab.engine.lmc.LmcRunner";

    /**
     * A network the tab offers: the experiment panel's dense network, or a round of the run in front of
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

    /** The experiment panel's dense network (always offered first). */
    static final Choice PANEL_DENSE = new Choice("dense network of the experiment panel", null, -1);

    /**
     * What the controls hold.
     *
     * @param ks        rewinding iterations, comma-separated
     * @param alphas    points per path
     * @param seedPairs seed pairs per k
     * @param threshold the stability threshold as typed ("2%", "0.02")
     * @param runDir    the stored run of a ticket, blank for the panel's dense network
     * @param round     the ticket's round
     */
    public record Settings(String ks, int alphas, int seedPairs, String threshold, String runDir, int round) {
    }

    /** Where the view model draws (the pane's two LMC views; JavaFX thread). */
    public interface Sink {
        /** A new analysis starts: forget the curves shown. */
        void clear();

        /** The stability threshold of the analysis. */
        void threshold(double threshold);

        /** A point on an interpolation path. */
        void point(LmcEvent.LmcPoint point);

        /** A curve is finished. */
        void curveDone(LmcEvent.LmcCurveDone done);
    }

    private static final System.Logger LOG = System.getLogger(LmcViewModel.class.getName());

    private final Supplier<ExperimentSpec> specSource;
    private final Supplier<Path> outDir;
    private final Supplier<LmcExperimentRunner> engineSupplier;
    private final BackgroundTasks tasks;
    private final EventRoute events;
    private final Sink sink;
    private CompletableFuture<LmcExperimentRunner> engine;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Set k and press Run: two copies train from W_k for each seed pair");
    private final ReadOnlyBooleanWrapper statusError = new ReadOnlyBooleanWrapper(this, "statusError", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ObservableList<Choice> choices = FXCollections.observableArrayList(PANEL_DENSE);
    private final ObjectProperty<Choice> network = new SimpleObjectProperty<>(this, "network", PANEL_DENSE);
    private volatile RunControl control;
    private volatile boolean stopRequested;
    private Path lastRunDir;

    /**
     * @param spec   the experiment to analyse (the lab's current spec; null while the panel is invalid)
     * @param outDir where runs are stored
     * @param engine the engine, created by a background task at the first run
     * @param tasks  where the engine loads
     * @param routes how events reach {@link #apply} ({@code LiveUpdatePump::new} in the window)
     */
    public LmcViewModel(Supplier<ExperimentSpec> spec, Supplier<Path> outDir, Supplier<LmcExperimentRunner> engine,
            BackgroundTasks tasks, Function<Consumer<List<RunEvent>>, EventRoute> routes, Sink sink) {
        this.specSource = spec;
        this.outDir = outDir;
        this.engineSupplier = engine;
        this.tasks = tasks;
        this.sink = sink;
        this.events = routes.apply(this::apply);
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
     * finished round, the newest selected unless the user chose another.
     */
    public void followRun(Path runDir, SortedMap<Integer, Double> rounds) {
        Choice before = network.get();
        List<Choice> items = new ArrayList<>();
        items.add(PANEL_DENSE);
        rounds.forEach((r, w) -> items.add(new Choice(r == 0
                ? "dense network (round 0) of " + runDir.getFileName()
                : String.format(Locale.ROOT, "ticket round %d (%.1f%% of weights) of %s", r, 100 * w, runDir.getFileName()),
                runDir, r)));
        choices.setAll(items);
        Choice keep = items.stream().filter(c -> c.equals(before)).findFirst().orElse(null);
        network.set(keep != null && keep != PANEL_DENSE ? keep : items.get(items.size() - 1));
    }

    /** Starts an analysis with {@code settings}; bad settings are reported in the status and nothing starts. */
    public void run(Settings settings) {
        if (running.get()) {
            return;
        }
        LmcPlan plan;
        try {
            plan = plan(settings);
        } catch (IllegalArgumentException e) {
            setStatus(e.getMessage(), true);
            return;
        }
        sink.clear();
        events.discardPending();
        stopRequested = false;
        control = null;
        running.set(true);
        progress.set(-1);
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
                events.onEvent(new RunEvent.RunFailed("the engine could not start: " + reason(e), String.valueOf(e)));
                return;
            }
            try {
                RunControl c = r.start(plan, out, events);
                control = c;
                if (stopRequested) {
                    c.cancel();
                }
            } catch (RuntimeException ex) {
                events.onEvent(new RunEvent.RunFailed("the analysis could not start: " + reason(ex), ex.toString()));
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

    /** The plan of {@code s}. @throws IllegalArgumentException with a message for the user */
    public LmcPlan plan(Settings s) {
        List<Integer> ks = new ArrayList<>();
        for (String part : s.ks().split(",")) {
            String t = part.trim();
            if (!t.isEmpty()) {
                try {
                    ks.add(Integer.parseInt(t));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("k: comma-separated iterations like 0,100,500 (not '" + t + "')");
                }
            }
        }
        double thr = parseThreshold(s.threshold());
        String runDir = s.runDir().trim();
        if (!runDir.isEmpty()) {
            Path dir = Path.of(runDir);
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("ticket of run: " + runDir + " is not a directory");
            }
            return new LmcPlan(null, ks, s.alphas(), s.seedPairs(), 0, thr, dir, s.round());
        }
        ExperimentSpec spec = specSource.get();
        if (spec == null) {
            throw new IllegalArgumentException("the experiment settings are invalid: fix them in the experiment panel");
        }
        return new LmcPlan(spec, ks, s.alphas(), s.seedPairs(), 0, thr, null, -1);
    }

    /** "2%", "0.02" or "2" as a fraction in (0, 1]. @throws IllegalArgumentException with a message for the user */
    public static double parseThreshold(String v) {
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

    /** Applies a batch of engine events (JavaFX thread in the window); a failing view does not stop the rest. */
    void apply(List<RunEvent> batch) {
        for (RunEvent e : batch) {
            try {
                handle(e);
            } catch (RuntimeException ex) {
                LOG.log(System.Logger.Level.WARNING, "the LMC views failed on " + e.getClass().getSimpleName(), ex);
            }
        }
    }

    private void handle(RunEvent e) {
        if (e instanceof LmcEvent.LmcStarted s) {
            lastRunDir = s.runDir();
            sink.threshold(s.threshold());
            setStatus(String.format(Locale.ROOT, "%s, k %s, %d seed pair(s), %d points per path; errors on %d test and "
                            + "%d training images%s", s.network(), s.ks(), s.seedPairs(), s.alphas(), s.testCount(),
                    s.trainCount(), s.storedCurves() > 0 ? "; " + s.storedCurves() + " curve(s) found stored" : ""),
                    false);
        } else if (e instanceof LmcEvent.LmcTraining t) {
            progress.set(t.iteration() / (double) t.totalIterations());
            setStatus(t.seedPair() < 0
                    ? String.format(Locale.ROOT, "training the dense network to W_k (k up to %d): %d / %d",
                    t.k(), t.iteration(), t.totalIterations())
                    : String.format(Locale.ROOT, "training %s of %s, k = %d, seed pair %d: %d / %d", t.phase(),
                    t.network(), t.k(), t.seedPair(), t.iteration(), t.totalIterations()), false);
        } else if (e instanceof LmcEvent.LmcPoint p) {
            sink.point(p);
            progress.set((p.index() + 1) / (double) p.count());
            setStatus(String.format(Locale.ROOT, "evaluating the path of %s, k = %d, seed pair %d: point %d of %d",
                    p.network(), p.k(), p.seedPair(), p.index() + 1, p.count()), false);
        } else if (e instanceof LmcEvent.LmcCurveDone d) {
            sink.curveDone(d);
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
        progress.set(error ? 0 : 1);
        setStatus(text, error);
    }

    private void setStatus(String text, boolean error) {
        status.set(text);
        statusError.set(error);
    }

    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** The networks offered (the first is the experiment panel's dense network). */
    public ObservableList<Choice> networkChoices() {
        return choices;
    }

    /** The network chosen. */
    public ObjectProperty<Choice> networkProperty() {
        return network;
    }

    /** The directory the last analysis wrote to, or null before one started. */
    public Path lastRunDir() {
        return lastRunDir;
    }

    /** Whether an analysis is running. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The status line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the status line reports a mistake or a failure. */
    public ReadOnlyBooleanProperty statusErrorProperty() {
        return statusError.getReadOnlyProperty();
    }

    /** Progress of the current phase in [0, 1]; -1 while the engine starts. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
