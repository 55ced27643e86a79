package org.lotterylab.visuals.lmc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.spec.Branch;

/**
 * The per-round linear-mode-connectivity curves of an IMP run, without JavaFX: what {@link RoundLmcView}
 * draws in the IMP dashboard. Networks are named {@code dense} (round 0 of the ticket branch) or
 * {@code <branch>-round-NN} ({@code ticket-round-03}, {@code random-reinit-round-03}); curves of other
 * networks are ignored. Per (branch, round) the model keeps the first seed pair's test-error path (point by
 * point, as they arrive) and, once the curve is finished, its instability with an optional standard error.
 */
public final class RoundLmc {
    private static final Pattern ROUND_NETWORK = Pattern.compile("^([a-z][a-z0-9-]*?)-round-(\\d+)$");

    /** The published reference shown beside the measurement. */
    public static final String REFERENCE = "Frankle et al. 2020: dense LeNet and its IMP subnetworks are stable "
            + "at k = 0 (instability < 2%)";

    /**
     * Which IMP round of which branch a network name refers to.
     *
     * @param branch the branch
     * @param round  the round (0 = dense)
     */
    public record Id(Branch branch, int round) {
        /** "ticket r3". */
        public String label() {
            return branch.id() + " r" + round;
        }
    }

    /**
     * One round's curve.
     *
     * @param id               branch and round
     * @param k                rewinding iteration of the start weights
     * @param alphas           alpha of each known point, ascending
     * @param errors           test error (fraction) of each known point
     * @param count            points on the full path
     * @param weightsRemaining fraction of weights the network keeps
     * @param instability      test instability once finished, else NaN
     * @param standardError    sampling error of the instability when known, else NaN
     */
    public record Curve(Id id, int k, double[] alphas, double[] errors, int count, double weightsRemaining,
                        double instability, double standardError) {
        /** Whether the curve is finished (its instability is known). */
        public boolean finished() {
            return !Double.isNaN(instability);
        }
    }

    /**
     * A point of the instability-vs-weights-remaining plot.
     *
     * @param round            IMP round
     * @param weightsRemaining fraction of weights kept
     * @param instability      test instability (fraction)
     * @param standardError    its sampling error, NaN when unknown
     */
    public record InstabilityPoint(int round, double weightsRemaining, double instability, double standardError) {
    }

    private static final class Entry {
        final Id id;
        int k;
        double weightsRemaining;
        double[] alphas;
        double[] errors;
        boolean[] known;
        double instability = Double.NaN;
        double se = Double.NaN;

        Entry(Id id) {
            this.id = id;
        }

        void size(int count) {
            if (errors == null || errors.length != count) {
                alphas = new double[count];
                errors = new double[count];
                known = new boolean[count];
            }
        }
    }

    private final Map<Id, Entry> entries = new LinkedHashMap<>();
    private double threshold = 0.02;

    /** The branch and round of a network name, or empty for other networks ({@code dense} is ticket round 0). */
    public static Optional<Id> parse(String network) {
        if ("dense".equals(network)) {
            return Optional.of(new Id(Branch.TICKET, 0));
        }
        Matcher m = ROUND_NETWORK.matcher(network == null ? "" : network);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Id(Branch.fromId(m.group(1)), Integer.parseInt(m.group(2))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Adds a point of seed pair 0; returns whether the model changed. */
    public boolean add(LmcEvent.LmcPoint p) {
        Optional<Id> id = parse(p.network());
        if (id.isEmpty() || p.seedPair() != 0 || p.count() < 2 || p.index() < 0 || p.index() >= p.count()) {
            return false;
        }
        Entry e = entries.computeIfAbsent(id.get(), Entry::new);
        if (e.errors != null && e.k != p.k() || !Double.isNaN(e.instability) && e.k != p.k()) {
            return false; // the round's own curve came first; analyses at other k belong to the LMC tab
        }
        e.k = p.k();
        e.size(p.count());
        e.weightsRemaining = p.weightsRemaining();
        if (e.known[p.index()] && e.errors[p.index()] == p.testError() && e.alphas[p.index()] == p.alpha()) {
            return false;
        }
        e.known[p.index()] = true;
        e.alphas[p.index()] = p.alpha();
        e.errors[p.index()] = p.testError();
        return true;
    }

    /** Marks a curve of seed pair 0 finished, with the sampling error of its instability (NaN when unknown). */
    public boolean done(LmcEvent.LmcCurveDone d, double standardError) {
        Optional<Id> id = parse(d.network());
        if (id.isEmpty() || d.seedPair() != 0) {
            return false;
        }
        Entry e = entries.computeIfAbsent(id.get(), Entry::new);
        if ((e.errors != null || !Double.isNaN(e.instability)) && e.k != d.k()) {
            return false;
        }
        e.k = d.k();
        e.weightsRemaining = d.weightsRemaining();
        e.instability = d.instability();
        e.se = standardError;
        threshold = d.threshold();
        return true;
    }

    /** Removes everything. */
    public void clear() {
        entries.clear();
    }

    /** The stability threshold of the latest finished curve (default 2%). */
    public double threshold() {
        return threshold;
    }

    /** Every curve with at least one point, by branch then round. */
    public List<Curve> curves() {
        List<Curve> out = new ArrayList<>();
        for (Entry e : sorted()) {
            if (e.errors == null) {
                continue;
            }
            int n = 0;
            for (boolean b : e.known) {
                n += b ? 1 : 0;
            }
            double[] a = new double[n];
            double[] err = new double[n];
            for (int i = 0, j = 0; i < e.known.length; i++) {
                if (e.known[i]) {
                    a[j] = e.alphas[i];
                    err[j++] = e.errors[i];
                }
            }
            out.add(new Curve(e.id, e.k, a, err, e.errors.length, e.weightsRemaining, e.instability, e.se));
        }
        return out;
    }

    /** The curve of a branch and round, if any point or its result arrived. */
    public Optional<Curve> curve(Branch branch, int round) {
        Id id = new Id(branch, round);
        return curves().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Finished curves per branch, by increasing round. */
    public Map<Branch, List<InstabilityPoint>> instability() {
        Map<Branch, List<InstabilityPoint>> out = new EnumMap<>(Branch.class);
        for (Entry e : sorted()) {
            if (!Double.isNaN(e.instability)) {
                out.computeIfAbsent(e.id.branch(), b -> new ArrayList<>())
                        .add(new InstabilityPoint(e.id.round(), e.weightsRemaining, e.instability, e.se));
            }
        }
        return out;
    }

    /** The highest round with any curve data, -1 when none. */
    public int latestRound() {
        return entries.keySet().stream().mapToInt(Id::round).max().orElse(-1);
    }

    /** The rounds with curve data, ascending. */
    public List<Integer> rounds() {
        return entries.keySet().stream().map(Id::round).distinct().sorted().toList();
    }

    /**
     * One sentence on the finished curves of {@code round} (the latest finished round when no curve of
     * {@code round} is finished), e.g. "round 5: ticket stable (instability 0.30%), random-reinit stable
     * (0.45%)"; empty when nothing is finished.
     */
    public Optional<String> caption(int round) {
        Map<Branch, List<InstabilityPoint>> all = instability();
        int r = round;
        boolean any = all.values().stream().flatMap(List::stream).anyMatch(p -> p.round() == round);
        if (!any) {
            r = all.values().stream().flatMap(List::stream).mapToInt(InstabilityPoint::round).max().orElse(-1);
        }
        if (r < 0) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder("round ").append(r).append(':');
        boolean first = true;
        for (Map.Entry<Branch, List<InstabilityPoint>> e : all.entrySet()) {
            for (InstabilityPoint p : e.getValue()) {
                if (p.round() != r) {
                    continue;
                }
                sb.append(first ? " " : ", ").append(e.getKey().id()).append(' ')
                        .append(p.instability() < threshold ? "stable" : "unstable")
                        .append(first ? " (instability " : " (").append(pct(p.instability()));
                if (!Double.isNaN(p.standardError())) {
                    sb.append(" \u00b1 ").append(pct(p.standardError()));
                }
                sb.append(')');
                first = false;
            }
        }
        return Optional.of(sb.toString());
    }

    private List<Entry> sorted() {
        List<Entry> list = new ArrayList<>(entries.values());
        list.sort(Comparator.comparing((Entry e) -> e.id.branch()).thenComparingInt(e -> e.id.round()));
        return list;
    }

    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }
}
