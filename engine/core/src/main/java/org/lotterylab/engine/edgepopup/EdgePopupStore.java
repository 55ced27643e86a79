package org.lotterylab.engine.edgepopup;

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
import org.lotterylab.api.store.AtomicFiles;
import org.lotterylab.api.store.Json;
import org.lotterylab.api.store.RunLayout;

/**
 * The edge-popup files of a run directory, next to the ordinary round files (see docs/run-format.md,
 * "Edge-popup files"). Plain Java: usable from any thread and from the window without loading ND4J.
 *
 * <pre>
 * edge-popup/keeps.csv          round,keep          which fraction kept each round (sweep point) used
 * edge-popup/options.json       the optimiser settings every point of this run directory used
 * edge-popup/round-NN/mask-flips.csv   iteration,epoch,entered,left,kept
 * edge-popup/round-NN/scores-final.npz the trained scores, float32, one array per layer
 * supermask-&lt;branch&gt;.csv     the supermasks of an IMP branch's rounds ({@code lth edge-popup --supermask})
 * </pre>
 */
public final class EdgePopupStore {

    /** Header of {@code keeps.csv}. */
    public static final String KEEPS_HEADER = "round,keep";
    /** Header of {@code supermask-<branch>.csv}. */
    public static final String SUPERMASK_HEADER =
            "round,weights_remaining,supermask_test_accuracy,signed_constant_test_accuracy,trained_test_accuracy";

    /** Header of {@code mask-flips.csv}. */
    public static final String FLIPS_HEADER = "iteration,epoch,entered,left,kept";

    private final RunLayout layout;

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
     * The fraction kept of every registered round, by round; empty when there is no {@code keeps.csv}. Lines
     * that do not parse are skipped.
     */
    public TreeMap<Integer, Double> readKeeps() throws IOException {
        TreeMap<Integer, Double> out = new TreeMap<>();
        for (String[] cells : rows(keepsCsv(), KEEPS_HEADER)) {
            try {
                int r = Integer.parseInt(cells[0].trim());
                double k = Double.parseDouble(cells[1].trim());
                if (r >= 0 && k > 0 && k <= 1) {
                    out.put(r, k);
                }
            } catch (NumberFormatException e) {
                // skipped
            }
        }
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

    /** A round's mask flips (empty when the file is missing); lines that do not parse are skipped. */
    public List<EdgePopupEvent.MaskFlips> readFlips(int round) throws IOException {
        List<EdgePopupEvent.MaskFlips> out = new ArrayList<>();
        for (String[] c : rows(maskFlips(round), FLIPS_HEADER)) {
            try {
                out.add(new EdgePopupEvent.MaskFlips(round, Integer.parseInt(c[0].trim()), Double.parseDouble(c[1].trim()),
                        Integer.parseInt(c[2].trim()), Integer.parseInt(c[3].trim()), Long.parseLong(c[4].trim())));
            } catch (NumberFormatException e) {
                // skipped
            }
        }
        return out;
    }

    /** {@code supermask-<branch>.csv}: the supermasks of {@code branch}'s rounds, in the run directory itself. */
    public Path supermaskCsv(Branch branch) {
        return layout.dir().resolve("supermask-" + branch.id() + ".csv");
    }

    /** Writes {@code supermask-<branch>.csv} for a report (atomically; replaces an earlier one). */
    public void writeSupermasks(Supermask.Report report) throws IOException {
        StringBuilder sb = new StringBuilder(SUPERMASK_HEADER).append('\n');
        for (Supermask.Row r : report.rows()) {
            sb.append(r.round()).append(',').append(Double.toString(r.weightsRemaining())).append(',')
                    .append(Double.toString(r.supermaskAccuracy())).append(',')
                    .append(Double.toString(r.signedConstantAccuracy())).append(',')
                    .append(Double.toString(r.trainedAccuracy())).append('\n');
        }
        AtomicFiles.writeString(supermaskCsv(report.branch()), sb.toString());
    }

    /**
     * The stored supermasks of {@code branch}, in file order; empty when there is no such file. Lines that do not
     * parse, or hold fractions outside [0, 1], are skipped.
     */
    public List<Supermask.Row> readSupermasks(Branch branch) throws IOException {
        List<Supermask.Row> out = new ArrayList<>();
        for (String[] c : rows(supermaskCsv(branch), SUPERMASK_HEADER)) {
            try {
                Supermask.Row r = new Supermask.Row(Integer.parseInt(c[0].trim()), Double.parseDouble(c[1].trim()),
                        Double.parseDouble(c[2].trim()), Double.parseDouble(c[3].trim()), Double.parseDouble(c[4].trim()));
                if (r.round() >= 0 && fraction(r.weightsRemaining()) && r.weightsRemaining() > 0
                        && fraction(r.supermaskAccuracy())) {
                    out.add(r);
                }
            } catch (NumberFormatException e) {
                // skipped
            }
        }
        return out;
    }

    private static boolean fraction(double v) {
        return v >= 0 && v <= 1;
    }

    /** Data rows of a small CSV whose header must start with {@code header}'s columns; complete lines only. */
    private static List<String[]> rows(Path file, String header) throws IOException {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8); // bad bytes become U+FFFD
        } catch (NoSuchFileException e) {
            return List.of();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\n", -1);
        int cols = header.split(",").length;
        if (lines.length == 0 || !lines[0].trim().startsWith(header)) {
            throw new IOException(file + ": expected the header '" + header + "'");
        }
        List<String[]> out = new ArrayList<>();
        // the last element is what follows the last '\n': a line cut mid-write when not empty
        for (int i = 1; i < lines.length - 1; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            String[] cells = line.split(",", -1);
            if (cells.length >= cols) {
                out.add(cells);
            }
        }
        return out;
    }
}
