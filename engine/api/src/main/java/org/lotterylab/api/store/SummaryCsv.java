package org.lotterylab.api.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;

/**
 * {@code summary.csv}: one row per finished round, the run's commit marker.
 *
 * <p>Header {@value #HEADER}. {@code weights_remaining} and the accuracies are written with
 * {@link Double#toString(double)} (exact round trip; {@code NaN} when unknown), {@code seconds} with three
 * decimals, always with '.' as decimal separator. Rows are sorted by {@link Branch} order, then round.
 * Parsing is tolerant: truncated or malformed lines are skipped and reported in {@link Parsed#warnings()};
 * parsed results carry no per-layer summaries (those live in each round's {@code layers.csv}).
 */
public final class SummaryCsv {

    /** The exact header line. */
    public static final String HEADER =
            "branch,round,weights_remaining,test_accuracy,early_stop_iteration,early_stop_test_accuracy,seconds";

    private static final List<String> COLUMNS = List.of(HEADER.split(","));

    /** Branch order, then round. */
    public static final Comparator<RoundResult> ORDER =
            Comparator.comparing(RoundResult::branch).thenComparingInt(RoundResult::round);

    private SummaryCsv() {
    }

    /** One row (no line end). */
    public static String formatRow(RoundResult r) {
        return r.branch().id() + "," + r.round() + "," + Csv.num(r.weightsRemaining()) + "," + Csv.num(r.testAccuracy())
                + "," + r.earlyStopIteration() + "," + Csv.num(r.earlyStopTestAccuracy()) + ","
                + String.format(Locale.ROOT, "%.3f", r.seconds());
    }

    /** The whole file text: header and rows in {@link #ORDER}. */
    public static String format(List<RoundResult> rows) {
        List<RoundResult> sorted = new ArrayList<>(rows);
        sorted.sort(ORDER);
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (RoundResult r : sorted) {
            sb.append(formatRow(r)).append('\n');
        }
        return sb.toString();
    }

    /**
     * Parses the file text tolerantly. A later row for the same branch and round replaces an earlier one
     * (with a warning). Rows come back in {@link #ORDER}.
     */
    public static Parsed<RoundResult> parse(String text, String source) {
        Parsed<RoundResult> p = Csv.parse(text, source, COLUMNS, row -> {
            int round = row.integer("round");
            if (round < 0) {
                throw new IllegalArgumentException("round is negative: " + round);
            }
            return new RoundResult(Branch.fromId(row.text("branch")), round, row.number("weights_remaining"),
                    row.number("test_accuracy"), row.integer("early_stop_iteration"),
                    row.number("early_stop_test_accuracy"), row.number("seconds"), List.of());
        });
        List<RoundResult> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>(p.warnings());
        for (RoundResult r : p.rows()) {
            if (rows.removeIf(o -> o.branch() == r.branch() && o.round() == r.round())) {
                warnings.add(source + " lists " + r.branch().id() + " round " + r.round() + " twice; the later row is used");
            }
            rows.add(r);
        }
        rows.sort(ORDER);
        return new Parsed<>(rows, warnings);
    }

    /** Reads the file tolerantly; a missing file gives an empty result. */
    public static Parsed<RoundResult> read(Path file) throws IOException {
        return parse(Csv.readOrNull(file), file.getFileName().toString());
    }

    /** Atomically writes the file. */
    public static void write(Path file, List<RoundResult> rows) throws IOException {
        AtomicFiles.writeString(file, format(rows));
    }
}
