package org.lotterylab.visuals.lmc;

import javafx.application.Application;

/**
 * Starts {@link LmcDemo}. A main class that does not extend {@code Application}, so it also runs from a plain
 * class path.
 */
public final class LmcDemoLauncher {

    private LmcDemoLauncher() {
    }

    /** Opens the demo window; {@code --presentation} for the projector theme. */
    public static void main(String[] args) {
        Application.launch(LmcDemo.class, args);
    }
}
