package org.lotterylab.app.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.store.CsvTable;

/**
 * Reads the linear-mode-connectivity curves of a run directory ({@code lmc.csv} and {@code instability.csv},
 * docs/run-format.md §9) for the window, tolerantly: columns are found by their header names, so extra
 * columns (a standard error, a branch in the network name) are fine; a short, cut or unparsable line is
 * skipped. The CSV's error is a fraction; misclassified counts are not stored and are given as -1.
 */
public final class StoredLmc {
    /** File of the path points. */
    public static final String LMC_CSV = "lmc.csv";
    /** File of the finished curves. */
    public static final String INSTABILITY_CSV = "instability.csv";
    /** Header names accepted for the sampling error of the instability, first found wins. */
    static final List<String> SE_COLUMNS = List.of("instability_se", "se", "standard_error", "instability_stderr");

    /**
     * One finished curve read from disk, as one event for the window's live-update path.
     *
     * @param done          the curve's result ({@code stored} = true)
     * @param standardError sampling error of the instability, NaN when the file has none
     * @param points        the test-split path in alpha order (train errors where stored, else NaN)
     */
    public record Curve(LmcEvent.LmcCurveDone done, double standardError, List<LmcEvent.LmcPoint> points)
            implements RunEvent {
        /** Copies the points. */
        public Curve {
            points = List.copyOf(points);
        }
    }

    private StoredLmc() {
    }

    /** The finished curves of {@code dir}, in file order; empty when it has no LMC files. */
    public static List<Curve> read(Path dir) throws IOException {
        List<Map<String, String>> inst = rows(dir.resolve(INSTABILITY_CSV));
        if (inst.isEmpty()) {
            return List.of();
        }
        // (network/k/pair) -> split -> alpha -> error
        Map<String, Map<String, TreeMap<Double, Double>>> paths = new HashMap<>();
        for (Map<String, String> r : rows(dir.resolve(LMC_CSV))) {
            try {
                String id = r.get("network") + "/" + Integer.parseInt(r.get("k")) + "/" + Integer.parseInt(r.get("seed_pair"));
                paths.computeIfAbsent(id, x -> new LinkedHashMap<>())
                        .computeIfAbsent(r.get("split"), x -> new TreeMap<>())
                        .put(Double.parseDouble(r.get("alpha")), Double.parseDouble(r.get("error")));
            } catch (RuntimeException skipped) {
                // a cut or malformed row
            }
        }
        List<Curve> out = new ArrayList<>();
        for (Map<String, String> r : inst) {
            try {
                out.add(curve(r, paths));
            } catch (RuntimeException skipped) {
                // a cut or malformed row
            }
        }
        return out;
    }

    private static Curve curve(Map<String, String> r, Map<String, Map<String, TreeMap<Double, Double>>> paths) {
        String network = r.get("network");
        int k = Integer.parseInt(r.get("k"));
        int pair = Integer.parseInt(r.get("seed_pair"));
        double remaining = num(r, "weights_remaining", Double.NaN);
        double threshold = num(r, "threshold", 0.02);
        double instability = Double.parseDouble(r.get("instability"));
        double se = Double.NaN;
        for (String c : SE_COLUMNS) {
            if (r.containsKey(c)) {
                se = num(r, c, Double.NaN);
                break;
            }
        }
        LmcEvent.LmcCurveDone done = new LmcEvent.LmcCurveDone(network, k, pair, instability,
                num(r, "max_error", Double.NaN), Double.NaN, num(r, "endpoint_mean_error", Double.NaN),
                instability < threshold, threshold, num(r, "train_instability", Double.NaN),
                num(r, "train_max_error", Double.NaN), num(r, "train_endpoint_mean_error", Double.NaN), remaining,
                (int) num(r, "train_iterations", 0), Double.NaN, true);
        Map<String, TreeMap<Double, Double>> splits = paths.getOrDefault(network + "/" + k + "/" + pair, Map.of());
        TreeMap<Double, Double> test = splits.getOrDefault("test",
                splits.isEmpty() ? new TreeMap<>() : splits.values().iterator().next());
        TreeMap<Double, Double> train = splits.getOrDefault("train", new TreeMap<>());
        List<LmcEvent.LmcPoint> points = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Double, Double> e : test.entrySet()) {
            points.add(new LmcEvent.LmcPoint(network, k, pair, i++, test.size(), e.getKey(), e.getValue(),
                    train.getOrDefault(e.getKey(), Double.NaN), -1, -1, -1, -1, remaining));
        }
        return new Curve(done, se, points.size() >= 2 ? points : List.of());
    }

    private static double num(Map<String, String> r, String column, double otherwise) {
        String v = r.get(column);
        if (v == null || v.isBlank()) {
            return otherwise;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** The rows of a CSV file by header name (the store's one reader: bad lines skipped); empty when missing. */
    static List<Map<String, String>> rows(Path file) throws IOException {
        return CsvTable.rows(file, List.of(), null);
    }
}
