package org.lotterylab.visuals.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.store.Spread;

/**
 * Round results grouped by (group, branch, round); several results for one key (e.g. seeds) are aggregated
 * to their {@link Spread} (mean, sample s.d., min, max). A result may carry a member label (e.g.
 * {@code seed 3}, listed when the point is hovered) and a group label (e.g. {@code rewindIteration=50}: one
 * curve per group and branch, groups in the order they first arrive); untagged results form the group "".
 * The data behind the accuracy-versus-sparsity plots, and its CSV.
 */
public final class ResultTable {

    /**
     * One curve: a group and a branch.
     *
     * @param group  the group label, "" when ungrouped
     * @param branch the branch
     */
    public record SeriesKey(String group, Branch branch) {
    }

    private record Tagged(RoundResult result, String member) {
    }

    private final Map<String, Map<Branch, TreeMap<Integer, List<Tagged>>>> results = new LinkedHashMap<>();
    private double denseBaseline = Double.NaN;

    /** Adds one untagged result. */
    public void add(RoundResult r) {
        add(r, "", "");
    }

    /** Adds one result of {@code group} from the repeat named {@code member} (both may be empty). */
    public void add(RoundResult r, String group, String member) {
        results.computeIfAbsent(group == null ? "" : group, g -> new java.util.EnumMap<>(Branch.class))
                .computeIfAbsent(r.branch(), b -> new TreeMap<>())
                .computeIfAbsent(r.round(), k -> new ArrayList<>()).add(new Tagged(r, member == null ? "" : member));
    }

    /** Forgets all results (and the explicit baseline). */
    public void clear() {
        results.clear();
        denseBaseline = Double.NaN;
    }

    /** Sets an explicit dense baseline accuracy (fraction 0..1, or NaN to use ticket round 0). */
    public void setDenseBaseline(double accuracyFraction) {
        this.denseBaseline = accuracyFraction;
    }

    /** Branches with results in any group, enum order. */
    public Set<Branch> branches() {
        Set<Branch> out = EnumSet.noneOf(Branch.class);
        results.values().forEach(m -> out.addAll(m.keySet()));
        return out;
    }

    /** The group labels, in the order they first arrived. */
    public List<String> groups() {
        return List.copyOf(results.keySet());
    }

    /** Every curve: by group (arrival order), then branch (enum order). */
    public List<SeriesKey> series() {
        List<SeriesKey> out = new ArrayList<>();
        results.forEach((g, m) -> m.keySet().forEach(b -> out.add(new SeriesKey(g, b))));
        return out;
    }

    /** Number of results stored. */
    public int size() {
        int n = 0;
        for (Map<Branch, TreeMap<Integer, List<Tagged>>> g : results.values()) {
            for (TreeMap<Integer, List<Tagged>> m : g.values()) {
                for (List<Tagged> l : m.values()) {
                    n += l.size();
                }
            }
        }
        return n;
    }

    /** Aggregated points of {@code branch} in the ungrouped results, by round. */
    public List<ResultPoint> points(Branch branch) {
        return points(new SeriesKey("", branch));
    }

    /** Aggregated points of one curve by round (ascending round = descending weights remaining). */
    public List<ResultPoint> points(SeriesKey key) {
        List<ResultPoint> out = new ArrayList<>();
        TreeMap<Integer, List<Tagged>> m = results.getOrDefault(key.group(), Map.of()).get(key.branch());
        if (m == null) {
            return out;
        }
        for (Map.Entry<Integer, List<Tagged>> e : m.entrySet()) {
            out.add(aggregate(key, e.getKey(), e.getValue()));
        }
        return out;
    }

    private static ResultPoint aggregate(SeriesKey key, int round, List<Tagged> rs) {
        Spread x = spread(rs, r -> r.weightsRemaining() * 100);
        Spread es = spread(rs, r -> r.earlyStopTestAccuracy() * 100);
        Spread fin = spread(rs, r -> r.testAccuracy() * 100);
        Spread it = spread(rs, RoundResult::earlyStopIteration);
        List<String> members = rs.stream().map(Tagged::member).toList();
        return new ResultPoint(key.branch(), round, rs.size(), x.mean(), es.mean(), es.min(), es.max(),
                fin.mean(), fin.min(), fin.max(), it.mean(), it.min(), it.max(), key.group(), es, fin, it, members);
    }

    private static Spread spread(List<Tagged> rs, ToDoubleFunction<RoundResult> f) {
        List<Double> v = new ArrayList<>(rs.size());
        for (Tagged t : rs) {
            v.add(f.applyAsDouble(t.result()));
        }
        return Spread.of(v);
    }

    /** All weights-remaining values (%) of all points. */
    public double[] xValues() {
        List<Double> xs = new ArrayList<>();
        for (SeriesKey k : series()) {
            for (ResultPoint p : points(k)) {
                xs.add(p.remainingPct());
            }
        }
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The dense baseline accuracy (%): the explicit one if set, else the mean of the chosen accuracy kind
     * over every ticket round 0 (of every group), else empty.
     */
    public OptionalDouble denseBaselinePct(boolean atEarlyStop) {
        if (!Double.isNaN(denseBaseline)) {
            return OptionalDouble.of(denseBaseline * 100);
        }
        List<Tagged> dense = new ArrayList<>();
        for (Map<Branch, TreeMap<Integer, List<Tagged>>> g : results.values()) {
            TreeMap<Integer, List<Tagged>> m = g.get(Branch.TICKET);
            if (m != null && m.containsKey(0)) {
                dense.addAll(m.get(0));
            }
        }
        if (dense.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(aggregate(new SeriesKey("", Branch.TICKET), 0, dense).accMean(atEarlyStop));
    }

    /** The aggregated table as CSV, one row per (group, branch, round), with a header. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        sb.append(Csv.row("branch", "round", "n", "weights_remaining_pct",
                "test_acc_at_early_stop_pct_mean", "test_acc_at_early_stop_pct_min", "test_acc_at_early_stop_pct_max",
                "test_acc_final_pct_mean", "test_acc_final_pct_min", "test_acc_final_pct_max",
                "early_stop_iteration_mean", "early_stop_iteration_min", "early_stop_iteration_max",
                "test_acc_at_early_stop_pct_sd", "test_acc_final_pct_sd", "early_stop_iteration_sd", "group"));
        List<SeriesKey> keys = new ArrayList<>(series());
        keys.sort(Comparator.comparing((SeriesKey k) -> groups().indexOf(k.group())).thenComparing(SeriesKey::branch));
        for (SeriesKey k : keys) {
            for (ResultPoint p : points(k)) {
                sb.append(Csv.row(k.branch().id(), p.round(), p.n(), p.remainingPct(), p.esAccMean(), p.esAccMin(),
                        p.esAccMax(), p.finalAccMean(), p.finalAccMin(), p.finalAccMax(), p.iterMean(), p.iterMin(),
                        p.iterMax(), p.esAcc().std(), p.finalAcc().std(), p.iter().std(), k.group()));
            }
        }
        return sb.toString();
    }
}
