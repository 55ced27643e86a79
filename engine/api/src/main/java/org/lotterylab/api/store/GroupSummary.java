package org.lotterylab.api.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;

/**
 * The replicates' finished rounds merged: per branch and round, the spread of test accuracy, early-stop
 * test accuracy and early-stop iteration over the replicates that finished that round. Written as
 * {@code <group file name without .json>-summary.csv} beside the group file.
 */
public final class GroupSummary {

    /** The exact header line. */
    public static final String HEADER = "branch,round,n,weights_remaining,"
            + cols("test_accuracy") + "," + cols("early_stop_test_accuracy") + "," + cols("early_stop_iteration");

    /**
     * One merged row.
     *
     * @param branch           branch
     * @param round            round
     * @param weightsRemaining mean fraction of weights remaining (equal across replicates by construction)
     * @param testAccuracy     final test accuracy
     * @param earlyStopTestAccuracy test accuracy at the early-stop iteration
     * @param earlyStopIteration    early-stop iteration
     */
    public record Row(Branch branch, int round, double weightsRemaining, Spread testAccuracy,
                      Spread earlyStopTestAccuracy, Spread earlyStopIteration) {

        /** Replicates that finished this round. */
        public int n() {
            return testAccuracy.n();
        }
    }

    private GroupSummary() {
    }

    private static String cols(String m) {
        return m + "_mean," + m + "_std," + m + "_min," + m + "_max";
    }

    /** Merges the replicates' rows (a list per replicate, in seed order). */
    public static List<Row> merge(List<List<RoundResult>> replicates) {
        Map<String, List<RoundResult>> byKey = new TreeMap<>();
        for (List<RoundResult> rows : replicates) {
            for (RoundResult r : rows) {
                String key = String.format("%02d/%06d", r.branch().ordinal(), r.round());
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        }
        List<Row> out = new ArrayList<>();
        for (List<RoundResult> rs : byKey.values()) {
            RoundResult first = rs.get(0);
            out.add(new Row(first.branch(), first.round(), spread(rs, RoundResult::weightsRemaining).mean(),
                    spread(rs, RoundResult::testAccuracy), spread(rs, RoundResult::earlyStopTestAccuracy),
                    spread(rs, r -> r.earlyStopIteration())));
        }
        return out;
    }

    private static Spread spread(List<RoundResult> rs, ToDoubleFunction<RoundResult> f) {
        List<Double> v = new ArrayList<>();
        for (RoundResult r : rs) {
            v.add(f.applyAsDouble(r));
        }
        return Spread.of(v);
    }

    /** Reads the summary.csv of every member that has one, in seed order (missing runs give empty lists). */
    public static List<List<RoundResult>> readMembers(Path outDir, ReplicateGroup group) throws IOException {
        List<List<RoundResult>> out = new ArrayList<>();
        for (ReplicateGroup.Member m : group.members()) {
            out.add(SummaryCsv.read(outDir.resolve(m.runDir()).resolve("summary.csv")).rows());
        }
        return out;
    }

    /** The CSV text. */
    public static String format(List<Row> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            sb.append(r.branch().id()).append(',').append(r.round()).append(',').append(r.n()).append(',')
                    .append(Csv.num(r.weightsRemaining())).append(',').append(cells(r.testAccuracy())).append(',')
                    .append(cells(r.earlyStopTestAccuracy())).append(',').append(cells(r.earlyStopIteration()))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String cells(Spread s) {
        return Csv.num(s.mean()) + "," + Csv.num(s.std()) + "," + Csv.num(s.min()) + "," + Csv.num(s.max());
    }

    /** The merged table's path for {@code group} under {@code outDir}. */
    public static Path file(Path outDir, ReplicateGroup group) {
        String name = group.fileName();
        return outDir.resolve(name.substring(0, name.length() - ".json".length()) + "-summary.csv");
    }

    /** Merges what is on disk now and writes the table atomically; returns the rows. */
    public static List<Row> update(Path outDir, ReplicateGroup group) throws IOException {
        List<Row> rows = merge(readMembers(outDir, group));
        AtomicFiles.writeString(file(outDir, group), format(rows));
        return rows;
    }
}
