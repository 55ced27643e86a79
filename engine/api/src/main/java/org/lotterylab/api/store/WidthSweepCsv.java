package org.lotterylab.api.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.lotterylab.api.spec.ExperimentSpec;

/**
 * The table of a width sweep ({@code lth edge-popup --widths 1,2,4,8}):
 * {@code <out>/<name>-<hash>}{@value #SUFFIX}, named after the width-1 edge-popup run, beside the run
 * directories it lists (one per width, each an ordinary edge-popup run, and the trained target's IMP run).
 *
 * <p>Header {@value #HEADER}; rows: every strong ticket (width ascending, then keep descending), then the
 * trained target. Accuracies are fractions written with {@link Double#toString(double)}; '.' decimals, no
 * quoting, '\n' line ends, so {@code pandas.read_csv} and {@code numpy.genfromtxt(..., names=True,
 * dtype=None, delimiter=",", encoding=None)} read it as is. Parsing is tolerant like the run files'.
 */
public final class WidthSweepCsv {

    /** The exact header line. */
    public static final String HEADER =
            "kind,width,hidden,keep,weights,weights_kept,test_accuracy,early_stop_test_accuracy,run";
    /** Suffix of width-sweep tables. */
    public static final String SUFFIX = ".widths.csv";

    private static final List<String> COLUMNS = List.of(HEADER.split(","));

    /** Strong tickets by width then keep (most edges first), the target last. */
    public static final Comparator<WidthSweepRow> ORDER = Comparator.comparing(WidthSweepRow::kind)
            .thenComparingInt(WidthSweepRow::width)
            .thenComparing(WidthSweepRow::keep, Comparator.reverseOrder());

    private WidthSweepCsv() {
    }

    /** The table's file name for a sweep whose width-1 edge-popup run has spec {@code base}. */
    public static String fileName(ExperimentSpec base) {
        return base.runDirName() + SUFFIX;
    }

    /** The whole file text, rows in {@link #ORDER}. */
    public static String format(List<WidthSweepRow> rows) {
        List<WidthSweepRow> sorted = new ArrayList<>(rows);
        sorted.sort(ORDER);
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (WidthSweepRow r : sorted) {
            sb.append(r.kind().id()).append(',').append(r.width()).append(',').append(r.hidden()).append(',')
                    .append(Csv.num(r.keep())).append(',').append(r.weights()).append(',').append(r.weightsKept())
                    .append(',').append(Csv.num(r.testAccuracy())).append(',')
                    .append(Csv.num(r.earlyStopTestAccuracy())).append(',').append(r.run()).append('\n');
        }
        return sb.toString();
    }

    /** Parses the file text tolerantly; rows come back in {@link #ORDER}. */
    public static Parsed<WidthSweepRow> parse(String text, String source) {
        Parsed<WidthSweepRow> p = Csv.parse(text, source, COLUMNS, row -> new WidthSweepRow(
                WidthSweepRow.Kind.fromId(row.text("kind")), row.integer("width"), row.text("hidden"),
                row.number("keep"), longValue(row, "weights"), longValue(row, "weights_kept"),
                row.number("test_accuracy"), row.number("early_stop_test_accuracy"), row.text("run")));
        List<WidthSweepRow> rows = new ArrayList<>(p.rows());
        rows.sort(ORDER);
        return new Parsed<>(rows, p.warnings());
    }

    /** Reads the file tolerantly; a missing file gives an empty result. */
    public static Parsed<WidthSweepRow> read(Path file) throws IOException {
        return parse(Csv.readOrNull(file), file.getFileName().toString());
    }

    /** Atomically writes the file. */
    public static void write(Path file, List<WidthSweepRow> rows) throws IOException {
        AtomicFiles.writeString(file, format(rows));
    }

    /**
     * The width-sweep table that belongs to {@code dir}: the newest {@value #SUFFIX} file in it (a folder of
     * runs), else, when {@code dir} is a run directory, the newest one beside it that lists that run.
     */
    public static Optional<Path> locate(Path dir) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Optional<Path> own = newest(dir, p -> true);
        if (own.isPresent()) {
            return own;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent == null) {
            return Optional.empty();
        }
        String name = dir.getFileName().toString();
        return newest(parent, p -> {
            try {
                return read(p).rows().stream().anyMatch(r -> r.run().equals(name));
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static Optional<Path> newest(Path dir, java.util.function.Predicate<Path> accept) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p))
                    .filter(accept)
                    .max(Comparator.comparing(WidthSweepCsv::modified).thenComparing(Path::toString));
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long longValue(Csv.Row row, String column) {
        String t = row.text(column);
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " is not an integer: '" + t + "'");
        }
    }
}
