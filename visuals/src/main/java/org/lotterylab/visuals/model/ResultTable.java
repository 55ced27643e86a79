package org.lotterylab.visuals.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;

/**
 * Round results grouped by (branch, round); several results for one pair (e.g. seeds) are aggregated to
 * mean, min and max. The data behind the accuracy-versus-sparsity plots, and its CSV.
 */
public final class ResultTable {
    private final Map<Branch, TreeMap<Integer, List<RoundResult>>> results = new EnumMap<>(Branch.class);
    private double denseBaseline = Double.NaN;

    /** Adds one result. */
    public void add(RoundResult r) {
        results.computeIfAbsent(r.branch(), b -> new TreeMap<>()).computeIfAbsent(r.round(), k -> new ArrayList<>()).add(r);
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

    /** Branches with results, enum order. */
    public Set<Branch> branches() {
        return results.keySet();
    }

    /** Number of results stored. */
    public int size() {
        int n = 0;
        for (TreeMap<Integer, List<RoundResult>> m : results.values()) {
            for (List<RoundResult> l : m.values()) {
                n += l.size();
            }
        }
        return n;
    }

    /** Aggregated points of {@code branch} by round (ascending round = descending weights remaining). */
    public List<ResultPoint> points(Branch branch) {
        List<ResultPoint> out = new ArrayList<>();
        TreeMap<Integer, List<RoundResult>> m = results.get(branch);
        if (m == null) {
            return out;
        }
        for (Map.Entry<Integer, List<RoundResult>> e : m.entrySet()) {
            out.add(aggregate(branch, e.getKey(), e.getValue()));
        }
        return out;
    }

    private static ResultPoint aggregate(Branch b, int round, List<RoundResult> rs) {
        double x = 0;
        double es = 0;
        double esMin = Double.POSITIVE_INFINITY;
        double esMax = Double.NEGATIVE_INFINITY;
        double fin = 0;
        double finMin = Double.POSITIVE_INFINITY;
        double finMax = Double.NEGATIVE_INFINITY;
        double it = 0;
        double itMin = Double.POSITIVE_INFINITY;
        double itMax = Double.NEGATIVE_INFINITY;
        for (RoundResult r : rs) {
            x += r.weightsRemaining() * 100;
            double a = r.earlyStopTestAccuracy() * 100;
            es += a;
            esMin = Math.min(esMin, a);
            esMax = Math.max(esMax, a);
            double f = r.testAccuracy() * 100;
            fin += f;
            finMin = Math.min(finMin, f);
            finMax = Math.max(finMax, f);
            it += r.earlyStopIteration();
            itMin = Math.min(itMin, r.earlyStopIteration());
            itMax = Math.max(itMax, r.earlyStopIteration());
        }
        int n = rs.size();
        return new ResultPoint(b, round, n, x / n, es / n, esMin, esMax, fin / n, finMin, finMax, it / n, itMin, itMax);
    }

    /** All weights-remaining values (%) of all points. */
    public double[] xValues() {
        List<Double> xs = new ArrayList<>();
        for (Branch b : results.keySet()) {
            for (ResultPoint p : points(b)) {
                xs.add(p.remainingPct());
            }
        }
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The dense baseline accuracy (%): the explicit one if set, else the ticket branch's round-0 mean of
     * the chosen accuracy kind, else empty.
     */
    public OptionalDouble denseBaselinePct(boolean atEarlyStop) {
        if (!Double.isNaN(denseBaseline)) {
            return OptionalDouble.of(denseBaseline * 100);
        }
        TreeMap<Integer, List<RoundResult>> m = results.get(Branch.TICKET);
        if (m == null || !m.containsKey(0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(aggregate(Branch.TICKET, 0, m.get(0)).accMean(atEarlyStop));
    }

    /** The aggregated table as CSV, one row per (branch, round), with a header. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        sb.append(Csv.row("branch", "round", "n", "weights_remaining_pct",
                "test_acc_at_early_stop_pct_mean", "test_acc_at_early_stop_pct_min", "test_acc_at_early_stop_pct_max",
                "test_acc_final_pct_mean", "test_acc_final_pct_min", "test_acc_final_pct_max",
                "early_stop_iteration_mean", "early_stop_iteration_min", "early_stop_iteration_max"));
        for (Branch b : results.keySet()) {
            for (ResultPoint p : points(b)) {
                sb.append(Csv.row(b.id(), p.round(), p.n(), p.remainingPct(), p.esAccMean(), p.esAccMin(), p.esAccMax(),
                        p.finalAccMean(), p.finalAccMin(), p.finalAccMax(), p.iterMean(), p.iterMin(), p.iterMax()));
            }
        }
        return sb.toString();
    }
}
