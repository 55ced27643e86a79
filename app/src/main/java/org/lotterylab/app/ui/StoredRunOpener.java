package org.lotterylab.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;

/**
 * Opening what is stored: a run or a group of runs (read by a background task, then sent through the window's
 * {@link LiveUpdatePump} as the events of a run that is opened), a replay of a run, and re-reading the run
 * shown: every 2 s while it is incomplete, on Refresh, and after the LMC and strong-ticket tabs wrote into it.
 */
final class StoredRunOpener {
    private final RunViewModel vm;
    private final LiveUpdatePump pump;
    private final BackgroundTasks tasks;
    private final LabViews views;
    private final FileDialogs dialogs;
    private final DoubleSupplier secondsPerRound;
    private final Runnable started;
    private final Timeline poll;
    private final AtomicBoolean polling = new AtomicBoolean();
    private final Set<String> shownRounds = new HashSet<>();
    private StoredRunReader openedRun;
    private Path openedGroup;

    /**
     * @param secondsPerRound a replay's speed (read before every round)
     * @param started         called when a replay starts (the pulse monitor starts measuring)
     */
    StoredRunOpener(RunViewModel vm, LiveUpdatePump pump, BackgroundTasks tasks, LabViews views, FileDialogs dialogs,
            DoubleSupplier secondsPerRound, Runnable started) {
        this.vm = vm;
        this.pump = pump;
        this.tasks = tasks;
        this.views = views;
        this.dialogs = dialogs;
        this.secondsPerRound = secondsPerRound;
        this.started = started;
        poll = new Timeline(new KeyFrame(Duration.seconds(2), e -> pollOpenedRun()));
        poll.setCycleCount(Timeline.INDEFINITE);
    }

    /** Forgets the run and group opened (a live run starts). */
    void forget() {
        stopPolling();
        openedGroup = null;
    }

    /**
     * Opens a stored run, or a group of runs shown as one result (a {@code *.group.json} file, a folder
     * holding one, or a sweep folder with {@code sweep.json}), read in the background.
     */
    void openRun(Path dir) {
        if (vm.busyProperty().get()) {
            vm.say("Stop the current run before opening another");
            return;
        }
        stopPolling();
        openedGroup = null;
        dialogs.rememberParentOf(dir);
        vm.loadingStored(dir);
        pump.discardPending();
        tasks.run("lth-open-run", () -> read(dir), opened -> show(dir, opened),
                e -> vm.startFailed("Cannot open " + dir + ": " + EngineLoader.reason(e), e.toString()));
    }

    /**
     * What was read for Open run…: a run with its reader, or the first run with finished rounds of a group.
     *
     * @param reader the run's reader (null for a group: a group is not polled)
     * @param group  the group, or null
     */
    private record Opened(StoredRunReader reader, RecordedRun run, List<StoredLmc.Curve> lmc, GroupViewModel group) {
    }

    /** Reads a run, or a group's runs (background task). */
    private static Opened read(Path dir) throws IOException {
        Optional<RunGroup> group = RunGroup.find(dir);
        if (group.isPresent()) {
            return readGroup(group.get());
        }
        StoredRunReader reader = StoredRunReader.open(dir);
        RecordedRun run = reader.snapshot();
        return new Opened(reader, run, StoredLmc.read(dir), null);
    }

    /** Reads a group's runs and its first run with finished rounds (background task). */
    private static Opened readGroup(RunGroup group) throws IOException {
        GroupViewModel g = GroupViewModel.load(group);
        RunGroup.Member first = null;
        for (RunGroup.Member m : group.members()) {
            if (Files.isRegularFile(m.dir().resolve("spec.json"))
                    && !org.lotterylab.api.store.SummaryCsv.read(m.dir().resolve("summary.csv")).rows().isEmpty()) {
                first = m;
                break;
            }
        }
        if (first == null) {
            throw new IOException("no run of " + group.title() + " has finished a round yet");
        }
        RecordedRun run = StoredRunReader.open(first.dir()).snapshot();
        return new Opened(null, run, StoredLmc.read(first.dir()), g);
    }

    /** Sends what was read through the pump as the events of an opened run (JavaFX thread). */
    private void show(Path source, Opened o) {
        shownRounds.clear();
        shownLmc.clear();
        List<RunEvent> events = new ArrayList<>(StoredRunEvents.opening(o.run()));
        events.addAll(events.size() - 1, newLmc(o.lmc()));
        if (o.group() != null) {
            openedGroup = source;
            events.add(events.size() - 1, new GroupEvents.Opened(o.group())); // before Loaded, which ends the opening
            events.forEach(pump::onEvent);
            return;
        }
        openedRun = o.reader();
        o.run().rounds().forEach(r -> shownRounds.add(StoredRunEvents.key(r)));
        events.forEach(pump::onEvent);
        if (!o.run().complete()) {
            poll.play();
        }
    }

    /** Re-reads the opened stored run (or group) and adds the rounds finished since. */
    void refresh() {
        if (openedGroup != null && !vm.busyProperty().get()) {
            openRun(openedGroup);
            return;
        }
        if (openedRun == null || vm.busyProperty().get()) {
            return;
        }
        pollOpenedRun();
    }

    /** Replays a stored run round by round at the speed of the replay slider. */
    void replayRun(Path dir) {
        if (vm.busyProperty().get()) {
            vm.say("Stop the current run before replaying another");
            return;
        }
        stopPolling();
        dialogs.rememberParentOf(dir);
        vm.say("Reading " + dir + " for the replay…");
        tasks.run("lth-open-replay", () -> new Replay(StoredRunReader.read(dir), StoredLmc.read(dir)), r -> {
            if (vm.busyProperty().get()) {
                return;
            }
            pump.discardPending();
            ReplayRunner replay = new ReplayRunner(r.run(), secondsPerRound, r.lmc());
            RunControl control = replay.start(pump);
            vm.started(RunViewModel.Activity.REPLAYING, control, r.run().spec());
            started.run();
        }, e -> vm.startFailed("Cannot replay " + dir + ": " + EngineLoader.reason(e), e.toString()));
    }

    /** A stored run read (for a replay, or again while it is open), with its LMC curves. */
    private record Replay(RecordedRun run, List<StoredLmc.Curve> lmc) {
    }

    /**
     * Reads the run shown again from disk and adds what other writers (the LMC and strong-ticket tabs, another
     * process) finished in its directory since: new rounds and LMC curves. Does nothing while a run is going.
     */
    void reloadRun() {
        Path dir = vm.runDirProperty().get();
        if (vm.busyProperty().get() || dir == null) {
            return;
        }
        if (openedRun == null || !openedRun.dir().equals(dir)) {
            try {
                openedRun = StoredRunReader.open(dir);
            } catch (IOException e) {
                vm.say("Could not re-read the run: " + EngineLoader.reason(e));
                return;
            }
            shownRounds.clear();
            for (org.lotterylab.api.run.RoundResult r : vm.results()) {
                shownRounds.add(r.branch().id() + "#" + r.round());
            }
        }
        pollOpenedRun();
    }

    private final Set<String> shownLmc = new HashSet<>();

    /** The stored LMC curves not shown yet (a curve is shown once per opened run). */
    private List<RunEvent> newLmc(List<StoredLmc.Curve> curves) {
        List<RunEvent> out = new ArrayList<>();
        for (StoredLmc.Curve c : curves) {
            String key = c.done().network() + "/" + c.done().k() + "/" + c.done().seedPair() + "/" + c.done().instability();
            if (shownLmc.add(key)) {
                out.add(c);
            }
        }
        return out;
    }

    void stopPolling() {
        poll.stop();
        openedRun = null;
    }

    private void pollOpenedRun() {
        StoredRunReader reader = openedRun;
        if (reader == null || vm.busyProperty().get() || !polling.compareAndSet(false, true)) {
            return;
        }
        tasks.run("lth-poll-run", () -> {
            try {
                return new Replay(reader.refresh(), StoredLmc.read(reader.dir()));
            } finally {
                polling.set(false);
            }
        }, polled -> {
            RecordedRun run = polled.run();
            if (openedRun != reader || vm.busyProperty().get()) {
                return;
            }
            List<RunEvent> events = new ArrayList<>(StoredRunEvents.newRounds(run, shownRounds));
            events.addAll(events.size() - 1, newLmc(polled.lmc()));
            run.rounds().forEach(r -> shownRounds.add(StoredRunEvents.key(r)));
            if (events.size() > 1) {
                events.forEach(pump::onEvent);
            }
            views.refreshStoredPoints(); // a supermask file written since (lth edge-popup --supermask)
            if (run.rounds().size() < shownRounds.size()) {
                vm.say("Re-reading " + reader.dir() + ": only " + run.rounds().size() + " of the "
                        + shownRounds.size() + " rounds shown can be read now (" + String.join("; ", run.warnings())
                        + "); the rounds on screen are kept");
            }
            if (run.complete()) {
                poll.stop();
            }
        }, e -> vm.say("Could not re-read the run: " + EngineLoader.reason(e)));
    }
}
