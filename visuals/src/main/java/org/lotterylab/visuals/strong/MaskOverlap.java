package org.lotterylab.visuals.strong;

import java.util.Locale;

/**
 * How two masks of the same layer overlap: counts of weights kept by both, by only one, by neither, and
 * their intersection over union. Plain Java (no JavaFX), so it is tested directly.
 *
 * @param both          kept by both masks
 * @param onlyEdgePopup kept by the edge-popup mask only
 * @param onlyImp       kept by the IMP mask only
 * @param neither       kept by neither
 */
public record MaskOverlap(int both, int onlyEdgePopup, int onlyImp, int neither) {

    /** The four counts of two masks of equal length. */
    public static MaskOverlap of(boolean[] edgePopup, boolean[] imp) {
        if (edgePopup.length != imp.length) {
            throw new IllegalArgumentException("masks differ in size: " + edgePopup.length + " vs " + imp.length);
        }
        int both = 0;
        int onlyE = 0;
        int onlyI = 0;
        for (int i = 0; i < imp.length; i++) {
            if (edgePopup[i]) {
                if (imp[i]) {
                    both++;
                } else {
                    onlyE++;
                }
            } else if (imp[i]) {
                onlyI++;
            }
        }
        return new MaskOverlap(both, onlyE, onlyI, imp.length - both - onlyE - onlyI);
    }

    /** Number of weights. */
    public int total() {
        return both + onlyEdgePopup + onlyImp + neither;
    }

    /** Intersection over union, |A and B| / |A or B|; NaN when neither mask keeps anything. */
    public double iou() {
        int union = both + onlyEdgePopup + onlyImp;
        return union == 0 ? Double.NaN : both / (double) union;
    }

    /** Fraction of weights the edge-popup mask keeps. */
    public double edgePopupDensity() {
        return total() == 0 ? 0 : (both + onlyEdgePopup) / (double) total();
    }

    /** Fraction of weights the IMP mask keeps. */
    public double impDensity() {
        return total() == 0 ? 0 : (both + onlyImp) / (double) total();
    }

    /**
     * The IoU two independent uniformly random masks of these densities p and q would have on average
     * (for large layers): pq / (p + q - pq). The baseline the measured IoU should be read against.
     */
    public double randomIou() {
        double p = edgePopupDensity();
        double q = impDensity();
        double union = p + q - p * q;
        return union == 0 ? Double.NaN : p * q / union;
    }

    /** "IoU 0.412 (random masks of these densities: 0.250)". */
    public String describe() {
        return String.format(Locale.ROOT, "IoU %.3f (random masks of these densities: %.3f)", iou(), randomIou());
    }

    /**
     * ARGB pixels of the overlap image: one pixel per weight, in mask order (row-major, rows = output units).
     *
     * @param colors ARGB colours for both, only edge-popup, only IMP, neither
     */
    public static int[] pixels(boolean[] edgePopup, boolean[] imp, int[] colors) {
        if (edgePopup.length != imp.length) {
            throw new IllegalArgumentException("masks differ in size: " + edgePopup.length + " vs " + imp.length);
        }
        int[] px = new int[imp.length];
        for (int i = 0; i < px.length; i++) {
            px[i] = colors[edgePopup[i] ? (imp[i] ? 0 : 1) : (imp[i] ? 2 : 3)];
        }
        return px;
    }

    /** ARGB pixels of a single mask: {@code kept} where true, {@code pruned} where false. */
    public static int[] pixels(boolean[] mask, int kept, int pruned) {
        int[] px = new int[mask.length];
        for (int i = 0; i < px.length; i++) {
            px[i] = mask[i] ? kept : pruned;
        }
        return px;
    }
}
