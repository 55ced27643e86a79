package org.lotterylab.app.ui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.store.SummaryCsv;
import org.lotterylab.visuals.lmc.GroupInstability;

/**
 * A group of runs shown as one result (replicates, or a sweep's points), without JavaFX: every member's
 * finished rounds and LMC curves, and how they are grouped. Each member is labelled by its seed (plus the
 * values of the grid fields it is not grouped by); the chosen grid fields ({@link #groupBy}) give each
 * member its group, one curve per group. When the rewinding iteration is a grid field, the LMC summary is
 * instability versus k, grouped by the other chosen fields, with the spread over the rest (seeds).
 * Filled from disk ({@link #load}) or live as each replicate's round lands ({@link #addResult}).
 */
public final class GroupViewModel {
    /** The spec field of the rewinding iteration k. */
    public static final String K_FIELD = "rewindIteration";

    /**
     * One member's result with its labels.
     *
     * @param group  the group label ("" when ungrouped)
     * @param member the member label, e.g. {@code seed 3}
     * @param result the round result
     */
    public record Tagged(String group, String member, RoundResult result) {
    }

    private final RunGroup group;
    private final List<List<RoundResult>> results = new ArrayList<>();
    private final List<List<LmcEvent.LmcCurveDone>> curves = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final Set<String> groupBy = new LinkedHashSet<>();

    /** An empty model of {@code group}, grouped by default by every grid field except the seed. */
    public GroupViewModel(RunGroup group) {
        this.group = group;
        for (int i = 0; i < group.members().size(); i++) {
            results.add(new ArrayList<>());
            curves.add(new ArrayList<>());
        }
        for (String a : group.axes()) {
            if (!"seed".equals(a)) {
                groupBy.add(a);
            }
        }
    }

    /**
     * Reads every member's {@code summary.csv} and LMC files. A member that has not written them yet counts
     * with what it has (nothing); damaged lines are skipped and reported in {@link #warnings}.
     */
    public static GroupViewModel load(RunGroup group) throws IOException {
        GroupViewModel vm = new GroupViewModel(group);
        for (int i = 0; i < group.members().size(); i++) {
            RunGroup.Member m = group.members().get(i);
            var parsed = SummaryCsv.read(m.dir().resolve("summary.csv"));
            vm.warnings.addAll(parsed.warnings());
            for (RoundResult r : parsed.rows()) {
                vm.addResult(i, r);
            }
            for (StoredLmc.Curve c : StoredLmc.read(m.dir())) {
                vm.addCurve(i, c.done());
            }
        }
        return vm;
    }

    /** The group. */
    public RunGroup group() {
        return group;
    }

    /** Problems met while reading. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Adds a finished round of member {@code index} (a round seen before is replaced). */
    public void addResult(int index, RoundResult r) {
        List<RoundResult> l = results.get(index);
        l.removeIf(x -> x.branch() == r.branch() && x.round() == r.round());
        l.add(r);
    }

    /** Adds a finished LMC curve of member {@code index} (a curve seen before is replaced). */
    public void addCurve(int index, LmcEvent.LmcCurveDone d) {
        List<LmcEvent.LmcCurveDone> l = curves.get(index);
        l.removeIf(x -> x.network().equals(d.network()) && x.k() == d.k() && x.seedPair() == d.seedPair());
        l.add(d);
    }

    /** The grid fields one may group by (a sweep's axes; none for replicates). */
    public List<String> axes() {
        return group.axes();
    }

    /** The chosen grid fields, in grid order. */
    public List<String> groupBy() {
        return group.axes().stream().filter(groupBy::contains).toList();
    }

    /** Groups by {@code fields} (those that are grid fields). */
    public void setGroupBy(List<String> fields) {
        groupBy.clear();
        for (String f : fields) {
            if (group.axes().contains(f)) {
                groupBy.add(f);
            }
        }
    }

    /** Whether the LMC summary is instability versus k: the rewinding iteration is a grid field. */
    public boolean byK() {
        return group.axes().contains(K_FIELD);
    }

    /** The label of member {@code index}: its seed, then the values of the grid fields not grouped by. */
    public String memberLabel(int index) {
        RunGroup.Member m = group.members().get(index);
        StringBuilder sb = new StringBuilder("seed ").append(m.seed());
        for (Map.Entry<String, String> e : m.values().entrySet()) {
            if (!"seed".equals(e.getKey()) && !groupBy.contains(e.getKey())) {
                sb.append(", ").append(e.getKey()).append('=').append(e.getValue());
            }
        }
        return sb.toString();
    }

    /** The group of member {@code index}: the chosen fields' values, e.g. {@code rewindIteration=50}. */
    public String groupLabel(int index) {
        return label(index, false);
    }

    private String label(int index, boolean withoutK) {
        RunGroup.Member m = group.members().get(index);
        List<String> parts = new ArrayList<>();
        for (String f : groupBy()) {
            if (!(withoutK && K_FIELD.equals(f))) {
                parts.add(f + "=" + m.values().get(f));
            }
        }
        return String.join(", ", parts);
    }

    /** Every member's results with their labels, ordered by group (grid order), then member. */
    public List<Tagged> tagged() {
        List<String> order = groupOrder();
        List<Tagged> out = new ArrayList<>();
        for (String g : order) {
            for (int i = 0; i < results.size(); i++) {
                if (groupLabel(i).equals(g)) {
                    for (RoundResult r : results.get(i)) {
                        out.add(new Tagged(g, memberLabel(i), r));
                    }
                }
            }
        }
        return out;
    }

    /** The group labels in the order of the members (the sweep's grid order). */
    public List<String> groupOrder() {
        Set<String> order = new LinkedHashSet<>();
        for (int i = 0; i < results.size(); i++) {
            order.add(groupLabel(i));
        }
        return List.copyOf(order);
    }

    /**
     * The LMC summary: every member's finished curves, grouped by the chosen fields (without k when k is a
     * grid field: then k is the x axis and the members at one k give the spread); member labels are seeds.
     */
    public GroupInstability instability() {
        GroupInstability g = new GroupInstability();
        boolean k = byK();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < curves.size(); i++) {
            order.add(i);
        }
        List<String> groups = new ArrayList<>(new LinkedHashSet<>(order.stream().map(i -> label(i, k)).toList()));
        order.sort(java.util.Comparator.comparingInt(i -> groups.indexOf(label(i, k))));
        for (int i : order) {
            String member = k ? memberLabelWithoutK(i) : memberLabel(i);
            for (LmcEvent.LmcCurveDone d : curves.get(i)) {
                g.add(label(i, k), member, d.network(), d.k(), d.weightsRemaining(), d.instability());
            }
        }
        return g;
    }

    private String memberLabelWithoutK(int index) {
        String l = memberLabel(index);
        return l.replaceAll(", " + K_FIELD + "=[^,]*", "");
    }

    /** Members with at least one finished round. */
    public int membersWithResults() {
        return (int) results.stream().filter(l -> !l.isEmpty()).count();
    }

    /** Finished rounds over all members. */
    public int rounds() {
        return results.stream().mapToInt(List::size).sum();
    }
}
