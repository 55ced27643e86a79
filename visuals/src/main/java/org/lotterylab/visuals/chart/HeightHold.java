package org.lotterylab.visuals.chart;

import javafx.scene.layout.Region;

/**
 * Keeps a region's height from shrinking while its content changes. A wrapped caption under a chart that takes
 * one line while a round is being measured and two lines when it is done resizes the charts above it twice per
 * round; each resize redraws the charts' canvases and repaints the whole panel (under Xvfb's software renderer
 * 35 to 55 ms for the LMC panel). Held, the panel is laid out again only when a caption needs more room than
 * any before it.
 */
public final class HeightHold {
    private HeightHold() {
    }

    /** From now on {@code region} never gets lower than the highest it has been (until {@link #release}). */
    public static void hold(Region region) {
        region.heightProperty().addListener((obs, old, h) -> {
            if (h.doubleValue() > region.getMinHeight()) {
                region.setMinHeight(h.doubleValue());
            }
        });
    }

    /** Lets {@code region} shrink to its content again (e.g. when the view is cleared for a new run). */
    public static void release(Region region) {
        region.setMinHeight(Region.USE_COMPUTED_SIZE);
    }
}
