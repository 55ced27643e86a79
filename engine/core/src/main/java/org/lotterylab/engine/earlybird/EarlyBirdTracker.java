package org.lotterylab.engine.earlybird;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Follows the masks drawn during dense training. Distance between two masks is the normalised Hamming
 * distance: the fraction of prunable weights kept by one and pruned by the other. The ticket is drawn at the
 * first point where the newest mask's distance to each of the previous {@code window - 1} masks is below
 * the threshold (You et al. 2020 keep a queue of 5 masks and use 0.1). Every mask is kept (as bits) so the
 * pairwise distance matrix of all points can be shown.
 */
public final class EarlyBirdTracker {

    /**
     * @param window    masks compared (the newest and the {@code window - 1} before it), at least 2
     * @param threshold the ticket is drawn when every distance in the window is below this, in (0, 1]
     */
    public record Options(int window, double threshold) {

        /** You et al. 2020's settings: 5 masks, distance 0.1. */
        public static final Options DEFAULT = new Options(5, 0.1);

        /** Validates. */
        public Options {
            if (window < 2) {
                throw new IllegalArgumentException("early-bird window must be at least 2 masks, got " + window);
            }
            if (!(threshold > 0 && threshold <= 1)) {
                throw new IllegalArgumentException("early-bird threshold must be in (0, 1], got " + threshold);
            }
        }
    }

    /**
     * One evaluation point.
     *
     * @param iteration          training iteration
     * @param distanceToPrevious distance to the previous point's mask (NaN at the first point)
     * @param maxDistanceWindow  largest distance from this mask to the others in the window (NaN until full)
     * @param drawn              whether the ticket counts as drawn at this point (stays true once drawn)
     */
    public record Point(int iteration, double distanceToPrevious, double maxDistanceWindow, boolean drawn) {

        /** The CSV row of this point. */
        public String csvRow() {
            return iteration + "," + num(distanceToPrevious) + "," + num(maxDistanceWindow) + "," + drawn;
        }

        private static String num(double v) {
            return Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.6f", v);
        }
    }

    /** The CSV header matching {@link Point#csvRow()}. */
    public static final String CSV_HEADER = "iteration,distance_previous,max_distance_window,drawn";

    private final Options options;
    private final int size;
    private final Deque<BitSet> recent = new ArrayDeque<>();
    private final List<BitSet> all = new ArrayList<>();
    private final List<Point> points = new ArrayList<>();
    private int drawnAt = -1;

    /** A tracker over masks of {@code size} prunable weights. */
    public EarlyBirdTracker(int size, Options options) {
        if (size <= 0) {
            throw new IllegalArgumentException("no prunable weights");
        }
        this.size = size;
        this.options = options;
    }

    /** Records the mask drawn at {@code iteration} (layers concatenated in network order). */
    public Point observe(int iteration, boolean[][] mask) {
        BitSet bits = new BitSet(size);
        int p = 0;
        for (boolean[] layer : mask) {
            for (boolean kept : layer) {
                if (kept) {
                    bits.set(p);
                }
                p++;
            }
        }
        if (p != size) {
            throw new IllegalArgumentException("mask has " + p + " weights, expected " + size);
        }
        double toPrevious = recent.isEmpty() ? Double.NaN : distance(bits, recent.peekLast());
        recent.addLast(bits);
        if (recent.size() > options.window()) {
            recent.removeFirst();
        }
        double max = Double.NaN;
        if (recent.size() == options.window()) {
            max = 0;
            for (BitSet other : recent) {
                max = Math.max(max, distance(bits, other));
            }
            if (drawnAt < 0 && max < options.threshold()) {
                drawnAt = iteration;
            }
        }
        all.add(bits);
        Point point = new Point(iteration, toPrevious, max, drawnAt >= 0);
        points.add(point);
        return point;
    }

    /** The iteration at which the ticket was drawn, if it was. */
    public OptionalInt drawnAt() {
        return drawnAt < 0 ? OptionalInt.empty() : OptionalInt.of(drawnAt);
    }

    /** Every point so far. */
    public List<Point> points() {
        return List.copyOf(points);
    }

    /** The mask recorded at point {@code index}, as bits over the concatenated layers. */
    public BitSet maskAt(int index) {
        return (BitSet) all.get(index).clone();
    }

    /** Pairwise distances between the masks of all points, row-major (points x points). */
    public float[] pairwiseDistances() {
        int n = all.size();
        float[] d = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                float v = (float) distance(all.get(i), all.get(j));
                d[i * n + j] = v;
                d[j * n + i] = v;
            }
        }
        return d;
    }

    private double distance(BitSet a, BitSet b) {
        BitSet x = (BitSet) a.clone();
        x.xor(b);
        return (double) x.cardinality() / size;
    }
}
