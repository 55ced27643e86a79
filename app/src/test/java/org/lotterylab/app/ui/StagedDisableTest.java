package org.lotterylab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A form is disabled one part per frame and enabled at once. */
@ExtendWith(ApplicationExtension.class)
class StagedDisableTest {
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty(false);
    private final VBox form = new VBox();
    private final List<Integer> disabledPerPulse = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        for (int i = 0; i < 5; i++) {
            form.getChildren().add(new Button("part " + i));
        }
        StagedDisable.bind(() -> List.copyOf(form.getChildren()), busy, form);
        Scene scene = new Scene(form, 200, 200);
        scene.addPostLayoutPulseListener(() -> disabledPerPulse.add(disabled()));
        stage.setScene(scene);
        stage.show();
    }

    private int disabled() {
        return (int) form.getChildren().stream().filter(Node::isDisable).count();
    }

    @Test
    void onePartPerFrameInOrderThenAllEnabledAtOnce() {
        List<Integer> atSet = new ArrayList<>();
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            disabledPerPulse.clear();
            busy.set(true);
            atSet.add(disabled());
        });
        assertEquals(List.of(0), atSet, "nothing in the frame of the change itself");
        long end = System.nanoTime() + 10_000_000_000L;
        while (WaitForAsyncUtils.waitForAsyncFx(5_000, this::disabled) < 5 && System.nanoTime() < end) {
            WaitForAsyncUtils.sleep(20, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        assertEquals(5, (int) WaitForAsyncUtils.waitForAsyncFx(5_000, this::disabled), "every part in the end");
        List<Integer> seen = List.copyOf(disabledPerPulse);
        assertTrue(!seen.isEmpty() && seen.get(0) <= 1, "one part in the first frame: " + seen);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) - seen.get(i - 1) <= 1, "at most one more part per frame: " + seen);
        }
        assertTrue(WaitForAsyncUtils.waitForAsyncFx(5_000, () -> form.getChildren().get(0).isDisable()
                && form.getChildren().indexOf(form.getChildren().get(0)) == 0), "top first");
        WaitForAsyncUtils.waitForAsyncFx(5_000, () -> busy.set(false));
        assertEquals(0, (int) WaitForAsyncUtils.waitForAsyncFx(5_000, this::disabled), "enabled at once");
    }
}
