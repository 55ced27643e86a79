package org.lotterylab.engine.lmc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.lotterylab.api.store.AtomicFiles;
import org.lotterylab.api.store.RunLayout;

/**
 * The LMC files of a run directory: {@code lmc.csv} (one row per point and split:
 * {@code network,k,seed_pair,alpha,split,error}) and {@code instability.csv} (one row per curve). Both are
 * rewritten atomically after each finished curve, {@code lmc.csv} first, so a curve is finished if and only
 * if it has its row in {@code instability.csv} and all its points in {@code lmc.csv}. Every write re-reads
 * the files first, so two writers in one process (an IMP run and a separate analysis) never drop each
 * other's curves. Rows are sorted by network, k and seed pair, so the same curves give the same bytes.
 */
public final class LmcStore {

    /** Header of {@code lmc.csv}. */
    public static final String LMC_HEADER = "network,k,seed_pair,alpha,split,error";
    /** Header of {@code instability.csv}. */
    public static final String INSTABILITY_HEADER = "network,k,seed_pair,instability,max_error,endpoint_mean_error,"
            + "stable,train_instability,train_max_error,train_endpoint_mean_error,weights_remaining,alphas,"
            + "train_iterations,threshold,instability_se,train_instability_se,test_examples,train_examples";

    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::network).thenComparingInt(Key::k)
            .thenComparingInt(Key::seedPair);

    private final RunLayout layout;
    private final Object lock;

    /** The identity of a curve; the network name uses letters, digits, '.', '_' and '-' only. */
    public record Key(String network, int k, int seedPair) {
        /** Checks the name (it becomes a CSV cell). */
        public Key {
            if (network == null || !network.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("network name must use letters, digits, '.', '_' and '-' only (got '"
                        + network + "')");
            }
        }
    }

    /**
     * One finished curve as stored.
     *
     * @param weightsRemaining fraction of prunable weights kept
     * @param trainIterations  iterations each copy trained from W_k
     * @param alphas           the path's alphas (evenly spaced, 0 and 1 included)
     * @param testError        test error per point
     * @param trainError       training-split error per point
     * @param testExamples     test examples evaluated per point (0 = not recorded: a file from before the column)
     * @param trainExamples    training examples evaluated per point (0 = not recorded)
     */
    public record StoredCurve(Key key, double weightsRemaining, int trainIterations, double[] alphas,
                              double[] testError, double[] trainError, int testExamples, int trainExamples) {

        /** Binomial standard error of the test instability ({@link Instability#standardError}). */
        public double testInstabilitySe() {
            return Instability.standardError(testError, testExamples);
        }

        /** Binomial standard error of the training-split instability. */
        public double trainInstabilitySe() {
            return Instability.standardError(trainError, trainExamples);
        }
    }

    /** A store over {@code runDir} (nothing is read or created yet). */
    public LmcStore(Path runDir) {
        this.layout = new RunLayout(runDir);
        this.lock = LOCKS.computeIfAbsent(runDir.toAbsolutePath().normalize(), p -> new Object());
    }

    /** The run directory's layout. */
    public RunLayout layout() {
        return layout;
    }

    /** The finished curves on disk (unusable lines are skipped and reported to {@code warnings} if not null). */
    public List<StoredCurve> read(List<String> warnings) throws IOException {
        synchronized (lock) {
            return new ArrayList<>(readMap(warnings == null ? new ArrayList<>() : warnings).values());
        }
    }

    /**
     * The finished curve with this key, if on disk with {@code alphas} points, the same training length and
     * measured on the same numbers of examples.
     */
    public Optional<StoredCurve> find(Key key, int alphas, int trainIterations, int testExamples, int trainExamples)
            throws IOException {
        for (StoredCurve c : read(null)) {
            if (c.key().equals(key) && c.alphas().length == alphas && c.trainIterations() == trainIterations
                    && c.testExamples() == testExamples && c.trainExamples() == trainExamples) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * Adds (or replaces) a finished curve: rewrites {@code lmc.csv}, then {@code instability.csv}, with the
     * stability of every curve judged against {@code threshold}.
     */
    public void put(StoredCurve curve, double threshold) throws IOException {
        synchronized (lock) {
            TreeMap<Key, StoredCurve> all = readMap(new ArrayList<>());
            all.put(curve.key(), curve);
            StringBuilder lmc = new StringBuilder(LMC_HEADER).append('\n');
            StringBuilder inst = new StringBuilder(INSTABILITY_HEADER).append('\n');
            for (StoredCurve c : all.values()) {
                Key k = c.key();
                String prefix = k.network() + "," + k.k() + "," + k.seedPair() + ",";
                for (String split : new String[] {"test", "train"}) {
                    double[] e = split.equals("test") ? c.testError() : c.trainError();
                    for (int i = 0; i < e.length; i++) {
                        lmc.append(prefix).append(num(c.alphas()[i])).append(',').append(split).append(',')
                                .append(num(e[i])).append('\n');
                    }
                }
                Instability t = Instability.of(c.testError(), threshold);
                Instability r = Instability.of(c.trainError(), threshold);
                inst.append(prefix).append(num(t.instability())).append(',').append(num(t.maxError())).append(',')
                        .append(num(t.endpointMeanError())).append(',').append(t.stable()).append(',')
                        .append(num(r.instability())).append(',').append(num(r.maxError())).append(',')
                        .append(num(r.endpointMeanError())).append(',').append(num(c.weightsRemaining())).append(',')
                        .append(c.alphas().length).append(',').append(c.trainIterations()).append(',')
                        .append(num(threshold)).append(',').append(num(c.testInstabilitySe())).append(',')
                        .append(num(c.trainInstabilitySe())).append(',').append(c.testExamples()).append(',')
                        .append(c.trainExamples()).append('\n');
            }
            AtomicFiles.writeString(layout.lmcCsv(), lmc.toString());
            AtomicFiles.writeString(layout.instabilityCsv(), inst.toString());
        }
    }

    private TreeMap<Key, StoredCurve> readMap(List<String> warnings) throws IOException {
        TreeMap<Key, StoredCurve> out = new TreeMap<>(ORDER);
        List<Map<String, String>> instRows = table(layout.instabilityCsv(), List.of("network", "k", "seed_pair",
                "weights_remaining", "alphas", "train_iterations"), warnings);
        List<Map<String, String>> pointRows = table(layout.lmcCsv(), List.of("network", "k", "seed_pair", "alpha",
                "split", "error"), warnings);
        Map<Key, List<Map<String, String>>> points = new HashMap<>();
        for (Map<String, String> r : pointRows) {
            try {
                points.computeIfAbsent(key(r), x -> new ArrayList<>()).add(r);
            } catch (IllegalArgumentException e) {
                warnings.add("lmc.csv line " + r.get("#line") + ": " + e.getMessage() + "; skipped");
            }
        }
        for (Map<String, String> r : instRows) {
            String where = "instability.csv line " + r.get("#line");
            try {
                Key key = key(r);
                int n = integer(r, "alphas");
                if (n < 2) {
                    throw new IllegalArgumentException("alphas is " + n);
                }
                double[] alphas = Interpolation.alphas(n);
                double[] te = filled(n);
                double[] tr = filled(n);
                for (Map<String, String> p : points.getOrDefault(key, List.of())) {
                    double a = number(p, "alpha");
                    int i = (int) Math.round(a * (n - 1));
                    if (i < 0 || i >= n || Math.abs(alphas[i] - a) > 1e-9) {
                        continue;
                    }
                    String split = p.get("split");
                    if (split.equals("test")) {
                        te[i] = number(p, "error");
                    } else if (split.equals("train")) {
                        tr[i] = number(p, "error");
                    }
                }
                if (hasNaN(te) || hasNaN(tr)) {
                    warnings.add(where + ": lmc.csv lacks points of " + key.network() + " k=" + key.k() + " pair "
                            + key.seedPair() + "; the curve will be recomputed");
                    continue;
                }
                out.put(key, new StoredCurve(key, number(r, "weights_remaining"), integer(r, "train_iterations"),
                        alphas, te, tr, optionalCount(r, "test_examples"), optionalCount(r, "train_examples")));
            } catch (IllegalArgumentException e) {
                warnings.add(where + ": " + e.getMessage() + "; skipped");
            }
        }
        return out;
    }

    private static double[] filled(int n) {
        double[] d = new double[n];
        java.util.Arrays.fill(d, Double.NaN);
        return d;
    }

    private static boolean hasNaN(double[] d) {
        for (double v : d) {
            if (Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    private static Key key(Map<String, String> r) {
        String network = r.get("network");
        if (network.isEmpty()) {
            throw new IllegalArgumentException("network is empty");
        }
        return new Key(network, integer(r, "k"), integer(r, "seed_pair"));
    }

    /** A count column added later: 0 when the file predates it. */
    private static int optionalCount(Map<String, String> r, String c) {
        return r.containsKey(c) ? integer(r, c) : 0;
    }

    private static int integer(Map<String, String> r, String c) {
        try {
            return Integer.parseInt(r.get(c));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(c + " is not an integer: '" + r.get(c) + "'");
        }
    }

    private static double number(Map<String, String> r, String c) {
        try {
            return Double.parseDouble(r.get(c));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(c + " is not a number: '" + r.get(c) + "'");
        }
    }

    /** Rows as column maps (plus {@code #line}); a missing file is empty; a truncated last line is skipped. */
    private static List<Map<String, String>> table(Path file, List<String> required, List<String> warnings)
            throws IOException {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String name = file.getFileName().toString();
        List<Map<String, String>> rows = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || lines[0].isBlank()) {
            return rows;
        }
        String[] header = strip(lines[0]).split(",", -1);
        for (String c : required) {
            if (!List.of(header).contains(c)) {
                warnings.add(name + ": header lacks column " + c + "; file ignored");
                return rows;
            }
        }
        boolean complete = text.endsWith("\n");
        int last = complete ? lines.length - 2 : lines.length - 1;
        for (int i = 1; i <= last; i++) {
            String line = strip(lines[i]);
            if (line.isBlank()) {
                continue;
            }
            if (i == last && !complete) {
                warnings.add(name + " line " + (i + 1) + " truncated; skipped");
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != header.length) {
                warnings.add(name + " line " + (i + 1) + ": expected " + header.length + " columns, found "
                        + cells.length + "; skipped");
                continue;
            }
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.putIfAbsent(header[c].trim(), cells[c].trim());
            }
            row.put("#line", Integer.toString(i + 1));
            rows.add(row);
        }
        return rows;
    }

    private static String strip(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static String num(double v) {
        return Double.toString(v);
    }
}
