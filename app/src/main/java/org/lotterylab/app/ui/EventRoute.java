package org.lotterylab.app.ui;

import java.util.List;
import java.util.function.Consumer;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.run.RunListener;

/**
 * How a view model's engine events reach it: the window's {@link LiveUpdatePump} (batches on the JavaFX thread),
 * or {@link #direct} in tests without a window. Made by the view model from its own batch handler.
 */
public interface EventRoute extends RunListener {

    /** Forgets the events not handed over yet. */
    void discardPending();

    /** A route that hands each event over at once, on the thread that sent it (tests). */
    static EventRoute direct(Consumer<List<RunEvent>> apply) {
        return new EventRoute() {
            @Override
            public void onEvent(RunEvent event) {
                apply.accept(List.of(event));
            }

            @Override
            public void discardPending() {
            }
        };
    }
}
