package org.lotterylab.visuals.strong;

import javafx.application.Application;

/** Starts {@link StrongViewsSample} from a plain class path ({@code --presentation} for the projector theme). */
public final class StrongViewsLauncher {
    private StrongViewsLauncher() {
    }

    /** Launches the sample. */
    public static void main(String[] args) {
        Application.launch(StrongViewsSample.class, args);
    }
}
