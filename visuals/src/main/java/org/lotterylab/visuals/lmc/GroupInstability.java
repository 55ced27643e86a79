package org.lotterylab.visuals.lmc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.store.Spread;

/**
 * The finished LMC curves of a group of runs (replicates, or a sweep's points), without JavaFX: what
 * {@link RoundLmcView} draws as means with error bars. Each curve comes with a group label (one series per
 * group; "" when ungrouped) and a member label (e.g. {@code seed 3}, listed on hover). Two summaries:
 * instability versus weights remaining, one series per group and branch with a point per round; and
 * instability versus the rewinding iteration k, one series per group, branch and round with a point per k.
 * A point is the {@link Spread} over every curve with its key (all members, all seed pairs).
 */
public final class GroupInstability {

    /**
     * One finished curve.
     *
     * @param group            the group label, "" when ungrouped
     * @param member           the run it belongs to, e.g. {@code seed 3}
     * @param id               branch and round of its network
     * @param k                rewinding iteration of its start weights
     * @param weightsRemaining fraction of weights kept
     * @param instability      test instability (fraction)
     */
    public record Sample(String group, String member, RoundLmc.Id id, int k, double weightsRemaining,
                         double instability) {
    }

    /**
     * A mean with its spread.
     *
     * @param x                the x value: weights remaining (fraction) or k
     * @param id               branch and round
     * @param k                rewinding iteration (the first seen, for weights-remaining points)
     * @param weightsRemaining mean fraction of weights kept
     * @param instability      spread of the instability (fractions) over the curves
     * @param members          the member label of each value, in the same order
     */
    public record Point(double x, RoundLmc.Id id, int k, double weightsRemaining, Spread instability,
                        List<String> members) {
        /** Copies the labels. */
        public Point {
            members = List.copyOf(members);
        }
    }

    /**
     * One curve of means.
     *
     * @param group  the group label
     * @param branch the branch
     * @param round  the round for a k series, -1 for a weights-remaining series
     * @param points the points by increasing x
     */
    public record Series(String group, Branch branch, int round, List<Point> points) {
        /** Copies the points. */
        public Series {
            points = List.copyOf(points);
        }

        /**
         * A legend name: {@code [group · ]ticket} for a weights-remaining series; for a k series
         * {@code [group · ]dense} (round 0) or {@code [group · ]ticket r3 (2.9%)}.
         */
        public String name() {
            String what;
            if (round < 0) {
                what = branch.id();
            } else if (round == 0) {
                what = "dense";
            } else {
                what = new RoundLmc.Id(branch, round).label() + (points.isEmpty() ? ""
                        : " (" + org.lotterylab.visuals.model.LogTicks.label(100 * points.get(0).weightsRemaining()) + ")");
            }
            return group.isEmpty() ? what : group + " · " + what;
        }
    }

    private final List<Sample> samples = new ArrayList<>();

    /** Adds a finished curve; networks that name no IMP round (see {@link RoundLmc#parse}) are ignored. */
    public boolean add(String group, String member, String network, int k, double weightsRemaining, double instability) {
        var id = RoundLmc.parse(network);
        if (id.isEmpty() || Double.isNaN(instability)) {
            return false;
        }
        samples.add(new Sample(group == null ? "" : group, member == null ? "" : member, id.get(), k,
                weightsRemaining, instability));
        return true;
    }

    /** Removes everything. */
    public void clear() {
        samples.clear();
    }

    /** Curves added. */
    public int size() {
        return samples.size();
    }

    /** The different k values, ascending. */
    public List<Integer> ks() {
        return samples.stream().map(Sample::k).distinct().sorted().toList();
    }

    /** Instability vs weights remaining: per group (arrival order) and branch, a point per round. */
    public List<Series> byWeightsRemaining() {
        return summarise(false);
    }

    /** Instability vs k: per group, branch and round, a point per k. */
    public List<Series> byK() {
        return summarise(true);
    }

    private List<Series> summarise(boolean byK) {
        Map<String, Map<Integer, List<Sample>>> bySeries = new LinkedHashMap<>();
        Map<String, Sample> firstOf = new LinkedHashMap<>();
        List<Sample> sorted = new ArrayList<>(samples);
        List<String> groups = samples.stream().map(Sample::group).distinct().toList();
        sorted.sort(Comparator.comparingInt((Sample s) -> groups.indexOf(s.group())).thenComparing(s -> s.id().branch())
                .thenComparingInt(s -> byK ? s.id().round() : 0));
        for (Sample s : sorted) {
            String key = s.group() + "\u0000" + s.id().branch() + (byK ? "\u0000" + s.id().round() : "");
            firstOf.putIfAbsent(key, s);
            bySeries.computeIfAbsent(key, x -> new TreeMap<>()).computeIfAbsent(byK ? s.k() : s.id().round(),
                    x -> new ArrayList<>()).add(s);
        }
        List<Series> out = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, List<Sample>>> e : bySeries.entrySet()) {
            Sample first = firstOf.get(e.getKey());
            List<Point> pts = new ArrayList<>();
            for (List<Sample> at : e.getValue().values()) {
                List<Double> v = new ArrayList<>();
                List<Double> w = new ArrayList<>();
                List<String> m = new ArrayList<>();
                for (Sample s : at) {
                    v.add(s.instability());
                    w.add(s.weightsRemaining());
                    m.add(s.member());
                }
                Sample a = at.get(0);
                double remaining = Spread.of(w).mean();
                pts.add(new Point(byK ? a.k() : remaining, a.id(), a.k(), remaining, Spread.of(v), m));
            }
            out.add(new Series(first.group(), first.id().branch(), byK ? first.id().round() : -1, pts));
        }
        return out;
    }
}
