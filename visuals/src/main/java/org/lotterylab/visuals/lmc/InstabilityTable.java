package org.lotterylab.visuals.lmc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.lotterylab.api.run.LmcEvent;

/**
 * The finished curves behind {@link InstabilityView}, without JavaFX, aggregated over seed pairs: per
 * (network, k) the mean, standard deviation, minimum and maximum test instability.
 */
public final class InstabilityTable {

    /**
     * The seed pairs of one (network, k).
     *
     * @param network          the network
     * @param k                rewinding iteration
     * @param weightsRemaining fraction of weights the network keeps
     * @param n                seed pairs
     * @param mean             mean instability
     * @param sd               sample standard deviation (0 for one pair)
     * @param min              smallest instability
     * @param max              largest instability
     * @param stable           pairs that were stable
     */
    public record Group(String network, int k, double weightsRemaining, int n, double mean, double sd, double min,
                        double max, int stable) {
    }

    private final Map<String, LmcEvent.LmcCurveDone> curves = new LinkedHashMap<>();

    /** Adds or replaces a curve (keyed by network, k, seed pair). */
    public void add(LmcEvent.LmcCurveDone d) {
        curves.put(d.network() + "/" + d.k() + "/" + d.seedPair(), d);
    }

    /** Removes everything. */
    public void clear() {
        curves.clear();
    }

    /** Finished curves. */
    public int size() {
        return curves.size();
    }

    /** All finished curves, in arrival order. */
    public List<LmcEvent.LmcCurveDone> curves() {
        return List.copyOf(curves.values());
    }

    /** Curves below {@code threshold}. */
    public int stableCount(double threshold) {
        return (int) curves.values().stream().filter(d -> d.instability() < threshold).count();
    }

    /** Groups by network (in first-arrival order), then ascending k. */
    public Map<String, List<Group>> byNetwork() {
        Map<String, TreeMap<Integer, List<LmcEvent.LmcCurveDone>>> m = new LinkedHashMap<>();
        for (LmcEvent.LmcCurveDone d : curves.values()) {
            m.computeIfAbsent(d.network(), x -> new TreeMap<>()).computeIfAbsent(d.k(), x -> new ArrayList<>()).add(d);
        }
        Map<String, List<Group>> out = new LinkedHashMap<>();
        m.forEach((net, byK) -> {
            List<Group> gs = new ArrayList<>();
            byK.values().forEach(list -> gs.add(group(list)));
            out.put(net, gs);
        });
        return out;
    }

    /** Groups by k (ascending), each sorted by increasing weights remaining. */
    public Map<Integer, List<Group>> byK() {
        Map<Integer, List<Group>> out = new TreeMap<>();
        for (List<Group> gs : byNetwork().values()) {
            for (Group g : gs) {
                out.computeIfAbsent(g.k(), x -> new ArrayList<>()).add(g);
            }
        }
        out.values().forEach(l -> l.sort((a, b) -> Double.compare(a.weightsRemaining(), b.weightsRemaining())));
        return out;
    }

    private static Group group(List<LmcEvent.LmcCurveDone> list) {
        int n = list.size();
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int stable = 0;
        for (LmcEvent.LmcCurveDone d : list) {
            sum += d.instability();
            min = Math.min(min, d.instability());
            max = Math.max(max, d.instability());
            stable += d.stable() ? 1 : 0;
        }
        double mean = sum / n;
        double ss = 0;
        for (LmcEvent.LmcCurveDone d : list) {
            ss += (d.instability() - mean) * (d.instability() - mean);
        }
        double sd = n < 2 ? 0 : Math.sqrt(ss / (n - 1));
        LmcEvent.LmcCurveDone first = list.get(0);
        return new Group(first.network(), first.k(), first.weightsRemaining(), n, mean, sd, min, max, stable);
    }

    /** One row per (network, k): {@code network,k,weights_remaining,seed_pairs,mean,sd,min,max,stable}. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("network,k,weights_remaining,seed_pairs,mean_instability,sd,min,max,stable\n");
        for (List<Group> gs : byNetwork().values()) {
            for (Group g : gs) {
                sb.append(String.format(Locale.ROOT, "%s,%d,%s,%d,%s,%s,%s,%s,%d\n", g.network(), g.k(),
                        Double.toString(g.weightsRemaining()), g.n(), Double.toString(g.mean()), Double.toString(g.sd()),
                        Double.toString(g.min()), Double.toString(g.max()), g.stable()));
            }
        }
        return sb.toString();
    }
}
