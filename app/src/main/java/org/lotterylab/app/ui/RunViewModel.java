package org.lotterylab.app.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.lotterylab.api.run.BackendInfo;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;

/**
 * State of the engine and of the run being shown (live, replayed or opened from disk): what the
 * toolbar enables, what the status bar says, and the progress with round, iteration and time left.
 * Events arrive in batches on the JavaFX thread ({@link #apply(List)}); the view changes they cause go to
 * a {@link RunViewSink}. Plain JavaFX beans: testable without the JavaFX toolkit.
 */
public final class RunViewModel {

    /** Where the engine stands. */
    public enum EngineState {
        /** ND4J is loading on a background thread. */
        LOADING,
        /** The engine can run experiments. */
        READY,
        /** The engine could not be loaded. */
        FAILED
    }

    /** What the window is busy with. */
    public enum Activity {
        /** Nothing: Run is possible. */
        IDLE,
        /** A live run on the engine. */
        RUNNING,
        /** A stored run replayed as if live. */
        REPLAYING,
        /** A stored run being loaded into the views. */
        LOADING_STORED
    }

    /** How the last run, replay or load ended. */
    public enum Outcome {
        /** It ran to the end. */
        FINISHED,
        /** The user stopped it. */
        CANCELLED,
        /** It failed. */
        FAILED
    }

    private final ExperimentViewModel experiment;
    private final LongSupplier nanoClock;
    private RunViewSink sink = RunViewSink.none();

    private final ReadOnlyObjectWrapper<EngineState> engineState = new ReadOnlyObjectWrapper<>(this, "engineState", EngineState.LOADING);
    private final ReadOnlyStringWrapper backendText = new ReadOnlyStringWrapper(this, "backendText", "Loading engine…");
    private final ReadOnlyObjectWrapper<Activity> activity = new ReadOnlyObjectWrapper<>(this, "activity", Activity.IDLE);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper errorDetail = new ReadOnlyStringWrapper(this, "errorDetail", "");
    private final ReadOnlyIntegerWrapper maxRound = new ReadOnlyIntegerWrapper(this, "maxRound", -1);
    private final ReadOnlyObjectWrapper<Path> runDir = new ReadOnlyObjectWrapper<>(this, "runDir");
    private final ReadOnlyObjectWrapper<Outcome> lastOutcome = new ReadOnlyObjectWrapper<>(this, "lastOutcome");
    private final BooleanBinding canRun;
    private final StringBinding runBlockedReason;
    private final BooleanBinding busy;
    private final List<Consumer<Outcome>> endListeners = new CopyOnWriteArrayList<>();

    private RunControl control;
    private ExperimentSpec runSpec;
    private final List<RoundResult> results = new ArrayList<>();
    // progress accounting
    private long totalIterations;
    private long finishedIterations;
    private final Map<String, Integer> inProgress = new HashMap<>();
    private long firstProgressNanos = -1;
    private long progressAtFirst;
    private long startNanos;
    private RunEvent.IterationProgress latest;
    private int finishedRounds;
    private int lmcCurves;
    private int runsInGroup = 1;
    private GroupViewModel group;

    /** A view model over {@code experiment} with the system clock. */
    public RunViewModel(ExperimentViewModel experiment) {
        this(experiment, System::nanoTime);
    }

    /** A view model over {@code experiment} with {@code nanoClock} for time-left estimates. */
    public RunViewModel(ExperimentViewModel experiment, LongSupplier nanoClock) {
        this.experiment = experiment;
        this.nanoClock = nanoClock;
        statusMessage.set("Loading the engine (ND4J) in the background; presets, settings and stored runs can be used meanwhile.");
        busy = Bindings.createBooleanBinding(() -> activity.get() != Activity.IDLE, activity);
        canRun = Bindings.createBooleanBinding(() -> engineState.get() == EngineState.READY
                        && activity.get() == Activity.IDLE && experiment.spec() != null,
                engineState, activity, experiment.specProperty());
        runBlockedReason = Bindings.createStringBinding(this::blockedReason, engineState, activity,
                experiment.problemProperty(), backendText);
    }

    /** Sets where view changes go. */
    public void setSink(RunViewSink sink) {
        this.sink = sink == null ? RunViewSink.none() : sink;
    }

    /** The experiment panel's view model. */
    public ExperimentViewModel experiment() {
        return experiment;
    }

    // ---------------------------------------------------------------- engine

    /** The engine has loaded. */
    public void engineLoaded(BackendInfo info) {
        backendText.set(info.describe());
        engineState.set(EngineState.READY);
        if (activity.get() == Activity.IDLE && errorMessage.get().isEmpty()) {
            statusMessage.set("Engine ready. Choose a preset or edit the experiment, then press Run.");
        }
    }

    /** The engine could not be loaded. */
    public void engineFailed(String reason) {
        backendText.set("Engine unavailable");
        engineState.set(EngineState.FAILED);
        showError("The engine could not be loaded: " + reason, "");
    }

    // ---------------------------------------------------------------- control

    /** A live run or replay was started with {@code control}; its events follow. */
    public void started(Activity what, RunControl runControl, ExperimentSpec spec) {
        started(what, runControl, spec, 1);
    }

    /**
     * A live run of {@code runs} replicates of {@code spec} (or one run, or a replay) was started with
     * {@code control}; the first replicate's events follow, the others' as {@link GroupEvents}.
     */
    public void started(Activity what, RunControl runControl, ExperimentSpec spec, int runs) {
        control = runControl;
        runSpec = spec;
        runsInGroup = Math.max(1, runs);
        group = null;
        resetProgress(spec);
        clearError();
        activity.set(what);
        paused.set(false);
        progress.set(-1);
        progressText.set(what == Activity.REPLAYING ? "Replaying…" : "Starting…");
        statusMessage.set(what == Activity.REPLAYING ? "Replaying a stored run" : "Starting the run…");
    }

    /** A stored run is being loaded into the views; its events follow. */
    public void loadingStored(Path dir) {
        control = null;
        runSpec = null;
        runsInGroup = 1;
        group = null;
        clearError();
        activity.set(Activity.LOADING_STORED);
        paused.set(false);
        progress.set(-1);
        progressText.set("Opening " + dir.getFileName() + "…");
        statusMessage.set("Opening " + dir);
    }

    /** Starting failed before any event (the runner threw). */
    public void startFailed(String reason, String detail) {
        control = null;
        activity.set(Activity.IDLE);
        progress.set(0);
        progressText.set("");
        showError(reason, detail);
        fireEnd(Outcome.FAILED);
    }

    /** Pauses the run or replay. */
    public void pause() {
        if (control != null && !control.isDone()) {
            control.pause();
            paused.set(true);
            statusMessage.set("Paused after the current iteration. Views stay live: scrub, hover and zoom freely.");
        }
    }

    /** Resumes a paused run or replay. */
    public void resume() {
        if (control != null && !control.isDone()) {
            control.resume();
            paused.set(false);
            statusMessage.set("Resumed");
        }
    }

    /** Pauses when running, resumes when paused. */
    public void togglePause() {
        if (paused.get()) {
            resume();
        } else {
            pause();
        }
    }

    /** Stops the run or replay after the current iteration; finished rounds stay on disk. */
    public void stop() {
        if (control != null && !control.isDone()) {
            control.cancel();
            if (paused.get()) {
                control.resume();
            }
            statusMessage.set("Stopping after the current iteration…");
        }
    }

    /** The control of the current run or replay, if one is going. */
    public RunControl control() {
        return control;
    }

    /** Hides the error banner. */
    public void clearError() {
        errorMessage.set("");
        errorDetail.set("");
    }

    /** Shows an error in the banner (the run state is not touched). */
    public void showError(String reason, String detail) {
        errorMessage.set(reason == null || reason.isBlank() ? "Something went wrong" : reason);
        errorDetail.set(detail == null ? "" : detail);
        statusMessage.set(errorMessage.get());
    }

    /** Shows a message in the status bar. */
    public void say(String message) {
        statusMessage.set(message);
    }

    /** Called with the outcome whenever a run, replay or load ends. */
    public void addEndListener(Consumer<Outcome> listener) {
        endListeners.add(listener);
    }

    // ---------------------------------------------------------------- events

    /** Applies a batch of events in order; progress is updated once from the latest sample. */
    public void apply(List<RunEvent> batch) {
        List<RunEvent.IterationProgress> losses = new ArrayList<>();
        for (RunEvent e : batch) {
            if (e instanceof RunEvent.IterationProgress p) {
                losses.add(p);
                latest = p;
                inProgress.put(p.branch().id() + "#" + p.round(), p.iteration());
                if (firstProgressNanos < 0) {
                    firstProgressNanos = nanoClock.getAsLong();
                    progressAtFirst = doneIterations();
                }
                continue;
            }
            if (!losses.isEmpty()) {
                sink.losses(List.copyOf(losses));
                losses.clear();
            }
            handle(e);
        }
        if (!losses.isEmpty()) {
            sink.losses(List.copyOf(losses));
        }
        updateProgress();
    }

    private void handle(RunEvent e) {
        if (e instanceof RunEvent.RunStarted s) {
            if (runSpec == null || activity.get() == Activity.LOADING_STORED) {
                runSpec = s.spec();
                resetProgress(s.spec());
            }
            results.clear();
            lmcCurves = 0;
            results.addAll(s.resumedRounds());
            finishedRounds = s.resumedRounds().size();
            finishedIterations = (long) finishedRounds * s.spec().iterations();
            maxRound.set(s.resumedRounds().stream().mapToInt(RoundResult::round).max().orElse(-1));
            runDir.set(s.runDir());
            if (activity.get() == Activity.RUNNING) {
                backendText.set(s.backend().describe());
                statusMessage.set((s.resumedRounds().isEmpty() ? "Running " : "Resuming ") + s.runDir().getFileName()
                        + (s.resumedRounds().isEmpty() ? "" : " (" + s.resumedRounds().size() + " rounds already on disk)"));
            }
            sink.runStarted(s);
        } else if (e instanceof RunEvent.RoundStarted r) {
            inProgress.put(r.branch().id() + "#" + r.round(), 0);
            sink.roundStarted(r);
        } else if (e instanceof RunEvent.Evaluation ev) {
            sink.evaluation(ev);
        } else if (e instanceof RunEvent.RoundFinished f) {
            RoundResult r = f.result();
            results.add(r);
            inProgress.remove(r.branch().id() + "#" + r.round());
            finishedRounds++;
            finishedIterations += runSpec == null ? 0 : runSpec.iterations();
            if (r.round() > maxRound.get()) {
                maxRound.set(r.round());
            }
            if (activity.get() != Activity.LOADING_STORED) {
                statusMessage.set(String.format(Locale.ROOT,
                        "%s round %d finished: %.2f%% test accuracy with %.1f%% of weights remaining (%s)",
                        r.branch().id(), r.round(), 100 * r.testAccuracy(), 100 * r.weightsRemaining(), duration(r.seconds())));
            }
            sink.roundFinished(f);
        } else if (e instanceof RunEvent.BranchFinished b) {
            if (activity.get() == Activity.RUNNING) {
                statusMessage.set("Branch " + b.branch().id() + " finished");
            }
        } else if (e instanceof RunEvent.EarlyBirdPoint p) {
            sink.earlyBirdPoint(p);
        } else if (e instanceof RunEvent.EarlyBirdDrawn d) {
            sink.earlyBirdDrawn(d);
        } else if (e instanceof LmcEvent.LmcPoint p) {
            sink.lmcPoint(p);
        } else if (e instanceof LmcEvent.LmcCurveDone d) {
            lmcCurves++;
            // live events carry no sampling error yet (the stored files may)
            sink.lmcCurve(d, Double.NaN);
            if (activity.get() == Activity.RUNNING) {
                statusMessage.set(String.format(Locale.ROOT, "%s: instability %.2f%% (%s)", d.network(),
                        100 * d.instability(), d.stable() ? "stable" : "unstable"));
            }
        } else if (e instanceof LmcEvent.LmcTraining t) {
            if (activity.get() == Activity.RUNNING && t.iteration() % 50 == 0) {
                progressText.set(String.format(Locale.ROOT, "LMC of %s · %s · iteration %d/%d", t.network(), t.phase(),
                        t.iteration(), t.totalIterations()));
            }
        } else if (e instanceof StoredLmc.Curve c) {
            lmcCurves++;
            c.points().forEach(sink::lmcPoint);
            sink.lmcCurve(c.done(), c.standardError());
        } else if (e instanceof GroupEvents.Opened o) {
            group = o.group();
            sink.groupOpened(o.group());
            if (activity.get() != Activity.RUNNING) {
                statusMessage.set(String.format(Locale.ROOT, "Opened %s: %d of %d runs with results, %d rounds%s",
                        o.group().group().title(), o.group().membersWithResults(), o.group().group().members().size(),
                        o.group().rounds(), o.group().warnings().isEmpty() ? ""
                                : " (skipped: " + String.join("; ", o.group().warnings()) + ")"));
            }
        } else if (e instanceof GroupEvents.Result r) {
            if (r.member() != 0) {
                // member 0's rounds are counted from its own events
                finishedRounds++;
                finishedIterations += runSpec == null ? 0 : runSpec.iterations();
            }
            sink.groupResult(r.member(), r.result());
            if (activity.get() == Activity.RUNNING && group != null) {
                statusMessage.set(String.format(Locale.ROOT, "%s: %s round %d finished, %.2f%% test accuracy",
                        group.memberLabel(r.member()), r.result().branch().id(), r.result().round(),
                        100 * r.result().testAccuracy()));
            }
        } else if (e instanceof GroupEvents.Curve c) {
            sink.groupCurve(c.member(), c.done());
        } else if (e instanceof RunEvent.Note n) {
            statusMessage.set(n.text());
        } else if (e instanceof RunEvent.RunFinished f) {
            Activity was = activity.get();
            endActivity();
            progress.set(f.cancelled() ? progress.get() : 1);
            String what = was == Activity.REPLAYING ? "Replay" : "Run";
            progressText.set(f.cancelled() ? what + " stopped" : what + " finished");
            statusMessage.set(f.cancelled()
                    ? what + " stopped; " + finishedRounds + " finished rounds are kept in " + f.runDir()
                    : what + " finished in " + duration(f.seconds()) + ": " + finishedRounds + " rounds in " + f.runDir());
            fireEnd(f.cancelled() ? Outcome.CANCELLED : Outcome.FINISHED);
        } else if (e instanceof RunEvent.RunFailed f) {
            endActivity();
            progressText.set("Run failed");
            String kept = finishedRounds == 1 ? "1 finished round is kept" : finishedRounds + " finished rounds are kept";
            String reason = f.reason().replace("Finished rounds are kept.", "").strip();
            showError(reason + (finishedRounds > 0 ? " (" + kept + ")" : ""), f.detail());
            fireEnd(Outcome.FAILED);
        } else if (e instanceof StoredRunEvents.Loaded l) {
            if (activity.get() == Activity.LOADING_STORED) {
                activity.set(Activity.IDLE);
                progress.set(l.complete() ? 1 : 0);
                progressText.set(l.dir().getFileName() + ": " + finishedRounds + " rounds" + (l.complete() ? "" : " (incomplete)"));
                if (group == null || !l.warnings().isEmpty()) {
                    // a group's own line (GroupEvents.Opened, just before) stays unless there are warnings
                    statusMessage.set(l.warnings().isEmpty() ? "Opened " + l.dir()
                            : "Opened " + l.dir() + " with warnings: " + String.join("; ", l.warnings()));
                }
                fireEnd(Outcome.FINISHED);
            } else if (!l.warnings().isEmpty()) {
                statusMessage.set(String.join("; ", l.warnings()));
            }
        }
    }

    private void endActivity() {
        activity.set(Activity.IDLE);
        paused.set(false);
        control = null;
        inProgress.clear();
        latest = null;
    }

    private void fireEnd(Outcome outcome) {
        lastOutcome.set(outcome);
        for (Consumer<Outcome> l : endListeners) {
            l.accept(outcome);
        }
    }

    private void resetProgress(ExperimentSpec spec) {
        totalIterations = spec == null ? 0 : (long) roundsInRun(spec) * spec.iterations() * runsInGroup;
        finishedIterations = 0;
        finishedRounds = 0;
        inProgress.clear();
        firstProgressNanos = -1;
        progressAtFirst = 0;
        startNanos = nanoClock.getAsLong();
        latest = null;
        maxRound.set(-1);
        results.clear();
    }

    private long doneIterations() {
        long d = finishedIterations;
        for (int it : inProgress.values()) {
            d += it;
        }
        return d;
    }

    private void updateProgress() {
        Activity a = activity.get();
        if (a != Activity.RUNNING && a != Activity.REPLAYING || runSpec == null) {
            return;
        }
        long done = doneIterations();
        if (totalIterations > 0 && (done > 0 || finishedRounds > 0)) {
            progress.set(Math.min(1.0, done / (double) totalIterations));
        }
        if (latest == null) {
            if (finishedRounds > 0) {
                progressText.set(finishedRounds + " rounds done");
            }
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append("Round ").append(latest.round()).append('/').append(runSpec.rounds())
                .append(" · ").append(latest.branch().id())
                .append(" · iteration ").append(latest.iteration()).append('/').append(latest.totalIterations());
        String eta = timeLeft(done);
        if (!eta.isEmpty()) {
            sb.append(" · ").append(eta);
        }
        progressText.set(sb.toString());
    }

    /** "about 1 min 20 s left", or empty while there is too little to go by. */
    private String timeLeft(long done) {
        if (firstProgressNanos < 0) {
            return "";
        }
        double elapsed = (nanoClock.getAsLong() - firstProgressNanos) / 1e9;
        long since = done - progressAtFirst;
        if (elapsed < 2 || since <= 0) {
            return "";
        }
        double left = elapsed * Math.max(0, totalIterations - done) / since;
        return "about " + duration(left) + " left";
    }

    /**
     * Rounds a complete run of {@code spec} trains: the dense round 0 once (stored under the ticket branch,
     * shared by all branches), then every pruning round of every branch.
     */
    public static int roundsInRun(ExperimentSpec spec) {
        return 1 + spec.branches().size() * spec.rounds();
    }

    /** A short human duration: "45 s", "3 min 5 s", "2 h 4 min". */
    public static String duration(double seconds) {
        long s = Math.round(Math.max(0, seconds));
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + ((s % 3600) / 60) + " min";
    }

    private String blockedReason() {
        if (activity.get() != Activity.IDLE) {
            return "";
        }
        if (!experiment.problem().isEmpty()) {
            return "Cannot run: " + experiment.problem();
        }
        return switch (engineState.get()) {
            case LOADING -> "Run is enabled once the engine has loaded";
            case FAILED -> "The engine could not be loaded";
            case READY -> "";
        };
    }

    // ---------------------------------------------------------------- properties

    /** Where the engine stands. */
    public ReadOnlyObjectProperty<EngineState> engineStateProperty() {
        return engineState.getReadOnlyProperty();
    }

    /** The backend line of the status bar. */
    public ReadOnlyStringProperty backendTextProperty() {
        return backendText.getReadOnlyProperty();
    }

    /** What the window is busy with. */
    public ReadOnlyObjectProperty<Activity> activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** Whether the run or replay is paused. */
    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** Progress of the run in [0, 1], or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Round, branch, iteration and time left. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The latest status message. */
    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    /** The error shown in the banner; empty when none. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** Technical detail of the error; may be empty. */
    public ReadOnlyStringProperty errorDetailProperty() {
        return errorDetail.getReadOnlyProperty();
    }

    /** The highest finished round of the run shown, -1 when none. */
    public ReadOnlyIntegerProperty maxRoundProperty() {
        return maxRound.getReadOnlyProperty();
    }

    /** The directory of the run shown, or null. */
    public ReadOnlyObjectProperty<Path> runDirProperty() {
        return runDir.getReadOnlyProperty();
    }

    /** How the last run, replay or load ended; null before the first ended. */
    public ReadOnlyObjectProperty<Outcome> lastOutcomeProperty() {
        return lastOutcome.getReadOnlyProperty();
    }

    /** Whether Run can be pressed. */
    public BooleanBinding canRunProperty() {
        return canRun;
    }

    /** Why Run cannot be pressed; empty when it can (or while a run goes on). */
    public StringBinding runBlockedReasonProperty() {
        return runBlockedReason;
    }

    /** Whether a run, replay or load is going on. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    /** The results of the run shown so far, in the order they finished. */
    public List<RoundResult> results() {
        return List.copyOf(results);
    }

    /** The spec of the run shown (live, replayed or opened), or null. */
    public ExperimentSpec runSpec() {
        return runSpec;
    }

    /** The finished rounds of {@code branch} in the run shown with their fraction of weights remaining. */
    public java.util.SortedMap<Integer, Double> rounds(Branch branch) {
        java.util.SortedMap<Integer, Double> out = new java.util.TreeMap<>();
        for (RoundResult r : results) {
            if (r.branch() == branch) {
                out.put(r.round(), r.weightsRemaining());
            }
        }
        return out;
    }

    /** The group shown as one result (opened or running live), or null for a single run. */
    public GroupViewModel group() {
        return group;
    }

    /** Linear-mode-connectivity curves finished (or read from disk) in the run shown. */
    public int lmcCurves() {
        return lmcCurves;
    }

    /** The result of {@code branch} at {@code round} in the run shown, or null. */
    public RoundResult result(Branch branch, int round) {
        for (int i = results.size() - 1; i >= 0; i--) {
            RoundResult r = results.get(i);
            if (r.branch() == branch && r.round() == round) {
                return r;
            }
        }
        return null;
    }
}
