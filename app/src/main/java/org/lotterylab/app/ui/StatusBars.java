package org.lotterylab.app.ui;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/**
 * The window's two message lines bound to the {@link RunViewModel}: the error banner above the views and the
 * status bar below them (backend, progress and time left, why Run is blocked, messages, the longest pulse gap).
 */
final class StatusBars {
    private final RunViewModel vm;
    private final PulseMonitor pulses;
    private final Stage stage;

    StatusBars(RunViewModel vm, PulseMonitor pulses, Stage stage) {
        this.vm = vm;
        this.pulses = pulses;
        this.stage = stage;
    }

    /** The banner over the views that shows an error, its details and a close button. */
    Node errorBanner() {
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

    /** The status bar: backend, progress, why Run is blocked, messages and the longest pulse gap. */
    Node statusBar() {
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

    /** Says the longest gap between pulses of the last run in the status bar's tooltip. */
    void updatePulseTooltip() {
        if (statusTip == null) {
            return;
        }
        double ms = pulses.maxGapMillis();
        statusTip.setText(pulses.pulses() == 0
                ? "Longest gap between JavaFX pulses: measured during runs and replays"
                : String.format(Locale.ROOT, "Longest gap between JavaFX pulses during the last run: %.1f ms over %d pulses"
                        + " (under 50 ms: the window never froze)", ms, pulses.pulses()));
    }
}
