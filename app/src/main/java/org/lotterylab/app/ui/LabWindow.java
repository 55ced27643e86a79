package org.lotterylab.app.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
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
    private final ToggleButton presentationToggle = new ToggleButton("Presentation");
    private final ToggleButton panelToggle = new ToggleButton("Experiment panel");
    private final Slider replaySpeed = new Slider(0.5, 5, 1.5);
    private volatile double replaySecondsPerRound = 1.5;
    private final CompletableFuture<EngineLoader.Loaded> engine;
    private final Timeline poll;
    private final AtomicBoolean polling = new AtomicBoolean();
    private StoredRunReader openedRun;
    private Path openedGroup;
    private final HBox groupBar = new HBox(10);
    private GroupViewModel barGroup;
    private final Set<String> shownRounds = new HashSet<>();
    private Path lastDir;

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
            updateCaption();
            syncGroupBar();
        });
        pump.setDeferred(views.deferredWork());
        this.panel = new ExperimentPanel(experiment);
        panel.disableProperty().bind(vm.busyProperty());
        this.grid = new ViewGrid(views, vm);

        root.getStyleClass().add("lab-root");
        root.setTop(new VBox(toolbar(), errorBanner(), captionBar(), groupBar));
        groupBar.setId("groupBar");
        groupBar.getStyleClass().add("lab-toolbar");
        groupBar.setAlignment(Pos.CENTER_LEFT);
        groupBar.setPadding(new Insets(3, 10, 3, 10));
        groupBar.setVisible(false);
        groupBar.setManaged(false);
        root.setLeft(panel);
        root.setCenter(grid);
        root.setBottom(statusBar());
        root.getStylesheets().add(LabWindow.class.getResource(STYLESHEET).toExternalForm());

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // the whole screen up to 1920x1200 (a projector's 1280x720 as much as a desktop's 1920x1080)
        double w = Math.min(1920, screen.getWidth());
        double h = Math.min(1200, screen.getHeight());
        scene = new Scene(root, w, h);
        Theme.apply(scene, false);
        scene.getAccelerators().put(KeyCombination.keyCombination("F11"), () -> setPresentation(!presentationToggle.isSelected()));
        scene.getAccelerators().put(KeyCombination.keyCombination("F5"), () -> setPresentation(!presentationToggle.isSelected()));
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::storyKeys);
        grid.pagedProperty().addListener((obs, o, n) -> updateCaption());
        views.lmc().focusRoundProperty().addListener((obs, o, n) -> updateCaption());
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+R"), this::run);
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+O"), this::chooseAndOpen);
        stage.setScene(scene);
        stage.setTitle("Lottery Ticket Lab");
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> shutdown());

        vm.addEndListener(outcome -> {
            pulses.stop();
            updatePulseTooltip();
        });
        pulses.maxGapMillisProperty().addListener((obs, o, n) -> updatePulseTooltip());

        poll = new Timeline(new KeyFrame(Duration.seconds(2), e -> pollOpenedRun()));
        poll.setCycleCount(Timeline.INDEFINITE);
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

    /** Shows the window. */
    public void show() {
        stage.show();
        stage.toFront();
        afterFirstFrames(() -> ViewWarmUp.start(LabWindow.class.getResource(STYLESHEET).toExternalForm()));
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
        stopPolling();
        openedGroup = null;
        pump.discardPending();
        if (experiment.replicates() > 1) {
            runReplicates(spec, loaded, experiment.replicates());
            return;
        }
        try {
            RunControl control = loaded.runner().start(spec, options.outDir(), pump);
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
            RunControl control = new org.lotterylab.engine.replicate.ReplicateRunner(single::start, options.parallel())
                    .start(g, options.outDir(), new LiveGroupListener(pump, group));
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
        if (vm.busyProperty().get()) {
            vm.say("Stop the current run before opening another");
            return;
        }
        stopPolling();
        openedGroup = null;
        lastDir = dir.toAbsolutePath().getParent();
        vm.loadingStored(dir);
        pump.discardPending();
        background("lth-open-run", () -> {
            Optional<RunGroup> group = RunGroup.find(dir);
            if (group.isPresent()) {
                openGroup(dir, group.get());
                return;
            }
            StoredRunReader reader = StoredRunReader.open(dir);
            RecordedRun run = reader.snapshot();
            List<StoredLmc.Curve> lmc = StoredLmc.read(dir);
            Platform.runLater(() -> {
                openedRun = reader;
                shownRounds.clear();
                shownLmc.clear();
                run.rounds().forEach(r -> shownRounds.add(StoredRunEvents.key(r)));
                List<RunEvent> events = new java.util.ArrayList<>(StoredRunEvents.opening(run));
                events.addAll(events.size() - 1, newLmc(lmc));
                events.forEach(pump::onEvent);
                if (!run.complete()) {
                    poll.play();
                }
            });
        }, e -> vm.startFailed("Cannot open " + dir + ": " + EngineLoader.reason(e), e.toString()));
    }

    /** Reads a group's runs (off the FX thread), then shows its first run with finished rounds and the group. */
    private void openGroup(Path source, RunGroup group) throws IOException {
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
        List<StoredLmc.Curve> lmc = StoredLmc.read(first.dir());
        Platform.runLater(() -> {
            openedGroup = source;
            shownRounds.clear();
            shownLmc.clear();
            List<RunEvent> events = new java.util.ArrayList<>(StoredRunEvents.opening(run));
            events.addAll(events.size() - 1, newLmc(lmc));
            events.add(events.size() - 1, new GroupEvents.Opened(g)); // before Loaded, which ends the opening
            events.forEach(pump::onEvent);
        });
    }

    /** Re-reads the opened stored run (or group) and adds the rounds finished since. */
    public void refresh() {
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
    public void replayRun(Path dir) {
        if (vm.busyProperty().get()) {
            vm.say("Stop the current run before replaying another");
            return;
        }
        stopPolling();
        lastDir = dir.toAbsolutePath().getParent();
        vm.say("Reading " + dir + " for the replay…");
        background("lth-open-replay", () -> {
            RecordedRun run = StoredRunReader.read(dir);
            List<StoredLmc.Curve> lmc = StoredLmc.read(dir);
            Platform.runLater(() -> {
                if (vm.busyProperty().get()) {
                    return;
                }
                pump.discardPending();
                ReplayRunner replay = new ReplayRunner(run, () -> replaySecondsPerRound, lmc);
                RunControl control = replay.start(pump);
                vm.started(RunViewModel.Activity.REPLAYING, control, run.spec());
                pulses.start();
            });
        }, e -> vm.startFailed("Cannot replay " + dir + ": " + EngineLoader.reason(e), e.toString()));
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
        presentationToggle.setSelected(on);
        Theme.apply(scene, on);
        root.getStyleClass().remove("presentation");
        if (on) {
            root.getStyleClass().add("presentation");
        }
        panelToggle.setSelected(!on);
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
        return presentationToggle.isSelected();
    }

    /** The caption line: what the data on screen shows. */
    public String caption() {
        return captionLabel.getText();
    }

    /**
     * The round the story is at: the heatmap's round (arrow keys move it), which the LMC view draws bold.
     * Moves to {@code round} (clamped to the finished rounds).
     */
    public void showRound(int round) {
        int max = vm.maxRoundProperty().get();
        if (max < 0) {
            return;
        }
        int r = Math.max(0, Math.min(max, round));
        org.lotterylab.api.spec.Branch b = views.heatmap().branchProperty().get();
        if (b != null && vm.result(b, r) != null) {
            views.heatmap().showRound(b, r);
        }
        views.lmc().setFocusRound(r);
        focusRound = r >= max ? -1 : r;
        updateCaption();
    }

    private int focusRound = -1;
    private final Label captionLabel = new Label();
    private final Label pageLabel = new Label();

    private int storyRound() {
        return focusRound >= 0 ? focusRound : vm.maxRoundProperty().get();
    }

    private void updateCaption() {
        String text = StoryCaption.of(vm.results(), views.lmc().model(), storyRound());
        if (!text.isEmpty() && views.group() != null && vm.runSpec() != null) {
            // the caption reads the run the other views show, not the group's means
            text = "seed " + vm.runSpec().seed() + " (one run of the group): " + text;
        }
        captionLabel.setText(text.isEmpty() ? "Run an experiment or open a stored run: the caption states what the data shows" : text);
        pageLabel.setText(grid.panesPerPage() == 0 ? ""
                : String.format(Locale.ROOT, "%d/%d", grid.pageProperty().get() + 1, grid.pageCount()));
    }

    private Node captionBar() {
        captionLabel.setId("storyCaption");
        captionLabel.getStyleClass().add("story-caption");
        captionLabel.setMaxWidth(Double.MAX_VALUE);
        captionLabel.setMinWidth(0);
        captionLabel.setWrapText(true);
        HBox.setHgrow(captionLabel, Priority.ALWAYS);
        pageLabel.setId("pageLabel");
        pageLabel.getStyleClass().add("page-label");
        pageLabel.setMinWidth(Region.USE_PREF_SIZE);
        Button prev = new Button("◀");
        prev.setId("previousPage");
        prev.setTooltip(new Tooltip("Previous page (Page Up)"));
        pageLabel.setTooltip(new Tooltip("Presentation pages: Page Up / Page Down; arrows: previous / next round; space: pause"));
        prev.setOnAction(e -> {
            grid.previousPage();
            updateCaption();
        });
        Button next = new Button("▶");
        next.setId("nextPage");
        next.setTooltip(new Tooltip("Next page (Page Down)"));
        next.setOnAction(e -> {
            grid.nextPage();
            updateCaption();
        });
        HBox pager = new HBox(4, prev, pageLabel, next);
        pager.setAlignment(Pos.CENTER_LEFT);
        pager.visibleProperty().bind(grid.pagedProperty().greaterThan(0));
        pager.managedProperty().bind(pager.visibleProperty());
        HBox bar = new HBox(10, pager, captionLabel);
        bar.setId("captionBar");
        bar.getStyleClass().add("caption-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 10, 3, 10));
        updateCaption();
        return bar;
    }

    /** Space: pause/resume; left/right: previous/next round; Page Up/Down: presentation pages. */
    private void storyKeys(javafx.scene.input.KeyEvent e) {
        Node focus = scene.getFocusOwner();
        boolean typing = focus instanceof javafx.scene.control.TextInputControl
                || focus instanceof javafx.scene.control.ComboBoxBase<?> || focus instanceof javafx.scene.control.Spinner<?>;
        boolean arrowsTaken = typing || focus instanceof Slider;
        switch (e.getCode()) {
            case SPACE -> {
                if (!typing && (vm.activityProperty().get() == RunViewModel.Activity.RUNNING
                        || vm.activityProperty().get() == RunViewModel.Activity.REPLAYING)) {
                    vm.togglePause();
                    e.consume();
                }
            }
            case LEFT, RIGHT -> {
                if (!arrowsTaken && !e.isShortcutDown()) {
                    showRound(storyRound() + (e.getCode() == KeyCode.LEFT ? -1 : 1));
                    e.consume();
                }
            }
            case PAGE_UP, PAGE_DOWN -> {
                if (grid.panesPerPage() > 0 && !typing) {
                    if (e.getCode() == KeyCode.PAGE_UP) {
                        grid.previousPage();
                    } else {
                        grid.nextPage();
                    }
                    updateCaption();
                    e.consume();
                }
            }
            default -> { }
        }
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
        stopPolling();
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

    /**
     * Reads the run shown again from disk and adds what other writers (the LMC and strong-ticket tabs, another
     * process) finished in its directory since: new rounds and LMC curves. Does nothing while a run is going.
     */
    public void reloadRun() {
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
        return replaySpeed;
    }

    /** Whether events are still waiting to reach the views. */
    public boolean hasPendingEvents() {
        return pump.hasPending();
    }

    // ------------------------------------------------------------------ building

    private ToolBar toolbar() {
        Button run = button("Run", "runButton", "Start the experiment (Ctrl+R)");
        run.getStyleClass().add("run-button");
        run.setDefaultButton(false);
        run.disableProperty().bind(vm.canRunProperty().not());
        run.setOnAction(e -> run());

        Button pause = button("Pause", "pauseButton", "Pause after the current iteration; views stay live");
        pause.textProperty().bind(Bindings.when(vm.pausedProperty()).then("Resume").otherwise("Pause"));
        pause.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.activityProperty().get() != RunViewModel.Activity.RUNNING
                && vm.activityProperty().get() != RunViewModel.Activity.REPLAYING, vm.activityProperty()));
        pause.setOnAction(e -> vm.togglePause());

        Button stop = button("Stop", "stopButton", "Stop after the current iteration; finished rounds stay on disk");
        stop.disableProperty().bind(pause.disableProperty());
        stop.setOnAction(e -> vm.stop());

        Button open = button("Open run…", "openButton",
                "Open a stored run directory, or a folder holding one group file or a sweep (Ctrl+O)");
        open.disableProperty().bind(vm.busyProperty());
        open.setOnAction(e -> chooseAndOpen());

        Button openGroup = button("Open group…", "openGroupButton",
                "Open a replicate group (*.group.json) or a sweep (sweep.json) as one result: means with error bars");
        openGroup.disableProperty().bind(vm.busyProperty());
        openGroup.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open a replicate group or a sweep");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Group file or sweep index",
                    "*" + org.lotterylab.api.store.ReplicateGroup.SUFFIX, RunGroup.SWEEP_JSON));
            Path start = lastDir != null && Files.isDirectory(lastDir) ? lastDir
                    : Files.isDirectory(options.outDir()) ? options.outDir() : null;
            if (start != null) {
                chooser.setInitialDirectory(start.toFile());
            }
            File f = chooser.showOpenDialog(stage);
            if (f != null) {
                openRun(f.toPath());
            }
        });

        Button refresh = button("Refresh", "refreshButton", "Read the opened run again (it is also re-read every 2 s while incomplete)");
        refresh.disableProperty().bind(vm.busyProperty());
        refresh.setOnAction(e -> refresh());

        Button replay = button("Replay…", "replayButton", "Replay a stored run round by round, as if live");
        replay.disableProperty().bind(vm.busyProperty());
        replay.setOnAction(e -> {
            File dir = chooseDirectory("Replay a stored run");
            if (dir != null) {
                replayRun(dir.toPath());
            }
        });
        replaySpeed.setId("replaySpeed");
        replaySpeed.setPrefWidth(110);
        replaySpeed.setMajorTickUnit(1.5);
        replaySpeed.setBlockIncrement(0.5);
        replaySpeed.valueProperty().addListener((obs, o, n) -> replaySecondsPerRound = n.doubleValue());
        replaySecondsPerRound = replaySpeed.getValue();
        Label speed = new Label();
        speed.getStyleClass().add("toolbar-note");
        speed.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%.1f s/round", replaySpeed.getValue()), replaySpeed.valueProperty()));
        replaySpeed.setTooltip(new Tooltip("Replay speed: seconds per round (0.5 to 5)"));

        Button png = button("Export PNG", "exportPngButton", "Save the selected view as a PNG image");
        png.setOnAction(e -> chooseAndSave("Export the selected view as PNG", "view.png",
                new FileChooser.ExtensionFilter("PNG image", "*.png"), this::exportPng));
        Button csv = button("Export CSV", "exportCsvButton", "Save the data behind the selected view as CSV");
        csv.setOnAction(e -> chooseAndSave("Export the data of the selected view", "view.csv",
                new FileChooser.ExtensionFilter("CSV table", "*.csv"), this::exportCsv));
        Button mask = button("Export mask", "exportMaskButton", "Save the heatmap's selected mask as .npy or .npz");
        mask.setOnAction(e -> chooseAndSave("Export the selected mask", "mask.npz",
                new FileChooser.ExtensionFilter("NumPy archive or array", "*.npz", "*.npy"), this::exportMask));

        presentationToggle.setId("presentationToggle");
        presentationToggle.setTooltip(new Tooltip(
                "Large fonts and high contrast for a projector, full screen, views in pages (F5 or F11; Page Up/Down turns pages)"));
        presentationToggle.setOnAction(e -> setPresentation(presentationToggle.isSelected()));

        panelToggle.setId("panelToggle");
        panelToggle.setSelected(true);
        panelToggle.setTooltip(new Tooltip("Show or hide the experiment panel"));
        panelToggle.selectedProperty().addListener((obs, o, n) -> root.setLeft(n ? panel : null));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(run, pause, stop, new Separator(), open, openGroup, refresh, replay, replaySpeed, speed,
                new Separator(), png, csv, mask, spacer, panelToggle, presentationToggle);
        bar.setId("labToolbar");
        return bar;
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private Node errorBanner() {
        Label message = new Label();
        message.setId("errorMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.errorMessageProperty());
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        Button details = new Button("Details…");
        details.setId("errorDetails");
        details.visibleProperty().bind(vm.errorDetailProperty().isNotEmpty());
        details.managedProperty().bind(details.visibleProperty());
        details.setOnAction(e -> {
            Alert a = new Alert(Alert.AlertType.ERROR, "", ButtonType.CLOSE);
            a.initOwner(stage);
            a.setHeaderText(vm.errorMessageProperty().get());
            TextArea text = new TextArea(vm.errorDetailProperty().get());
            text.setEditable(false);
            text.setWrapText(true);
            a.getDialogPane().setContent(text);
            a.show();
        });
        Button close = new Button("✕");
        close.setId("errorClose");
        close.setTooltip(new Tooltip("Hide this message"));
        close.setOnAction(e -> vm.clearError());
        Label icon = new Label("⚠");
        icon.getStyleClass().add("banner-icon");
        HBox banner = new HBox(10, icon, message, details, close);
        banner.setId("errorBanner");
        banner.getStyleClass().add("error-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(6, 10, 6, 10));
        banner.visibleProperty().bind(vm.errorMessageProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private Node statusBar() {
        Label backend = new Label();
        backend.setId("backendLabel");
        backend.getStyleClass().add("backend-label");
        backend.textProperty().bind(vm.backendTextProperty());
        backend.setMinWidth(Region.USE_PREF_SIZE);
        ProgressBar bar = new ProgressBar(0);
        bar.setId("progressBar");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.busyProperty().or(vm.progressProperty().greaterThan(0)));
        Label progress = new Label();
        progress.setId("progressLabel");
        progress.getStyleClass().add("progress-label");
        progress.textProperty().bind(vm.progressTextProperty());
        progress.setMinWidth(Region.USE_PREF_SIZE);
        Label message = new Label();
        message.setId("statusMessage");
        message.textProperty().bind(vm.statusMessageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        Tooltip messageTip = new Tooltip();
        messageTip.textProperty().bind(vm.statusMessageProperty());
        messageTip.setWrapText(true);
        messageTip.setMaxWidth(600);
        message.setTooltip(messageTip);
        Label blocked = new Label();
        blocked.setId("runBlockedLabel");
        blocked.getStyleClass().add("run-blocked");
        blocked.textProperty().bind(vm.runBlockedReasonProperty());
        blocked.visibleProperty().bind(vm.runBlockedReasonProperty().isNotEmpty());
        blocked.managedProperty().bind(blocked.visibleProperty());
        blocked.setMaxWidth(520);
        // waiting for the engine is not a mistake: grey, not red
        vm.runBlockedReasonProperty().addListener((obs, o, n) -> markWaiting(blocked));
        vm.engineStateProperty().addListener((obs, o, n) -> markWaiting(blocked));
        markWaiting(blocked);
        Label pulse = new Label();
        pulse.setId("pulseLabel");
        pulse.getStyleClass().add("pulse-label");
        pulse.textProperty().bind(Bindings.createStringBinding(() -> pulses.maxGapMillisProperty().get() <= 0 ? ""
                : String.format(Locale.ROOT, "max frame gap %.0f ms", pulses.maxGapMillisProperty().get()),
                pulses.maxGapMillisProperty()));
        pulse.setMinWidth(Region.USE_PREF_SIZE);
        HBox status = new HBox(12, backend, new Separator(javafx.geometry.Orientation.VERTICAL), bar, progress,
                new Separator(javafx.geometry.Orientation.VERTICAL), blocked, message, pulse);
        status.setId("statusBar");
        status.getStyleClass().add("status-bar");
        status.setAlignment(Pos.CENTER_LEFT);
        status.setPadding(new Insets(5, 10, 5, 10));
        Tooltip tip = new Tooltip();
        tip.setId("pulseTooltip");
        this.statusTip = tip;
        Tooltip.install(status, tip);
        Tooltip.install(bar, tip);
        updatePulseTooltip();
        return status;
    }

    private Tooltip statusTip;

    private void markWaiting(Label blocked) {
        blocked.getStyleClass().remove("waiting");
        if (!vm.runBlockedReasonProperty().get().startsWith("Cannot run")) {
            blocked.getStyleClass().add("waiting");
        }
    }

    private void updatePulseTooltip() {
        if (statusTip == null) {
            return;
        }
        double ms = pulses.maxGapMillis();
        statusTip.setText(pulses.pulses() == 0
                ? "Longest gap between JavaFX pulses: measured during runs and replays"
                : String.format(Locale.ROOT, "Longest gap between JavaFX pulses during the last run: %.1f ms over %d pulses"
                        + " (under 50 ms: the window never froze)", ms, pulses.pulses()));
    }

    // ------------------------------------------------------------------ group bar

    /**
     * The bar above the views while a group is shown: what it is and, for a sweep, a check box per grid
     * field to group by (one curve per group; the other fields and the seeds give the error bars).
     */
    private void syncGroupBar() {
        GroupViewModel g = views.group();
        if (g == barGroup) {
            return;
        }
        barGroup = g;
        groupBar.getChildren().clear();
        groupBar.setVisible(g != null);
        groupBar.setManaged(g != null);
        if (g == null) {
            return;
        }
        Label title = new Label(g.group().title());
        title.setId("groupTitle");
        title.getStyleClass().add("lab-stats");
        groupBar.getChildren().add(title);
        if (!g.axes().isEmpty()) {
            groupBar.getChildren().add(new Label("group by:"));
            for (String axis : g.axes()) {
                javafx.scene.control.CheckBox box = new javafx.scene.control.CheckBox(axis);
                box.setId("groupBy-" + axis);
                box.setSelected(g.groupBy().contains(axis));
                box.selectedProperty().addListener((obs, o, n) -> {
                    List<String> chosen = new java.util.ArrayList<>();
                    for (Node c : groupBar.getChildren()) {
                        if (c instanceof javafx.scene.control.CheckBox cb && cb.isSelected()) {
                            chosen.add(cb.getText());
                        }
                    }
                    g.setGroupBy(chosen);
                    views.regroup();
                    updateCaption();
                });
                groupBar.getChildren().add(box);
            }
        }
        Label note = new Label(g.byK() ? "LMC: instability vs rewinding iteration k, spread over the other runs"
                : "curves: mean over the runs of each group, error bars as chosen on the accuracy plot");
        note.getStyleClass().add("toolbar-note");
        groupBar.getChildren().add(note);
    }

    /** The bar shown above the views while a group is shown (tests). */
    public HBox groupBar() {
        return groupBar;
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
        if (ms > 20) {
            java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
            batch.forEach(e -> kinds.merge(e.getClass().getSimpleName(), 1, Integer::sum));
            System.err.println("lab-debug: batch of " + batch.size() + " events took " + ms + " ms " + kinds);
        }
    }

    private void chooseAndOpen() {
        if (vm.busyProperty().get()) {
            return;
        }
        File dir = chooseDirectory("Open a stored run");
        if (dir != null) {
            openRun(dir.toPath());
        }
    }

    private File chooseDirectory(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        Path start = lastDir != null && Files.isDirectory(lastDir) ? lastDir
                : Files.isDirectory(options.outDir()) ? options.outDir() : null;
        if (start != null) {
            chooser.setInitialDirectory(start.toFile());
        }
        return chooser.showDialog(stage);
    }

    /** Saving action with a file chooser. */
    @FunctionalInterface
    private interface Saver {
        void save(Path file) throws IOException;
    }

    private void chooseAndSave(String title, String name, FileChooser.ExtensionFilter filter, Saver saver) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(filter);
        chooser.setInitialFileName(name);
        if (lastDir != null && Files.isDirectory(lastDir)) {
            chooser.setInitialDirectory(lastDir.toFile());
        }
        File f = chooser.showSaveDialog(stage);
        if (f == null) {
            return;
        }
        lastDir = f.toPath().toAbsolutePath().getParent();
        try {
            saver.save(f.toPath());
        } catch (IOException | RuntimeException e) {
            vm.showError("Could not save " + f + ": " + EngineLoader.reason(e), e.toString());
        }
    }

    /** Work that may fail with an exception. */
    @FunctionalInterface
    private interface IoTask {
        void run() throws Exception;
    }

    private void background(String name, IoTask task, java.util.function.Consumer<Throwable> onError) {
        tasks.run(name, () -> {
            task.run();
            return null;
        }, ignored -> { }, onError);
    }

    private final Set<String> shownLmc = new HashSet<>();

    /** The stored LMC curves not shown yet (a curve is shown once per opened run). */
    private List<RunEvent> newLmc(List<StoredLmc.Curve> curves) {
        List<RunEvent> out = new java.util.ArrayList<>();
        for (StoredLmc.Curve c : curves) {
            String key = c.done().network() + "/" + c.done().k() + "/" + c.done().seedPair() + "/" + c.done().instability();
            if (shownLmc.add(key)) {
                out.add(c);
            }
        }
        return out;
    }

    private void stopPolling() {
        poll.stop();
        openedRun = null;
    }

    private void pollOpenedRun() {
        StoredRunReader reader = openedRun;
        if (reader == null || vm.busyProperty().get() || !polling.compareAndSet(false, true)) {
            return;
        }
        background("lth-poll-run", () -> {
            try {
                RecordedRun run = reader.refresh();
                List<StoredLmc.Curve> lmc = StoredLmc.read(reader.dir());
                Platform.runLater(() -> {
                    if (openedRun != reader || vm.busyProperty().get()) {
                        return;
                    }
                    List<RunEvent> events = new java.util.ArrayList<>(StoredRunEvents.newRounds(run, shownRounds));
                    events.addAll(events.size() - 1, newLmc(lmc));
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
                });
            } finally {
                polling.set(false);
            }
        }, e -> vm.say("Could not re-read the run: " + EngineLoader.reason(e)));
    }

    /**
     * The view panes. Normally a grid: masks over input pixels, accuracy over training curves, and linear
     * mode connectivity beside the accuracy. A click selects a pane (the one exported); a double-click on its
     * title or its maximise button shows it alone. Paged (presentation mode), a few panes at a time fill the
     * grid, in story order (accuracy, LMC, masks, pixels, curves), and {@link #nextPage}/{@link #previousPage}
     * turn the pages.
     */
    public static final class ViewGrid extends GridPane {
        /** Panes in story order for paging (the early-bird pane last, when mounted). */
        private List<String> pageOrder() {
            return earlyBirdShown.get() ? EARLY_BIRD_PAGES : BASE_PAGES;
        }

        private static final List<String> BASE_PAGES = List.of("accuracy", "lmc", "masks", "pixels", "curves");
        private static final List<String> EARLY_BIRD_PAGES = List.of("accuracy", "lmc", "masks", "pixels", "curves",
                "earlybird");
        private final javafx.beans.value.ObservableBooleanValue earlyBirdShown;
        private final List<ViewPane> panes;
        private ViewPane selected;
        private ViewPane maximised;
        private final javafx.beans.property.IntegerProperty perPage =
                new javafx.beans.property.SimpleIntegerProperty(this, "panesPerPage", 0);
        private boolean presentation;
        private final javafx.beans.property.IntegerProperty page = new javafx.beans.property.SimpleIntegerProperty(this, "page", 0);

        ViewGrid(LabViews views, RunViewModel vm) {
            getStyleClass().add("view-grid");
            setId("viewGrid");
            setHgap(6);
            setVgap(6);
            setPadding(new Insets(6));
            javafx.scene.control.SplitPane masks = new javafx.scene.control.SplitPane(views.heatmap(), views.layerSparsity());
            masks.setOrientation(javafx.geometry.Orientation.VERTICAL);
            masks.setDividerPositions(0.70);
            views.heatmap().setMinSize(0, 0);
            views.layerSparsity().setMinSize(0, 0);
            javafx.scene.control.SplitPane.setResizableWithParent(views.layerSparsity(), false);
            ViewPane maskPane = new ViewPane("masks", "Mask heatmap and weights remaining per layer", masks,
                    masks, views::layerSparsityCsv);
            ViewPane accuracy = new ViewPane("accuracy", "Test accuracy and early stopping vs weights remaining",
                    views.accuracy(), views.accuracy(), () -> views.accuracy().toCsv());
            ViewPane pixels = new ViewPane("pixels", "Input pixels: connections kept by the first layer",
                    views.inputPixels(), views.inputPixels(), views::inputPixelCsv);
            ViewPane curves = new ViewPane("curves", "Training curves of the current round",
                    views.curves(), views.curves(), () -> views.curves().toCsv());
            ViewPane lmc = new ViewPane("lmc", "Linear mode connectivity of each round",
                    views.lmc(), views.lmc(), () -> views.lmc().toCsv());
            ViewPane earlyBird = new ViewPane("earlybird", "Early-bird ticket: pairwise mask distance in the dense round",
                    views.earlyBird(), views.earlyBird(), () -> views.earlyBird().model().toCsv());
            panes = List.of(maskPane, accuracy, pixels, curves, lmc, earlyBird);
            // the early-bird pane is mounted only while the run shown has early-bird data
            earlyBirdShown = views.earlyBirdShownProperty();
            // after the current pulse: a chart's post-layout pass must not see the grid change under it
            earlyBirdShown.addListener((obs, was, now) -> javafx.application.Platform.runLater(() -> {
                if (maximised != null) {
                    toggleMaximised(maximised);
                } else {
                    relayout();
                }
            }));
            for (ViewPane p : panes) {
                p.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> select(p));
                p.maximiseButton.setOnAction(e -> toggleMaximised(p));
                p.header.setOnMouseClicked(e -> {
                    if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                        toggleMaximised(p);
                    }
                });
            }
            relayout();
            select(accuracy);
            widthProperty().addListener((o, a, b) -> fit());
            heightProperty().addListener((o, a, b) -> fit());
            setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ESCAPE && maximised != null) {
                    toggleMaximised(maximised);
                }
            });
        }

        /** The panes in grid order. */
        public List<ViewPane> panes() {
            return panes;
        }

        /** The pane with {@code id}. */
        public ViewPane pane(String id) {
            return panes.stream().filter(p -> p.id.equals(id)).findFirst().orElseThrow();
        }

        /** Whether the pane {@code id} is mounted: in the grid, or on one of the pages when paged. */
        public boolean mounted(String id) {
            return pageOrder().contains(id);
        }

        /** The selected pane (what Export acts on). */
        public ViewPane selected() {
            return selected;
        }

        /** Selects the pane with {@code id} ({@code masks}, {@code accuracy}, {@code pixels}, {@code curves}, {@code lmc}). */
        public void select(String id) {
            panes.stream().filter(p -> p.id.equals(id)).findFirst().ifPresent(this::select);
        }

        private void select(ViewPane p) {
            if (selected != null) {
                selected.getStyleClass().remove("selected");
            }
            selected = p;
            p.getStyleClass().add("selected");
        }

        /**
         * Presentation mode (large type): always paged, two panes per page from 1,750 px wide, else one.
         * Otherwise the whole grid when it has room (1,150 x 600 px), else pages of two panes (one below 900 px).
         */
        public void setPresentation(boolean on) {
            presentation = on;
            fit();
        }

        /** Panes per page for a grid of {@code w} x {@code h} px; 0 = the whole grid. */
        static int panesPerPage(boolean presentation, double w, double h) {
            if (presentation) {
                return w >= 1750 ? 2 : 1;
            }
            if (w >= 1150 && h >= 600) {
                return 0;
            }
            return w >= 900 ? 2 : 1;
        }

        private void fit() {
            if (getWidth() <= 0 || getHeight() <= 0) {
                return;
            }
            int want = panesPerPage(presentation, getWidth(), getHeight());
            if (want != perPage.get()) {
                setPaged(want);
            }
        }

        /** Pages of {@code panesPerPage} panes side by side, or the whole grid again for 0. */
        public void setPaged(int panesPerPage) {
            if (maximised != null) {
                toggleMaximised(maximised);
            }
            String shown = selected == null ? null : selected.id;
            perPage.set(Math.max(0, panesPerPage));
            page.set(0);
            if (shown != null && perPage.get() > 0) {
                page.set(Math.max(0, pageOrder().indexOf(shown)) / perPage.get());
            }
            relayout();
        }

        /** Panes per page, 0 when not paged. */
        public int panesPerPage() {
            return perPage.get();
        }

        /** Panes per page (0: not paged). */
        public javafx.beans.property.ReadOnlyIntegerProperty pagedProperty() {
            return perPage;
        }

        /** Number of pages (1 when not paged). */
        public int pageCount() {
            return perPage.get() == 0 ? 1 : (pageOrder().size() + perPage.get() - 1) / perPage.get();
        }

        /** The page shown (0-based). */
        public javafx.beans.property.ReadOnlyIntegerProperty pageProperty() {
            return page;
        }

        /** Shows the next page (wrapping). */
        public void nextPage() {
            showPage((page.get() + 1) % pageCount());
        }

        /** Shows the previous page (wrapping). */
        public void previousPage() {
            showPage((page.get() + pageCount() - 1) % pageCount());
        }

        /** Shows the page that holds the pane {@code id}. */
        public void showPageOf(String id) {
            int i = pageOrder().indexOf(id);
            if (perPage.get() > 0 && i >= 0) {
                showPage(i / perPage.get());
            }
        }

        /** Shows page {@code p} (0-based). */
        public void showPage(int p) {
            page.set(Math.floorMod(p, pageCount()));
            relayout();
        }

        /** Titles of the panes on the page shown. */
        public List<String> pageTitles() {
            return panes.stream().filter(Node::isVisible).map(ViewPane::title).toList();
        }

        private void relayout() {
            getColumnConstraints().clear();
            getRowConstraints().clear();
            int per = perPage.get();
            if (per > 0) {
                List<String> order = pageOrder();
                page.set(Math.min(page.get(), (order.size() - 1) / per));
                List<String> ids = order.subList(page.get() * per, Math.min(order.size(), (page.get() + 1) * per));
                for (ViewPane p : panes) {
                    boolean on = ids.contains(p.id);
                    p.setVisible(on);
                    p.setManaged(on);
                    if (on) {
                        GridPane.setConstraints(p, ids.indexOf(p.id), 0, 1, 1);
                    }
                }
                for (int i = 0; i < ids.size(); i++) {
                    ColumnConstraints c = new ColumnConstraints();
                    c.setPercentWidth(100.0 / ids.size());
                    getColumnConstraints().add(c);
                }
                RowConstraints r = new RowConstraints();
                r.setPercentHeight(100);
                getRowConstraints().add(r);
                if (!ids.isEmpty() && (selected == null || !ids.contains(selected.id))) {
                    select(ids.get(0));
                }
                return;
            }
            double[] widths = {40, 32, 28};
            for (double w : widths) {
                ColumnConstraints c = new ColumnConstraints();
                c.setPercentWidth(w);
                getColumnConstraints().add(c);
            }
            RowConstraints r0 = new RowConstraints();
            r0.setPercentHeight(55);
            RowConstraints r1 = new RowConstraints();
            r1.setPercentHeight(45);
            getRowConstraints().setAll(r0, r1);
            boolean eb = earlyBirdShown.get();
            for (ViewPane p : panes) {
                boolean on = eb || !p.id.equals("earlybird");
                p.setVisible(on);
                p.setManaged(on);
            }
            if (!eb && selected != null && selected.id.equals("earlybird")) {
                select("accuracy");
            }
            GridPane.setConstraints(pane("masks"), 0, 0, 1, 1);
            GridPane.setConstraints(pane("pixels"), 0, 1, 1, 1);
            GridPane.setConstraints(pane("accuracy"), 1, 0, 1, 1);
            GridPane.setConstraints(pane("curves"), 1, 1, 1, 1);
            GridPane.setConstraints(pane("lmc"), 2, 0, 1, eb ? 1 : 2);
            GridPane.setConstraints(pane("earlybird"), 2, 1, 1, 1);
            if (getChildren().isEmpty()) {
                getChildren().addAll(panes);
            }
        }

        /** Shows {@code p} alone, or the whole grid (or page) again. */
        public void toggleMaximised(ViewPane p) {
            if (maximised == p) {
                p.maximiseButton.setText("⤢");
                maximised = null;
                relayout();
            } else {
                if (maximised != null) {
                    toggleMaximised(maximised);
                }
                for (ViewPane q : panes) {
                    q.setVisible(q == p);
                    q.setManaged(q == p);
                }
                GridPane.setConstraints(p, 0, 0, getColumnConstraints().size(), getRowConstraints().size());
                p.maximiseButton.setText("⤡");
                maximised = p;
            }
            select(p);
        }
    }

    /** One titled pane of the view grid. */
    public static final class ViewPane extends BorderPane {
        private final String id;
        private final String title;
        private final Node content;
        private final Supplier<String> csv;
        private final HBox header;
        private final Button maximiseButton = new Button("⤢");

        ViewPane(String id, String title, Node body, Node content, Supplier<String> csv) {
            this.id = id;
            this.title = title;
            this.content = content;
            this.csv = csv;
            setId("pane-" + id);
            getStyleClass().add("view-pane");
            Label t = new Label(title);
            t.getStyleClass().add("view-title");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            maximiseButton.getStyleClass().add("maximise-button");
            maximiseButton.setTooltip(new Tooltip("Show this view alone (double-click the title); again to go back"));
            header = new HBox(6, t, spacer, maximiseButton);
            header.getStyleClass().add("view-header");
            header.setAlignment(Pos.CENTER_LEFT);
            setTop(header);
            StackPane holder = new StackPane(body);
            holder.getStyleClass().add("view-body");
            holder.setMinSize(0, 0);
            if (body instanceof Region r) {
                r.setMinSize(0, 0);
            }
            // views never paint outside their pane, whatever their own minimum sizes
            javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
            clip.widthProperty().bind(holder.widthProperty());
            clip.heightProperty().bind(holder.heightProperty());
            holder.setClip(clip);
            setCenter(holder);
            setMinSize(0, 0);
        }

        /** The pane's id: masks, accuracy, pixels or curves. */
        public String paneId() {
            return id;
        }

        /** The title shown above the view. */
        public String title() {
            return title;
        }

        /** The view node exported as PNG. */
        public Node content() {
            return content;
        }

        /** The data behind the view as CSV. */
        public Supplier<String> csv() {
            return csv;
        }
    }
}
