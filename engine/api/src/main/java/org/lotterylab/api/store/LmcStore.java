package org.lotterylab.api.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.lotterylab.api.run.Instability;

/**
 * The LMC files of a run directory: {@code lmc.csv} (one row per point and split:
 * {@code network,k,seed_pair,alpha,split,error}) and {@code instability.csv} (one row per curve). Both are
 * rewritten atomically after each finished curve, {@code lmc.csv} first, so a curve is finished if and only
 * if it has its row in {@code instability.csv} and all its points in {@code lmc.csv}. Every write re-reads
 * the files first, so two writers in one process (an IMP run and a separate analysis) never drop each
 * other's curves. Rows are sorted by network, k and seed pair, so the same curves give the same bytes. Pinned
 * by the golden files in golden/lmc; read by the store's one CSV reader (a damaged row or a header lacking a
 * column is skipped with a warning naming the file and line).
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

    /** {@code n} evenly spaced alphas in [0, 1]: {@code i / (n - 1)}, so exactly 0 first and exactly 1 last. */
    public static double[] alphas(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("alphas: the path needs at least 2 points, its endpoints (got " + n + ")");
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i / (double) (n - 1);
        }
        a[n - 1] = 1.0;
        return a;
    }

    /** One point row of {@code lmc.csv}. */
    private record Point(double alpha, String split, double error) {
    }

    private TreeMap<Key, StoredCurve> readMap(List<String> warnings) throws IOException {
        TreeMap<Key, StoredCurve> out = new TreeMap<>(ORDER);
        Map<Key, List<Point>> points = new HashMap<>();
        String lmcName = layout.lmcCsv().getFileName().toString();
        read(layout.lmcCsv(), List.of("network", "k", "seed_pair", "alpha", "split", "error"), warnings,
                (row, line) -> points.computeIfAbsent(key(row), x -> new ArrayList<>())
                        .add(new Point(row.number("alpha"), row.text("split"), row.number("error"))));
        read(layout.instabilityCsv(), List.of("network", "k", "seed_pair", "weights_remaining", "alphas",
                "train_iterations"), warnings, (row, line) -> {
                    Key key = key(row);
                    int n = row.integer("alphas");
                    if (n < 2) {
                        throw new IllegalArgumentException("alphas is " + n);
                    }
                    double[] alphas = alphas(n);
                    double[] te = filled(n);
                    double[] tr = filled(n);
                    for (Point p : points.getOrDefault(key, List.of())) {
                        int i = (int) Math.round(p.alpha() * (n - 1));
                        if (i < 0 || i >= n || Math.abs(alphas[i] - p.alpha()) > 1e-9) {
                            continue;
                        }
                        if (p.split().equals("test")) {
                            te[i] = p.error();
                        } else if (p.split().equals("train")) {
                            tr[i] = p.error();
                        }
                    }
                    if (hasNaN(te) || hasNaN(tr)) {
                        warnings.add(layout.instabilityCsv().getFileName() + " line " + line + ": " + lmcName
                                + " lacks points of " + key.network() + " k=" + key.k() + " pair " + key.seedPair()
                                + "; the curve will be recomputed");
                        return;
                    }
                    out.put(key, new StoredCurve(key, row.number("weights_remaining"), row.integer("train_iterations"),
                            alphas, te, tr, optionalCount(row, "test_examples"), optionalCount(row, "train_examples")));
                });
        return out;
    }

    /** Feeds the rows of {@code file} to {@code rows}; every problem becomes a warning and skips its row. */
    private static void read(Path file, List<String> required, List<String> warnings, Csv.RowReader rows)
            throws IOException {
        Csv.readFile(file, file.getFileName().toString(), required, rows, e -> warnings.add(e.asWarning()));
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

    private static Key key(Csv.Row r) {
        String network = r.text("network");
        if (network.isEmpty()) {
            throw new IllegalArgumentException("network is empty");
        }
        return new Key(network, r.integer("k"), r.integer("seed_pair"));
    }

    /** A count column added later: 0 when the file predates it. */
    private static int optionalCount(Csv.Row r, String c) {
        return r.has(c) ? r.integer(c) : 0;
    }

    private static String num(double v) {
        return Double.toString(v);
    }
}
