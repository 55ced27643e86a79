package org.lotterylab.app.ui;

import java.io.File;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;

/**
 * The window's toolbar: Run, Pause/Resume and Stop bound to the {@link RunViewModel}; Open run…, Open group…,
 * Refresh and Replay… with the replay speed; the three exports; the experiment-panel and presentation toggles.
 * Its buttons call the window's actions after their file choosers.
 */
final class LabToolbar {
    private final LabWindow window;
    private final RunViewModel vm;
    private final FileDialogs dialogs;
    private final Consumer<Boolean> showPanel;
    private final ToggleButton presentationToggle = new ToggleButton("Presentation");
    private final ToggleButton panelToggle = new ToggleButton("Experiment panel");
    private final Slider replaySpeed = new Slider(0.5, 5, 1.5);
    private volatile double replaySecondsPerRound = 1.5;

    /** A toolbar acting on {@code window}; {@code showPanel} shows or hides the experiment panel. */
    LabToolbar(LabWindow window, RunViewModel vm, FileDialogs dialogs, Consumer<Boolean> showPanel) {
        this.window = window;
        this.vm = vm;
        this.dialogs = dialogs;
        this.showPanel = showPanel;
    }

    /** The presentation-mode toggle. */
    ToggleButton presentationToggle() {
        return presentationToggle;
    }

    /** The experiment-panel toggle. */
    ToggleButton panelToggle() {
        return panelToggle;
    }

    /** The replay speed slider (seconds per round). */
    Slider replaySpeed() {
        return replaySpeed;
    }

    /** Seconds per round of a replay, as the slider is now (any thread). */
    double replaySecondsPerRound() {
        return replaySecondsPerRound;
    }

    /** The toolbar (built once). */
    ToolBar bar() {
        Button run = button("Run", "runButton", "Start the experiment (Ctrl+R)");
        run.getStyleClass().add("run-button");
        run.setDefaultButton(false);
        run.disableProperty().bind(vm.canRunProperty().not());
        run.setOnAction(e -> window.run());

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
        open.setOnAction(e -> window.chooseAndOpen());

        Button openGroup = button("Open group…", "openGroupButton",
                "Open a replicate group (*.group.json) or a sweep (sweep.json) as one result: means with error bars");
        openGroup.disableProperty().bind(vm.busyProperty());
        openGroup.setOnAction(e -> {
            File f = dialogs.chooseGroup();
            if (f != null) {
                window.openRun(f.toPath());
            }
        });

        Button refresh = button("Refresh", "refreshButton", "Read the opened run again (it is also re-read every 2 s while incomplete)");
        refresh.disableProperty().bind(vm.busyProperty());
        refresh.setOnAction(e -> window.refresh());

        Button replay = button("Replay…", "replayButton", "Replay a stored run round by round, as if live");
        replay.disableProperty().bind(vm.busyProperty());
        replay.setOnAction(e -> {
            File dir = dialogs.chooseDirectory("Replay a stored run");
            if (dir != null) {
                window.replayRun(dir.toPath());
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
        png.setOnAction(e -> dialogs.chooseAndSave("Export the selected view as PNG", "view.png",
                new FileChooser.ExtensionFilter("PNG image", "*.png"), window::exportPng));
        Button csv = button("Export CSV", "exportCsvButton", "Save the data behind the selected view as CSV");
        csv.setOnAction(e -> dialogs.chooseAndSave("Export the data of the selected view", "view.csv",
                new FileChooser.ExtensionFilter("CSV table", "*.csv"), window::exportCsv));
        Button mask = button("Export mask", "exportMaskButton", "Save the heatmap's selected mask as .npy or .npz");
        mask.setOnAction(e -> dialogs.chooseAndSave("Export the selected mask", "mask.npz",
                new FileChooser.ExtensionFilter("NumPy archive or array", "*.npz", "*.npy"), window::exportMask));

        presentationToggle.setId("presentationToggle");
        presentationToggle.setTooltip(new Tooltip(
                "Large fonts and high contrast for a projector, full screen, views in pages (F5 or F11; Page Up/Down turns pages)"));
        presentationToggle.setOnAction(e -> window.setPresentation(presentationToggle.isSelected()));

        panelToggle.setId("panelToggle");
        panelToggle.setSelected(true);
        panelToggle.setTooltip(new Tooltip("Show or hide the experiment panel"));
        panelToggle.selectedProperty().addListener((obs, o, n) -> showPanel.accept(n));

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
}
