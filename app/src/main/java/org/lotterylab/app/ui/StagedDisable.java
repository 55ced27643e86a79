package org.lotterylab.app.ui;

import java.util.List;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/**
 * Disables a form part by part, one part per frame, and enables it all at once. Disabling a whole form in one
 * frame restyles every control in it and repaints all of it: for the experiment panel at a run's start that was
 * 13 to 40 ms of CSS and 20 to 46 ms of software painting in the pulse of the click, the run's longest frame.
 * Part by part, each frame carries one section's share. The form takes no input from the first frame on where
 * it matters (the run's settings are read before it starts); enabling is immediate so that nothing looks
 * editable before it is. FX thread only.
 */
final class StagedDisable {
    private final Supplier<List<Node>> parts;
    private final Node focusHome;
    private int next;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            step();
        }
    };

    private StagedDisable(Supplier<List<Node>> parts, Node focusHome) {
        this.parts = parts;
        this.focusHome = focusHome;
    }

    /**
     * Keeps {@code parts} (read again at each change, so a rebuilt form is followed) disabled while
     * {@code disabled} holds, disabling them one per frame after it becomes true. Keyboard focus inside the parts
     * moves to {@code focusHome} first: left there, it would hop to the next part still enabled at each frame,
     * and a scroll pane around the form would scroll along to the bottom.
     */
    static void bind(Supplier<List<Node>> parts, ObservableValue<Boolean> disabled, Node focusHome) {
        StagedDisable s = new StagedDisable(parts, focusHome);
        disabled.addListener((obs, was, now) -> s.follow(Boolean.TRUE.equals(now)));
        if (Boolean.TRUE.equals(disabled.getValue())) {
            parts.get().forEach(n -> n.setDisable(true));
        }
    }

    private void follow(boolean disable) {
        timer.stop();
        if (disable) {
            moveFocusOut();
            next = 0;
            timer.start();
        } else {
            parts.get().forEach(n -> n.setDisable(false));
        }
    }

    private void moveFocusOut() {
        javafx.scene.Scene scene = focusHome.getScene();
        Node owner = scene == null ? null : scene.getFocusOwner();
        List<Node> all = owner == null ? List.of() : parts.get();
        for (Node n = owner; n != null; n = n.getParent()) {
            if (all.contains(n)) {
                focusHome.requestFocus();
                return;
            }
        }
    }

    private void step() {
        List<Node> all = parts.get();
        while (next < all.size() && all.get(next).isDisable()) {
            next++;
        }
        if (next < all.size()) {
            all.get(next++).setDisable(true);
        }
        if (next >= all.size()) {
            timer.stop();
        }
    }
}
