package org.lotterylab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotterylab.api.spec.Presets;
import org.lotterylab.visuals.Theme;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The experiment panel while a run is in progress: disabled (it takes no input), greyed by its text, and never
 * faded by opacity, which the software renderer draws through an off-screen image per control.
 */
@ExtendWith(ApplicationExtension.class)
class ExperimentPanelLookTest {
    private ExperimentPanel panel;
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty(false);

    @Start
    void start(Stage stage) {
        panel = new ExperimentPanel(new ExperimentViewModel(Presets.QUICK, Map.of(), p -> false));
        javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(panel);
        root.getStyleClass().add("lab-root");
        Scene scene = new Scene(root, 400, 900);
        Theme.apply(scene, false);
        scene.getStylesheets().add(LabWindow.class.getResource("lab-window.css").toExternalForm());
        ViewWarmUp.disabledLook(panel);
        StagedDisable.bind(panel::parts, busy, panel);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aBusyPanelIsDisabledButNotFaded() {
        Paint idleText = onFx(() -> firstLabel(panel).getTextFill());
        onFx(() -> {
            panel.presetChoice().requestFocus(); // the user just picked a preset
            return null;
        });
        double scrolled = onFx(panel::getVvalue);
        onFx(() -> {
            busy.set(true);
            return null;
        });
        List<Node> parts = onFx(panel::parts);
        assertTrue(parts.size() >= 4, "title, preset, replicates and the sections: " + parts);
        waitUntilFx(() -> parts.stream().allMatch(Node::isDisabled));
        onFx(() -> {
            panel.applyCss();
            return null;
        });
        List<Control> controls = new ArrayList<>();
        for (Node part : parts) {
            if (part instanceof Control c) {
                controls.add(c);
            }
            if (part instanceof Parent p) {
                onFx(() -> controls(p, controls));
            }
        }
        assertTrue(controls.size() > 20, "the panel's controls: " + controls.size());
        for (Control c : controls) {
            assertTrue(onFx(c::isDisabled), c + " takes no input");
            assertEquals(1.0, onFx(c::getOpacity), c + " is not faded");
        }
        assertEquals(1.0, onFx(panel::getOpacity));
        assertEquals(scrolled, onFx(panel::getVvalue), 1e-9, "the panel stays where it was scrolled (focus left it first)");
        assertTrue(onFx(() -> !panel.presetChoice().isFocused()), "no disabled control keeps the focus");
        assertNotEquals(idleText, onFx(() -> firstLabel(panel).getTextFill()), "labels are greyed instead");
        onFx(() -> {
            busy.set(false);
            return null;
        });
        assertTrue(onFx(() -> parts.stream().noneMatch(Node::isDisabled)), "enabled again at once");
    }

    private static void waitUntilFx(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            WaitForAsyncUtils.sleep(20, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private static List<Control> controls(Parent p, List<Control> out) {
        for (Node n : p.getChildrenUnmodifiable()) {
            if (n instanceof Control c && n.isVisible()) {
                out.add(c);
            }
            if (n instanceof Parent child) {
                controls(child, out);
            }
        }
        return out;
    }

    private static Label firstLabel(Parent p) {
        for (Node n : p.lookupAll(".field-label")) {
            if (n instanceof Label l) {
                return l;
            }
        }
        throw new AssertionError("no field label");
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, c);
    }
}
