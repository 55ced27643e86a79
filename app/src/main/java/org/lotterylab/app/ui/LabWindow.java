package org.lotterylab.app.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.run.ExperimentRunner;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.Npy;
import org.lotterylab.api.store.NpyArray;
import org.lotterylab.api.store.Npz;
import org.lotterylab.visuals.Exports;
import org.lotterylab.visuals.Theme;

/**
 * The lab window: toolbar, caption line, experiment panel on the left, the views in a grid (or presentation
 * pages) in the centre, and a status
 * bar with the backend, the progress (round, iteration, time left) and messages. The window appears at once;
 * the engine loads in the background ({@link EngineLoader}) and Run waits for it. Engine events reach the
 * views through a {@link LiveUpdatePump}, at most one batch per frame, so the JavaFX thread never waits on
 * training. The action methods ({@link #run()}, {@link #openRun(Path)}, {@link #exportPng(Path)} ...) are
 * what the toolbar calls after its file choosers, and what tests and the launcher call directly.
 *
 * <p>Its parts: {@link LabToolbar} (the toolbar), {@link StatusBars} (error banner and status bar),
 * {@link StoryNavigator} (caption, pager, story keys), {@link GroupBar}, {@link ViewGrid} of {@link ViewPane}s,
 * {@link StoredRunOpener} (open, poll and replay stored runs) and {@link FileDialogs}; this class wires them,
 * starts runs and exports.
 */
public final class LabWindow {
    /** Stylesheet of the window's own controls. */
    public static final String STYLESHEET = "/org/lotterylab/app/ui/lab-window.css";

    /** With {@code -Dlth.lab.debug=true}, batches that hold the JavaFX thread over 20 ms are logged. */
    private static final boolean DEBUG = Boolean.getBoolean("lth.lab.debug");

    private final Stage stage;
    private final LabOptions options;
    private final ExperimentViewModel experiment;
    private final RunViewModel vm;
    private final LabViews views = new LabViews();
    private final LiveUpdatePump pump;
    private final BackgroundTasks tasks = BackgroundTasks.shared();
    private final PulseMonitor pulses = new PulseMonitor();
    private final BorderPane root = new BorderPane();
    private final ExperimentPanel panel;
    private final Scene scene;
    private final ViewGrid grid;
    private final CompletableFuture<EngineLoader.Loaded> engine;
    private final FileDialogs dialogs;
    private final LabToolbar toolbar;
    private final StatusBars statusBars;
    private final StoryNavigator story;
    private final GroupBar groupBar;
    private final StoredRunOpener opener;

    /**
     * Builds the window on {@code stage} and starts loading the engine from {@code engineSupplier} in the
     * background. Call {@link #show()} next.
     */
    public LabWindow(Stage stage, LabOptions options, Supplier<ExperimentRunner> engineSupplier) {
        this.stage = stage;
        this.options = options;
        this.experiment = new ExperimentViewModel(options.preset(), options.overrides(), Files::isDirectory);
        experiment.replicatesProperty().set(options.replicates());
        this.vm = new RunViewModel(experiment);
        vm.setSink(views);
        this.pump = new LiveUpdatePump(batch -> {
            if (DEBUG) {
                applyTimed(batch);
            } else {
                vm.apply(batch);
            }
            afterBatch();
        });
        pump.setDeferred(views.deferredWork());
        pump.setPreparer(views::prepare);
        this.panel = new ExperimentPanel(experiment);
        StagedDisable.bind(panel::parts, vm.busyProperty(), panel); // part by part: one frame never restyles it all
        this.grid = new ViewGrid(views, vm);
        this.dialogs = new FileDialogs(stage, options.outDir(), vm);
        this.toolbar = new LabToolbar(this, vm, dialogs, shown -> root.setLeft(shown ? panel : null));
        this.statusBars = new StatusBars(vm, pulses, stage);
        this.story = new StoryNavigator(vm, views, grid);
        this.groupBar = new GroupBar(views, () -> story.updateCaption());
        this.opener = new StoredRunOpener(vm, pump, tasks, views, dialogs, toolbar::replaySecondsPerRound, pulses::start);

        root.getStyleClass().add("lab-root");
        root.setTop(new VBox(toolbar.bar(), statusBars.errorBanner(), story.captionBar(), groupBar.node()));
        root.setLeft(panel);
        root.setCenter(grid);
        root.setBottom(statusBars.statusBar());
        root.getStylesheets().add(LabWindow.class.getResource(STYLESHEET).toExternalForm());

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // the whole screen up to 1920x1200 (a projector's 1280x720 as much as a desktop's 1920x1080)
        double w = Math.min(1920, screen.getWidth());
        double h = Math.min(1200, screen.getHeight());
        scene = new Scene(root, w, h);
        Theme.apply(scene, false);
        scene.getAccelerators().put(KeyCombination.keyCombination("F11"), () -> setPresentation(!isPresentation()));
        scene.getAccelerators().put(KeyCombination.keyCombination("F5"), () -> setPresentation(!isPresentation()));
        story.install(scene);
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+R"), this::run);
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+O"), this::chooseAndOpen);
        stage.setScene(scene);
        pulses.watchLayout(scene);
        // the stage, title bar included, fills the screen's visual bounds; a stage that showed another scene (TestFX
        // hands every test the same one) would otherwise keep its old size and hand it to this scene
        stage.setWidth(w);
        stage.setHeight(h);
        stage.centerOnScreen();
        stage.setTitle("Lottery Ticket Lab");
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> shutdown());

        vm.addEndListener(outcome -> {
            pulses.stop();
            statusBars.updatePulseTooltip();
        });
        pulses.maxGapMillisProperty().addListener((obs, o, n) -> statusBars.updatePulseTooltip());

        Timeline watchdog = new Timeline(new KeyFrame(Duration.seconds(1), e -> checkRunnerAlive()));
        watchdog.setCycleCount(Timeline.INDEFINITE);
        watchdog.play();

        BackgroundPriority.shared(); // the trainings yield the CPU to the JavaFX and render threads
        engine = EngineLoader.load(engineSupplier, tasks, loaded -> vm.engineLoaded(loaded.backend()),
                error -> vm.engineFailed(EngineLoader.reason(error)));
        if (options.presentation()) {
            setPresentation(true);
        }
    }

    /** What a batch of events changes beside the views: the caption and the group bar. */
    private void afterBatch() {
        story.updateCaption();
        groupBar.sync();
    }

    /** Shows the window. */
    public void show() {
        ViewWarmUp.compileLoops(tasks);
        ViewWarmUp.run(LabWindow.class.getResource(STYLESHEET).toExternalForm());
        ViewWarmUp.disabledLook(panel);
        stage.show();
        stage.toFront();
        PulseMonitor.watchCharts(stage.getScene().getRoot());
    }

    // ------------------------------------------------------------------ actions

    /** Starts the experiment of the panel on the engine; does nothing when Run is disabled. */
    public void run() {
        if (!vm.canRunProperty().get()) {
            return;
        }
        ExperimentSpec spec = experiment.spec();
        EngineLoader.Loaded loaded = engine.getNow(null);
        if (spec == null || loaded == null) {
            return;
        }
        opener.forget();
        pump.discardPending();
        if (experiment.replicates() > 1) {
            runReplicates(spec, loaded, experiment.replicates());
            return;
        }
        try {
            // the engine's threads start niced: they never compete with the pulse that greys the panel
            RunControl control = BackgroundPriority.shared().startNiced(
                    () -> loaded.runner().start(spec, options.outDir(), pump));
            vm.started(RunViewModel.Activity.RUNNING, control, spec);
            pulses.start();
        } catch (RuntimeException e) {
            vm.startFailed("The run could not start: " + EngineLoader.reason(e), e.toString());
        }
    }

    /**
     * Starts {@code n} replicates of {@code spec} (seeds seed .. seed + n - 1, each the ordinary run of its
     * seed) through {@link org.lotterylab.engine.replicate.ReplicateRunner}, {@link LabOptions#parallel()}
     * at once with one compute thread each; the views show the first replicate, the accuracy plot and the
     * LMC view every replicate's rounds as they land.
     */
    private void runReplicates(ExperimentSpec spec, EngineLoader.Loaded loaded, int n) {
        org.lotterylab.api.store.ReplicateGroup g = org.lotterylab.api.store.ReplicateGroup.of(spec, n);
        GroupViewModel group = new GroupViewModel(RunGroup.of(g, options.outDir()));
        try {
            ExperimentRunner single = EngineLoader.singleThreaded(loaded.runner());
            LiveGroupListener listener = new LiveGroupListener(pump, group);
            RunControl control = BackgroundPriority.shared().startNiced(() -> new org.lotterylab.engine.replicate
                    .ReplicateRunner(single::start, options.parallel()).start(g, options.outDir(), listener));
            vm.started(RunViewModel.Activity.RUNNING, control, spec, n);
            vm.say("Running " + n + " replicates (seeds " + spec.seed() + ".." + (spec.seed() + n - 1) + "), "
                    + options.parallel() + " at once; group file " + g.fileName());
            pulses.start();
        } catch (IOException | RuntimeException e) {
            vm.startFailed("The replicates could not start: " + EngineLoader.reason(e), e.toString());
        }
    }

    /**
     * Opens a stored run, or a group of runs shown as one result (a {@code *.group.json} file, a folder
     * holding one, or a sweep folder with {@code sweep.json}), read in the background.
     */
    public void openRun(Path dir) {
        opener.openRun(dir);
    }

    /** Re-reads the opened stored run (or group) and adds the rounds finished since. */
    public void refresh() {
        opener.refresh();
    }

    /** Replays a stored run round by round at the speed of the replay slider. */
    public void replayRun(Path dir) {
        opener.replayRun(dir);
    }

    /**
     * Reads the run shown again from disk and adds what other writers (the LMC and strong-ticket tabs, another
     * process) finished in its directory since: new rounds and LMC curves. Does nothing while a run is going.
     */
    public void reloadRun() {
        opener.reloadRun();
    }

    /** Saves the selected view as PNG. */
    public void exportPng(Path file) throws IOException {
        Exports.savePng(grid.selected().content(), file);
        vm.say("Saved " + grid.selected().title() + " as " + file);
    }

    /** Saves the data behind the selected view as CSV. */
    public void exportCsv(Path file) throws IOException {
        Exports.saveText(file, grid.selected().csv().get());
        vm.say("Saved the data of " + grid.selected().title() + " as " + file);
    }

    /** Saves the heatmap's selected mask as {@code .npy} or, for any other ending, {@code .npz}. */
    public void exportMask(Path file) throws IOException {
        Optional<Mask> mask = views.heatmap().selectedMask();
        if (mask.isEmpty()) {
            throw new IOException("no mask is shown: run or open an experiment and pick a layer in the heatmap");
        }
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
            Npy.write(file, NpyArray.of(mask.get()));
        } else {
            Npz.writeMasks(file, List.of(mask.get()));
        }
        vm.say("Saved the mask of " + mask.get().name() + " as " + file);
    }

    /** Saves a PNG of the whole window. */
    public void screenshot(Path file) throws IOException {
        Exports.savePng(root, file);
    }

    /** Presentation mode: large fonts, high contrast, no experiment panel, full screen. */
    public void setPresentation(boolean on) {
        toolbar.presentationToggle().setSelected(on);
        Theme.apply(scene, on);
        root.getStyleClass().remove("presentation");
        if (on) {
            root.getStyleClass().add("presentation");
        }
        toolbar.panelToggle().setSelected(!on);
        if (on && FIRST_PAGE != null) {
            grid.select(FIRST_PAGE); // pages open on the selected pane
        }
        grid.setPresentation(on);
        stage.setFullScreenExitHint("");
        stage.setFullScreen(on);
    }

    /**
     * With {@code -Dlth.lab.page=lmc} (a pane id), presentation mode opens on the page of that pane: for
     * screenshots of a chosen page.
     */
    private static final String FIRST_PAGE = System.getProperty("lth.lab.page");


    /** Whether presentation mode is on. */
    public boolean isPresentation() {
        return toolbar.presentationToggle().isSelected();
    }

    /** The caption line: what the data on screen shows. */
    public String caption() {
        return story.caption();
    }

    /**
     * The round the story is at: the heatmap's round (arrow keys move it), which the LMC view draws bold.
     * Moves to {@code round} (clamped to the finished rounds).
     */
    public void showRound(int round) {
        story.showRound(round);
    }

    /**
     * Runs {@code action} once the window has been shown and painted a few frames, so that the first layout
     * and paint of a fresh window do not count against a run's smoothness.
     */
    public void afterFirstFrames(Runnable action) {
        new javafx.animation.AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (stage.isShowing() && ++frames >= 5) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }

    /** Cancels a run or replay and stops polling; called when the window closes. */
    public void shutdown() {
        opener.stopPolling();
        pulses.stop();
        RunControl c = vm.control();
        if (c != null && !c.isDone()) {
            c.cancel();
            c.resume();
        }
    }

    /**
     * Adds a view beside the IMP grid (for example the linear-mode-connectivity or strong-ticket panes): the
     * centre becomes a tab pane whose first tab is the grid. Returns the new tab.
     */
    public javafx.scene.control.Tab addTab(String title, Node content) {
        if (tabs == null) {
            tabs = new javafx.scene.control.TabPane();
            tabs.setId("labTabs");
            tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
            javafx.scene.control.Tab imp = new javafx.scene.control.Tab("Iterative pruning", grid);
            imp.setId("tab-imp");
            tabs.getTabs().add(imp);
            root.setCenter(tabs);
        }
        javafx.scene.control.Tab tab = new javafx.scene.control.Tab(title, content);
        tabs.getTabs().add(tab);
        return tab;
    }

    private javafx.scene.control.TabPane tabs;

    /**
     * Adds the linear-mode-connectivity and strong-ticket tabs, made to follow the run in front of the user:
     * whenever a run starts, is opened or replayed, or ends, they are offered its directory (its dense network
     * and tickets, without typing a path), and whatever they finish in that directory is read back into the
     * IMP dashboard (LMC curves into the LMC view, edge-popup points onto the accuracy plot).
     */
    public void addFollowingTabs(org.lotterylab.app.ui.lmc.LmcPane lmc, org.lotterylab.app.ui.strong.StrongTicketPane strong) {
        javafx.scene.control.Tab lt = addTab("Linear mode connectivity", lmc);
        lt.setId("tab-lmc");
        javafx.scene.control.Tab st = addTab("Strong tickets (edge-popup)", strong);
        st.setId("tab-strong");
        Runnable follow = () -> {
            Path dir = vm.runDirProperty().get();
            ExperimentSpec spec = vm.runSpec();
            if (dir != null && spec != null) {
                lmc.followRun(dir, vm.rounds(org.lotterylab.api.spec.Branch.TICKET));
                strong.followRun(dir, spec);
            }
        };
        vm.runDirProperty().addListener((obs, o, n) -> follow.run());
        vm.addEndListener(outcome -> follow.run());
        lmc.runningProperty().addListener((obs, was, now) -> {
            if (was && !now) {
                reloadRun();
            }
        });
        strong.runningProperty().addListener((obs, was, now) -> {
            if (was && !now) {
                reloadRun();
            }
        });
    }

    // ------------------------------------------------------------------ accessors

    /** The options the window was opened with (output folder, threads ...). */
    public LabOptions options() {
        return options;
    }

    /** The stage. */
    public Stage stage() {
        return stage;
    }

    /** The scene. */
    public Scene scene() {
        return scene;
    }

    /** The run and engine state. */
    public RunViewModel runViewModel() {
        return vm;
    }

    /** The experiment panel's state. */
    public ExperimentViewModel experimentViewModel() {
        return experiment;
    }

    /** The views. */
    public LabViews views() {
        return views;
    }

    /** The view grid (selection and maximising). */
    public ViewGrid grid() {
        return grid;
    }

    /** The pulse-gap monitor of the current or last run. */
    public PulseMonitor pulseMonitor() {
        return pulses;
    }

    /** The replay speed slider (seconds per round). */
    public Slider replaySpeed() {
        return toolbar.replaySpeed();
    }

    /** The bar shown above the views while a group is shown (tests). */
    public HBox groupBar() {
        return groupBar.node();
    }

    /** Whether events are still waiting to reach the views. */
    public boolean hasPendingEvents() {
        return pump.hasPending();
    }

    // ------------------------------------------------------------------ helpers

    private int silentTicks;

    /** A runner whose thread died without a last event must not leave the window "running" forever. */
    private void checkRunnerAlive() {
        RunViewModel.Activity a = vm.activityProperty().get();
        RunControl c = vm.control();
        if ((a == RunViewModel.Activity.RUNNING || a == RunViewModel.Activity.REPLAYING) && c != null && c.isDone()
                && !pump.hasPending()) {
            if (++silentTicks >= 3) {
                silentTicks = 0;
                vm.apply(List.of(new RunEvent.RunFailed(
                        "The engine stopped without reporting the end of the run (see the console for details)", "")));
            }
        } else {
            silentTicks = 0;
        }
    }

    private void applyTimed(List<RunEvent> batch) {
        long t0 = System.nanoTime();
        vm.apply(batch);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
        batch.forEach(e -> kinds.merge(e.getClass().getSimpleName(), 1, Integer::sum));
        PulseMonitor.debugWork("batch" + kinds.keySet(), System.nanoTime() - t0);
        if (ms > 20) {
            System.err.println("lab-debug: batch of " + batch.size() + " events took " + ms + " ms " + kinds);
        }
    }

    /** Asks for a stored run's folder and opens it (Open run… and Ctrl+O). */
    void chooseAndOpen() {
        if (vm.busyProperty().get()) {
            return;
        }
        File dir = dialogs.chooseDirectory("Open a stored run");
        if (dir != null) {
            openRun(dir.toPath());
        }
    }
}
