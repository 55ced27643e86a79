package org.lotterylab.visuals.theory;

import javafx.application.Application;

/** Starts {@link TheoryViewSample} from a plain class path. */
public final class TheoryViewLauncher {
    private TheoryViewLauncher() {
    }

    /** Launches the sample. */
    public static void main(String[] args) {
        Application.launch(TheoryViewSample.class, args);
    }
}
