package org.lotterylab.api.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lotterylab.api.run.EdgePopupEvent;
import org.lotterylab.api.spec.Branch;

/**
 * The edge-popup files of a run directory, next to the ordinary round files (see docs/run-format.md,
 * "Edge-popup files"; pinned by the golden files in golden/edge-popup). Usable from any thread and from the
 * window without loading ND4J. Tables are read by the store's one CSV reader: a table whose header lacks its
 * columns is an error ({@link CsvFormatException}); a damaged row is skipped and named in {@link #warnings()}.
 *
 * <pre>
 * edge-popup/keeps.csv          round,keep          which fraction kept each round (sweep point) used
 * edge-popup/options.json       the optimiser settings every point of this run directory used
 * edge-popup/round-NN/mask-flips.csv   iteration,epoch,entered,left,kept
 * edge-popup/round-NN/scores-final.npz the trained scores, float32, one array per layer
 * </pre>
 */
public final class EdgePopupStore {

    /** Header of {@code keeps.csv}. */
    public static final String KEEPS_HEADER = "round,keep";
    /** Header of {@code mask-flips.csv}. */
    public static final String FLIPS_HEADER = "iteration,epoch,entered,left,kept";
    /** Header of {@code supermask-<branch>.csv}. */
    public static final String SUPERMASK_HEADER =
            "round,weights_remaining,supermask_test_accuracy,signed_constant_test_accuracy,trained_test_accuracy";

    private final RunLayout layout;
    private final List<String> warnings = new ArrayList<>();

    /** The edge-popup files of the run in {@code layout}. */
    public EdgePopupStore(RunLayout layout) {
        this.layout = layout;
    }

    /** {@code edge-popup/keeps.csv}. */
    public Path keepsCsv() {
        return layout.branchDir(Branch.EDGE_POPUP).resolve("keeps.csv");
    }

    /** {@code edge-popup/options.json}. */
    public Path optionsJson() {
        return layout.branchDir(Branch.EDGE_POPUP).resolve("options.json");
    }

    /** {@code edge-popup/round-NN/mask-flips.csv}. */
    public Path maskFlips(int round) {
        return layout.roundDir(Branch.EDGE_POPUP, round).resolve("mask-flips.csv");
    }

    /** {@code edge-popup/round-NN/scores-final.npz}. */
    public Path scoresFinal(int round) {
        return layout.roundDir(Branch.EDGE_POPUP, round).resolve("scores-final.npz");
    }

    /**
     * The fraction kept of every registered round, by round; empty when there is no {@code keeps.csv}. Rows
     * that do not parse, or whose round is negative or keep outside (0, 1], are skipped (see {@link #warnings()}).
     *
     * @throws CsvFormatException when the header lacks {@code round} or {@code keep}
     */
    public TreeMap<Integer, Double> readKeeps() throws IOException {
        TreeMap<Integer, Double> out = new TreeMap<>();
        read(keepsCsv(), KEEPS_HEADER, (row, line) -> {
            int r = row.integer("round");
            double k = row.number("keep");
            if (r < 0 || !(k > 0 && k <= 1)) {
                throw CsvFormatException.at(layout.relative(keepsCsv()), line, "round " + r + " keep " + k
                        + " is not a round >= 0 with a keep in (0, 1]");
            }
            out.put(r, k);
        });
        return out;
    }

    /** Writes {@code keeps.csv} (atomically). */
    public void writeKeeps(Map<Integer, Double> keeps) throws IOException {
        StringBuilder sb = new StringBuilder(KEEPS_HEADER).append('\n');
        new TreeMap<>(keeps).forEach((r, k) -> sb.append(r).append(',').append(Double.toString(k)).append('\n'));
        Files.createDirectories(keepsCsv().getParent());
        AtomicFiles.writeString(keepsCsv(), sb.toString());
    }

    /**
     * Gives every keep value a round: the registered round of a value already in {@code registry}, else the next
     * free round. Adds new values to {@code registry} and returns the round of each value, in input order.
     */
    public static List<Integer> assignRounds(List<Double> keeps, TreeMap<Integer, Double> registry) {
        List<Integer> rounds = new ArrayList<>();
        for (double k : keeps) {
            Integer found = null;
            for (Map.Entry<Integer, Double> e : registry.entrySet()) {
                if (e.getValue() == k) {
                    found = e.getKey();
                    break;
                }
            }
            if (found == null) {
                found = registry.isEmpty() ? 0 : registry.lastKey() + 1;
                registry.put(found, k);
            }
            rounds.add(found);
        }
        return rounds;
    }

    /** The stored options (strings by key, as {@link #writeOptions} wrote them), or empty when none are stored. */
    public Map<String, String> readOptions() throws IOException {
        String text;
        try {
            text = new String(Files.readAllBytes(optionsJson()), StandardCharsets.UTF_8); // bad bytes become U+FFFD
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        try {
            Json.parseObject(text).forEach((k, v) -> out.put(k, String.valueOf(v)));
        } catch (IllegalArgumentException e) {
            throw new IOException(optionsJson() + " is not readable: " + e.getMessage(), e);
        }
        return out;
    }

    /** Writes {@code options.json} (strings, in the given order). */
    public void writeOptions(Map<String, String> options) throws IOException {
        Files.createDirectories(optionsJson().getParent());
        AtomicFiles.writeString(optionsJson(), Json.write(new LinkedHashMap<>(options)));
    }

    /** Writes a round's {@code mask-flips.csv}. */
    public void writeFlips(int round, List<EdgePopupEvent.MaskFlips> flips) throws IOException {
        StringBuilder sb = new StringBuilder(FLIPS_HEADER).append('\n');
        for (EdgePopupEvent.MaskFlips f : flips) {
            sb.append(f.iteration()).append(',').append(Double.toString(f.epoch())).append(',').append(f.entered())
                    .append(',').append(f.left()).append(',').append(f.kept()).append('\n');
        }
        Files.createDirectories(maskFlips(round).getParent());
        AtomicFiles.writeString(maskFlips(round), sb.toString());
    }

    /**
     * A round's mask flips (empty when the file is missing); rows that do not parse are skipped (see
     * {@link #warnings()}).
     *
     * @throws CsvFormatException when the header lacks one of the columns
     */
    public List<EdgePopupEvent.MaskFlips> readFlips(int round) throws IOException {
        List<EdgePopupEvent.MaskFlips> out = new ArrayList<>();
        read(maskFlips(round), FLIPS_HEADER, (row, line) -> out.add(new EdgePopupEvent.MaskFlips(round,
                row.integer("iteration"), row.number("epoch"), row.integer("entered"), row.integer("left"),
                row.longInteger("kept"))));
        return out;
    }

    /** {@code supermask-<branch>.csv}: the supermasks of {@code branch}'s rounds, in the run directory itself. */
    public Path supermaskCsv(Branch branch) {
        return layout.dir().resolve("supermask-" + branch.id() + ".csv");
    }

    /** Writes {@code supermask-<branch>.csv} (atomically; replaces an earlier one). */
    public void writeSupermasks(Branch branch, List<SupermaskRow> rows) throws IOException {
        StringBuilder sb = new StringBuilder(SUPERMASK_HEADER).append('\n');
        for (SupermaskRow r : rows) {
            sb.append(r.round()).append(',').append(Double.toString(r.weightsRemaining())).append(',')
                    .append(Double.toString(r.supermaskAccuracy())).append(',')
                    .append(Double.toString(r.signedConstantAccuracy())).append(',')
                    .append(Double.toString(r.trainedAccuracy())).append('\n');
        }
        AtomicFiles.writeString(supermaskCsv(branch), sb.toString());
    }

    /**
     * The stored supermasks of {@code branch}, in file order; empty when there is no such file. Rows that do not
     * parse, or hold fractions outside [0, 1], are skipped (see {@link #warnings()}).
     *
     * @throws CsvFormatException when the header lacks one of the columns
     */
    public List<SupermaskRow> readSupermasks(Branch branch) throws IOException {
        List<SupermaskRow> out = new ArrayList<>();
        Path file = supermaskCsv(branch);
        read(file, SUPERMASK_HEADER, (row, line) -> {
            SupermaskRow r = new SupermaskRow(row.integer("round"), row.number("weights_remaining"),
                    row.number("supermask_test_accuracy"), row.number("signed_constant_test_accuracy"),
                    row.number("trained_test_accuracy"));
            if (r.round() < 0 || !(r.weightsRemaining() > 0 && r.weightsRemaining() <= 1)
                    || !(r.supermaskAccuracy() >= 0 && r.supermaskAccuracy() <= 1)) {
                throw CsvFormatException.at(layout.relative(file), line, "round " + r.round()
                        + " is not a round >= 0 with fractions in [0, 1]");
            }
            out.add(r);
        });
        return out;
    }

    /** The rows skipped by the reads so far, each naming its file and line. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Feeds the rows of {@code file} (its header must name {@code header}'s columns) to {@code rows}. */
    private void read(Path file, String header, Csv.RowReader rows) throws IOException {
        CsvFormatException[] fatal = new CsvFormatException[1];
        Csv.readFile(file, layout.relative(file), List.of(header.split(",")), rows, e -> {
            if (e.line() == 1 && !e.truncated()) {
                fatal[0] = e;
            } else {
                warnings.add(e.asWarning());
            }
        });
        if (fatal[0] != null) {
            throw fatal[0];
        }
    }
}
