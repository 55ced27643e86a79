package org.lotterylab.app.ui.strong;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
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
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.app.ui.BackgroundTasks;
import org.lotterylab.app.ui.FxThread;
import org.lotterylab.app.ui.LiveUpdatePump;
import org.lotterylab.visuals.strong.MaskComparisonView;
import org.lotterylab.visuals.strong.MaskFlipView;

/**
 * The strong-ticket tab: runs an edge-popup sweep of the current spec (fractions of edges kept, Run/Stop,
 * progress) into the spec's run directory, shows a point's mask next to an IMP ticket mask of the same run
 * (the same frozen theta_0 when IMP ran with this spec) with their overlap, and the mask flips while the
 * scores train. Points and IMP rounds already on disk are listed when the tab opens and after each run.
 * The state, the file reading and the engine calls are {@link StrongTicketViewModel}'s; this pane binds to it.
 *
 * <p>Threading: engine events go through a {@link LiveUpdatePump} (queued on the engine's thread, applied in
 * at most one batch per frame); files are read by background tasks ({@link BackgroundTasks}). The JavaFX thread
 * never waits.
 */
public class StrongTicketPane extends BorderPane {

    private final Path outDir;
    private final StrongTicketViewModel vm;

    private final TextField keepField = new TextField();
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
        this.outDir = outDir;
        this.vm = new StrongTicketViewModel(specSource, outDir, engine, BackgroundTasks.shared(), LiveUpdatePump::new,
                new Views());
        getStyleClass().add("lab-strong-tickets");

        keepField.setId("strong-keep");
        keepField.setPrefColumnCount(16);
        keepField.textProperty().bindBidirectional(vm.keepTextProperty());
        Tooltip keepTip = new Tooltip();
        keepTip.textProperty().bind(vm.keepHelpProperty());
        keepField.setTooltip(keepTip);
        keepField.styleProperty().bind(Bindings.when(vm.keepsValidProperty()).then("")
                .otherwise("-fx-border-color: #c62828; -fx-border-width: 1.5;"));
        runButton.setId("strong-run");
        runButton.setDefaultButton(false);
        runButton.setOnAction(e -> run());
        runButton.disableProperty().bind(vm.runningProperty().or(vm.blockedProperty()).or(vm.keepsValidProperty().not()));
        stopButton.setId("strong-stop");
        stopButton.setOnAction(e -> stop());
        stopButton.disableProperty().bind(vm.runningProperty().not());
        progress.setId("strong-progress");
        progress.setPrefWidth(180);
        progress.progressProperty().bind(vm.progressProperty());
        status.setId("strong-status");
        status.getStyleClass().add("lab-stats");
        status.textProperty().bind(vm.statusProperty());

        pointBox.setId("strong-point");
        pointBox.setPromptText("edge-popup point");
        pointBox.setCellFactory(l -> new PointCell());
        pointBox.setButtonCell(new PointCell());
        pointBox.setItems(vm.pointRounds());
        pointBox.valueProperty().bindBidirectional(vm.pointProperty());
        impBox.setId("strong-imp-round");
        impBox.setPromptText("IMP round");
        impBox.setCellFactory(l -> new ImpCell());
        impBox.setButtonCell(new ImpCell());
        impBox.setItems(vm.impChoices());
        impBox.valueProperty().bindBidirectional(vm.impRoundProperty());
        impBox.setOnAction(e -> {
            if (impBox.isFocused() || impBox.isShowing()) {
                vm.impPickedByUser();
            }
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
        results.setItems(vm.resultLines());
        SplitPane bottom = new SplitPane(flips, results);
        bottom.setDividerPositions(0.68);
        SplitPane split = new SplitPane(comparison, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.58);
        setCenter(split);

        vm.refreshFromDisk();
        // a tab's content turns visible when the tab is selected: pick up a changed spec or new IMP rounds then
        visibleProperty().addListener((o, a, b) -> {
            if (b && !vm.runningProperty().get()) {
                vm.refreshFromDisk();
            }
        });
    }

    /** The comparison and mask-flip views, drawn from the view model. */
    private final class Views implements StrongTicketViewModel.Sink {
        @Override
        public void edgePopupMasks(List<Mask> masks, String label) {
            FxThread.check();
            comparison.setEdgePopupMasks(masks, label);
        }

        @Override
        public void impMasks(List<Mask> masks, String label) {
            FxThread.check();
            comparison.setImpMasks(masks, label);
        }

        @Override
        public void sweep(List<Integer> rounds, List<Double> keeps) {
            FxThread.check();
            flips.setSweep(rounds, keeps);
        }

        @Override
        public void flips(EdgePopupEvent.MaskFlips f) {
            FxThread.check();
            flips.addFlips(f);
        }

        @Override
        public void clearFlips() {
            FxThread.check();
            flips.clear();
        }
    }

    /** The tab's state. */
    public StrongTicketViewModel viewModel() {
        return vm;
    }

    /** Whether a sweep is running. */
    public ReadOnlyBooleanProperty runningProperty() {
        return vm.runningProperty();
    }

    /**
     * When true, Run is disabled: bind it to the window's busy state so that IMP and edge-popup never write
     * the same run directory at once ({@code pane.blockedProperty().bind(vm.busyProperty())}).
     */
    public BooleanProperty blockedProperty() {
        return vm.blockedProperty();
    }

    /** Starts a sweep of the current spec; does nothing while running, blocked or with invalid keep values. */
    public void run() {
        vm.run();
    }

    /** Stops the running sweep after its current step; finished points stay on disk. */
    public void stop() {
        vm.stop();
    }

    /**
     * Follows the run in front of the user (live, opened or replayed): its ticket rounds are offered for
     * comparison and new sweeps are written into its directory (same spec, same run directory). Null returns to
     * the experiment panel's spec and the lab's output folder.
     */
    public void followRun(Path runDir, ExperimentSpec spec) {
        vm.followRun(runDir, spec);
    }

    /** The IMP ticket rounds offered for comparison (those of the followed or current run). */
    public List<Integer> impRoundChoices() {
        return List.copyOf(vm.impChoices());
    }

    /** The directory this pane reads and writes: the followed run's, else the current spec's. */
    public Path runDirectory() {
        return vm.runDirectory();
    }

    /** Re-reads the current spec's run directory (stored points and IMP rounds) in the background. */
    public void refreshFromDisk() {
        vm.refreshFromDisk();
    }

    /** Compares with the ticket masks of another IMP run directory (null = the current spec's run). */
    public void setImpRun(Path dir) {
        vm.setImpRun(dir);
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

    private void chooseImpRun() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("IMP run directory to compare with");
        Path imp = vm.impRun();
        Path base = imp != null ? imp.getParent() : outDir;
        if (base != null && Files.isDirectory(base)) {
            dc.setInitialDirectory(base.toFile());
        }
        var f = dc.showDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) {
            setImpRun(f.toPath());
        }
    }

    private final class PointCell extends ListCell<Integer> {
        @Override
        protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : vm.keepLabel(item));
        }
    }

    private final class ImpCell extends ListCell<Integer> {
        @Override
        protected void updateItem(Integer item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : vm.impLabel(item));
        }
    }
}
