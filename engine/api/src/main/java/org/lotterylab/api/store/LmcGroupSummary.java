package org.lotterylab.api.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.lotterylab.api.run.LmcNetwork;
import org.lotterylab.api.spec.Branch;

/**
 * The replicates' {@code instability.csv} rows merged: per branch, round and rewinding iteration k, the
 * spread of the test instability over every finished curve of every replicate (all seed pairs). Written as
 * {@code <group file name without .json>-lmc.csv} beside the group file (docs/run-format.md §12). The
 * network {@code dense} counts as round 0 of the ticket; networks that name no IMP round are left out.
 */
public final class LmcGroupSummary {

    /** The exact header line. */
    public static final String HEADER = "branch,round,k,n,weights_remaining,"
            + "instability_mean,instability_std,instability_min,instability_max";

    private static final List<String> REQUIRED = List.of("network", "k", "instability", "weights_remaining");

    /**
     * One finished curve of one replicate.
     *
     * @param branch           the branch of the network
     * @param round            its round (0 = dense)
     * @param k                the rewinding iteration of the start weights
     * @param weightsRemaining fraction of weights the network keeps
     * @param instability      test instability (fraction)
     */
    public record Curve(Branch branch, int round, int k, double weightsRemaining, double instability) {
    }

    /**
     * One merged row.
     *
     * @param branch           branch
     * @param round            round
     * @param k                rewinding iteration
     * @param weightsRemaining mean fraction of weights remaining
     * @param instability      spread of the test instability over the curves
     */
    public record Row(Branch branch, int round, int k, double weightsRemaining, Spread instability) {

        /** Curves merged into this row. */
        public int n() {
            return instability.n();
        }
    }

    private LmcGroupSummary() {
    }

    /** The branch and round an {@code instability.csv} network names, or empty ({@code dense} = ticket round 0). */
    public static Optional<LmcNetwork> network(String label) {
        if ("dense".equals(label)) {
            return Optional.of(new LmcNetwork(Branch.TICKET, 0));
        }
        return LmcNetwork.parse(label);
    }

    /** Parses one run's {@code instability.csv} text tolerantly (bad lines are skipped with a warning). */
    public static Parsed<Curve> parse(String text, String source) {
        Parsed<Optional<Curve>> all = Csv.parse(text, source, REQUIRED, row -> network(row.text("network")).map(
                n -> new Curve(n.branch(), n.round(), row.integer("k"), row.number("weights_remaining"),
                        row.number("instability"))));
        List<Curve> curves = new ArrayList<>();
        all.rows().forEach(o -> o.ifPresent(curves::add));
        return new Parsed<>(curves, all.warnings());
    }

    /** Reads one run directory's {@code instability.csv}; empty when it has none. */
    public static Parsed<Curve> read(Path runDir) throws IOException {
        Path file = runDir.resolve("instability.csv");
        return parse(Csv.readOrNull(file), file.toString());
    }

    /** Merges the replicates' curves (a list per replicate, in seed order), sorted by branch, round and k. */
    public static List<Row> merge(List<List<Curve>> replicates) {
        Map<String, List<Curve>> byKey = new TreeMap<>();
        for (List<Curve> curves : replicates) {
            for (Curve c : curves) {
                String key = String.format("%02d/%06d/%09d", c.branch().ordinal(), c.round(), c.k());
                byKey.computeIfAbsent(key, x -> new ArrayList<>()).add(c);
            }
        }
        List<Row> out = new ArrayList<>();
        for (List<Curve> cs : byKey.values()) {
            List<Double> w = new ArrayList<>();
            List<Double> v = new ArrayList<>();
            for (Curve c : cs) {
                w.add(c.weightsRemaining());
                v.add(c.instability());
            }
            Curve first = cs.get(0);
            out.add(new Row(first.branch(), first.round(), first.k(), Spread.of(w).mean(), Spread.of(v)));
        }
        return out;
    }

    /** The CSV text. */
    public static String format(List<Row> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            Spread s = r.instability();
            sb.append(r.branch().id()).append(',').append(r.round()).append(',').append(r.k()).append(',')
                    .append(r.n()).append(',').append(Csv.num(r.weightsRemaining())).append(',')
                    .append(Csv.num(s.mean())).append(',').append(Csv.num(s.std())).append(',')
                    .append(Csv.num(s.min())).append(',').append(Csv.num(s.max())).append('\n');
        }
        return sb.toString();
    }

    /** The merged table's path for {@code group} under {@code outDir}. */
    public static Path file(Path outDir, ReplicateGroup group) {
        String name = group.fileName();
        return outDir.resolve(name.substring(0, name.length() - ".json".length()) + "-lmc.csv");
    }

    /** Reads every member's curves, in seed order (members without the file give empty lists). */
    public static List<List<Curve>> readMembers(Path outDir, ReplicateGroup group) throws IOException {
        List<List<Curve>> out = new ArrayList<>();
        for (ReplicateGroup.Member m : group.members()) {
            out.add(read(outDir.resolve(m.runDir())).rows());
        }
        return out;
    }

    /**
     * Merges what is on disk now and writes the table atomically once any replicate has a finished curve
     * (a group without LMC curves gets no file); returns the rows.
     */
    public static List<Row> update(Path outDir, ReplicateGroup group) throws IOException {
        List<Row> rows = merge(readMembers(outDir, group));
        if (!rows.isEmpty()) {
            AtomicFiles.writeString(file(outDir, group), format(rows));
        }
        return rows;
    }
}
