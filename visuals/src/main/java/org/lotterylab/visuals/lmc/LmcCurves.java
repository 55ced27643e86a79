package org.lotterylab.visuals.lmc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotterylab.api.run.LmcEvent;

/**
 * The interpolation curves behind {@link InterpolationView}, without JavaFX: the points of each path as they
 * arrive (in any order), and each curve's barrier once all its points are known. Barrier:
 * instability = max error on the path - mean error of the two endpoints.
 */
public final class LmcCurves {

    /**
     * The barrier of one complete curve.
     *
     * @param alphaAtMax        alpha of the first point with the largest error
     * @param maxError          the largest error on the path
     * @param endpointMeanError mean error at alpha = 0 and alpha = 1
     * @param instability       {@code maxError - endpointMeanError}
     */
    public record Barrier(double alphaAtMax, double maxError, double endpointMeanError, double instability) {
    }

    /** The points of one path (both splits). */
    public static final class Path {
        private final LmcEvent.LmcPoint[] points;
        private int known;

        Path(int count) {
            points = new LmcEvent.LmcPoint[count];
        }

        /** Points on the path. */
        public int count() {
            return points.length;
        }

        /** Points known so far. */
        public int known() {
            return known;
        }

        /** Whether every point is known. */
        public boolean complete() {
            return known == points.length;
        }

        /** Point {@code i}, or null while unknown. */
        public LmcEvent.LmcPoint point(int i) {
            return points[i];
        }

        /** The known points in alpha order. */
        public List<LmcEvent.LmcPoint> knownPoints() {
            List<LmcEvent.LmcPoint> out = new ArrayList<>();
            for (LmcEvent.LmcPoint p : points) {
                if (p != null) {
                    out.add(p);
                }
            }
            return out;
        }
    }

    private final Map<String, Path> paths = new LinkedHashMap<>();

    /**
     * Adds a point; returns whether it changed anything (a repeated point with the same values does not).
     *
     * @throws IllegalArgumentException when the point's count differs from earlier points of its path
     */
    public boolean add(LmcEvent.LmcPoint p) {
        if (p.count() < 2 || p.index() < 0 || p.index() >= p.count()) {
            throw new IllegalArgumentException("point " + p.index() + " of " + p.count() + " is not on a path");
        }
        String id = p.network() + "/" + p.k() + "/" + p.seedPair();
        Path path = paths.get(id);
        if (path == null || path.count() != p.count()) {
            // a new path, or the same path recomputed with another number of points: start over
            path = new Path(p.count());
            paths.put(id, path);
        }
        LmcEvent.LmcPoint old = path.points[p.index()];
        if (p.equals(old)) {
            return false;
        }
        if (old == null) {
            path.known++;
        }
        path.points[p.index()] = p;
        return true;
    }

    /** The path {@code network/k/pair}, if any point of it arrived. */
    public Optional<Path> path(String network, int k, int seedPair) {
        return Optional.ofNullable(paths.get(network + "/" + k + "/" + seedPair));
    }

    /** All paths, in order of first arrival, keyed {@code network/k/pair}. */
    public Map<String, Path> paths() {
        return java.util.Collections.unmodifiableMap(paths);
    }

    /** Removes everything. */
    public void clear() {
        paths.clear();
    }

    /** The barrier of the curve, once every point of its path is known. */
    public Optional<Barrier> barrier(CurveKey key) {
        Path p = paths.get(key.path());
        if (p == null || !p.complete()) {
            return Optional.empty();
        }
        double[] e = new double[p.count()];
        for (int i = 0; i < e.length; i++) {
            e[i] = p.points[i].error(key.split());
        }
        return Optional.of(barrier(e, p.points[argMax(e)].alpha()));
    }

    /** The barrier of an error curve (endpoints first and last). */
    public static Barrier barrier(double[] errors) {
        if (errors.length < 2) {
            throw new IllegalArgumentException("a curve needs its two endpoints");
        }
        int i = argMax(errors);
        return barrier(errors, i / (double) (errors.length - 1));
    }

    private static Barrier barrier(double[] e, double alphaAtMax) {
        double max = Arrays.stream(e).max().orElseThrow();
        double mean = (e[0] + e[e.length - 1]) / 2;
        return new Barrier(alphaAtMax, max, mean, Math.max(0, max - mean));
    }

    private static int argMax(double[] e) {
        int best = 0;
        for (int i = 1; i < e.length; i++) {
            if (e[i] > e[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The point nearest to a position, in display units given by {@code toX} and {@code toY}, among the curves
     * {@code keys}, if one is within {@code radius}.
     */
    public Optional<Pick> nearest(List<CurveKey> keys, double x, double y, java.util.function.DoubleUnaryOperator toX,
                                  java.util.function.DoubleUnaryOperator toY, double radius) {
        Pick best = null;
        double bestD = radius * radius;
        for (CurveKey key : keys) {
            Path p = paths.get(key.path());
            if (p == null) {
                continue;
            }
            for (LmcEvent.LmcPoint pt : p.points) {
                if (pt == null) {
                    continue;
                }
                double dx = toX.applyAsDouble(pt.alpha()) - x;
                double dy = toY.applyAsDouble(100 * pt.error(key.split())) - y;
                double d = dx * dx + dy * dy;
                if (d <= bestD) {
                    bestD = d;
                    best = new Pick(key, pt);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * A picked point: the curve and the point (which holds both splits' numbers).
     *
     * @param key   the curve clicked
     * @param point the interpolated network's numbers
     */
    public record Pick(CurveKey key, LmcEvent.LmcPoint point) {

        /** Accuracy of the interpolated network on the picked curve's split. */
        public double accuracy() {
            return 1 - point.error(key.split());
        }

        /** Misclassified examples on the picked curve's split. */
        public int misclassified() {
            return point.misclassified(key.split());
        }

        /** A sentence for the view's label. */
        public String describe() {
            LmcEvent.LmcPoint p = point;
            return String.format(java.util.Locale.ROOT,
                    "%s k=%d pair %d at alpha = %.3f (point %d of %d): test accuracy %.2f%% (%d of %d misclassified), "
                            + "training accuracy %.2f%% (%d of %d misclassified)",
                    p.network(), p.k(), p.seedPair(), p.alpha(), p.index() + 1, p.count(), 100 * (1 - p.testError()),
                    p.testMisclassified(), p.testCount(), 100 * (1 - p.trainError()), p.trainMisclassified(),
                    p.trainCount());
        }
    }
}
