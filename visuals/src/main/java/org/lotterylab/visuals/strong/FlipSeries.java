package org.lotterylab.visuals.strong;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.lotterylab.api.run.EdgePopupEvent;

/**
 * Mask-flip reports of an edge-popup sweep, per sweep point (round), as rates per epoch: a report of
 * {@code entered} edges over an interval of {@code d} epochs gives {@code entered / d} edges per epoch, so the
 * curve does not depend on the evaluation interval. Plain Java (no JavaFX).
 */
public final class FlipSeries {

    /**
     * One interval.
     *
     * @param epoch          epochs trained at the end of the interval
     * @param enteredPerEpoch edges that entered the mask, per epoch of the interval
     * @param leftPerEpoch    edges that left the mask, per epoch of the interval
     * @param entered        edges that entered over the interval
     * @param left           edges that left over the interval
     * @param kept           edges in the mask
     */
    public record Point(double epoch, double enteredPerEpoch, double leftPerEpoch, int entered, int left, long kept) {
    }

    private final TreeMap<Integer, List<EdgePopupEvent.MaskFlips>> byRound = new TreeMap<>();
    private final TreeMap<Integer, Double> keeps = new TreeMap<>();

    /** Records the fraction kept of each sweep point (for labels). */
    public void setSweep(List<Integer> rounds, List<Double> keepValues) {
        for (int i = 0; i < rounds.size(); i++) {
            keeps.put(rounds.get(i), keepValues.get(i));
        }
    }

    /** Adds one report (reports of a round must arrive in iteration order; an earlier one restarts the round). */
    public void add(EdgePopupEvent.MaskFlips f) {
        List<EdgePopupEvent.MaskFlips> l = byRound.computeIfAbsent(f.round(), r -> new ArrayList<>());
        if (!l.isEmpty() && f.iteration() <= l.get(l.size() - 1).iteration()) {
            l.clear();
        }
        l.add(f);
    }

    /** Forgets everything. */
    public void clear() {
        byRound.clear();
        keeps.clear();
    }

    /** Rounds with at least one report, ascending. */
    public List<Integer> rounds() {
        return new ArrayList<>(byRound.keySet());
    }

    /** The fraction kept of {@code round}, or NaN when unknown. */
    public double keep(int round) {
        return keeps.getOrDefault(round, Double.NaN);
    }

    /** "50% kept (round 0)" or "round 3". */
    public String label(int round) {
        double k = keep(round);
        if (Double.isNaN(k)) {
            return "round " + round;
        }
        double pct = 100 * k;
        String p = pct == Math.rint(pct) ? String.format(Locale.ROOT, "%.0f", pct) : String.format(Locale.ROOT, "%.3g", pct);
        return p + "% kept (round " + round + ")";
    }

    /** The points of {@code round} as per-epoch rates. */
    public List<Point> points(int round) {
        List<Point> out = new ArrayList<>();
        double prev = 0;
        for (EdgePopupEvent.MaskFlips f : byRound.getOrDefault(round, List.of())) {
            double d = f.epoch() - prev;
            double scale = d > 0 ? 1 / d : 0;
            out.add(new Point(f.epoch(), f.entered() * scale, f.left() * scale, f.entered(), f.left(), f.kept()));
            prev = f.epoch();
        }
        return out;
    }

    /**
     * How far the mask has settled: the last interval's rate divided by the largest rate of the round (1 = still
     * at its busiest, near 0 = settled); NaN without reports.
     */
    public double settledRatio(int round) {
        List<Point> p = points(round);
        if (p.isEmpty()) {
            return Double.NaN;
        }
        double max = 0;
        for (Point x : p) {
            max = Math.max(max, x.enteredPerEpoch());
        }
        return max == 0 ? 0 : p.get(p.size() - 1).enteredPerEpoch() / max;
    }
}
