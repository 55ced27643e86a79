package org.lotterylab.api.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.lotterylab.api.run.MetricPoint;

/**
 * A round's {@code metrics.csv}: one row per evaluation point, header {@value #HEADER}. Losses and
 * accuracies are written with {@link Double#toString(double)} ({@code NaN} when not measured); rows keep
 * their order. Parsing is tolerant like {@link SummaryCsv}; files written before {@code test_loss} was logged
 * (no such column) read with a NaN test loss.
 */
public final class MetricsCsv {

    /** The exact header line. */
    public static final String HEADER = "iteration,train_loss,val_loss,val_accuracy,test_accuracy,test_loss";

    /** Columns a file must have; {@code test_loss} is optional (older runs lack it). */
    private static final List<String> COLUMNS = List.of("iteration", "train_loss", "val_loss", "val_accuracy",
            "test_accuracy");

    private MetricsCsv() {
    }

    /** One row (no line end). */
    public static String formatRow(MetricPoint p) {
        return p.iteration() + "," + Csv.num(p.trainLoss()) + "," + Csv.num(p.valLoss()) + "," + Csv.num(p.valAccuracy())
                + "," + Csv.num(p.testAccuracy()) + "," + Csv.num(p.testLoss());
    }

    /** The whole file text. */
    public static String format(List<MetricPoint> points) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (MetricPoint p : points) {
            sb.append(formatRow(p)).append('\n');
        }
        return sb.toString();
    }

    /** Parses the file text tolerantly. */
    public static Parsed<MetricPoint> parse(String text, String source) {
        return Csv.parse(text, source, COLUMNS, row -> new MetricPoint(row.integer("iteration"),
                row.number("train_loss"), row.number("val_loss"), row.number("val_accuracy"), row.number("test_accuracy"),
                row.has("test_loss") ? row.number("test_loss") : Double.NaN));
    }

    /** Reads a file tolerantly; a missing file gives an empty result. {@code source} names it in warnings. */
    public static Parsed<MetricPoint> read(Path file, String source) throws IOException {
        return parse(Csv.readOrNull(file), source);
    }

    /** Atomically writes the file. */
    public static void write(Path file, List<MetricPoint> points) throws IOException {
        AtomicFiles.writeString(file, format(points));
    }
}
