package org.lotterylab.visuals.sample;

import javafx.application.Application;

/**
 * Starts {@link ViewGallery} from a plain class path (a main class that extends {@code Application} is
 * refused by the Java launcher when JavaFX is not on the module path).
 */
public final class GalleryLauncher {
    private GalleryLauncher() {
    }

    /** Launches the gallery with the given options (see {@link ViewGallery}). */
    public static void main(String[] args) {
        Application.launch(ViewGallery.class, args);
    }
}
