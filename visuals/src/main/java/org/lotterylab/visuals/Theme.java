package org.lotterylab.visuals;

import java.util.Objects;
import javafx.scene.Scene;

/**
 * The lab's look: {@code lab.css} always, plus {@code presentation.css} in presentation (projector) mode
 * (20px+ type, black-on-white, thicker lines and markers). Calling it again switches modes.
 */
public final class Theme {
    /** The base stylesheet resource. */
    public static final String LAB_CSS = stylesheet("lab.css");
    /** The presentation-mode stylesheet resource. */
    public static final String PRESENTATION_CSS = stylesheet("presentation.css");

    private Theme() {
    }

    private static String stylesheet(String name) {
        return Objects.requireNonNull(Theme.class.getResource(name), name).toExternalForm();
    }

    /** Applies the lab stylesheet and, when {@code presentation}, the large high-contrast one. */
    public static void apply(Scene scene, boolean presentation) {
        var sheets = scene.getStylesheets();
        sheets.remove(LAB_CSS);
        sheets.remove(PRESENTATION_CSS);
        sheets.add(LAB_CSS);
        if (presentation) {
            sheets.add(PRESENTATION_CSS);
        }
    }

    /** Whether {@code scene} is in presentation mode. */
    public static boolean isPresentation(Scene scene) {
        return scene.getStylesheets().contains(PRESENTATION_CSS);
    }
}
