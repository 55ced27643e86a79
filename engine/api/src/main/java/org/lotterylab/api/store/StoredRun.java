package org.lotterylab.api.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.mask.LayerSummary;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.SpecException;

/**
 * A run directory opened for browsing (window, CLI), including one still being written or cut off by a
 * crash. Opening reads only the small files (spec, layers, summary, round tables); arrays are read on
 * demand. Damage never prevents opening: what could not be used is listed in {@link #warnings()}.
 * {@link #refresh()} re-reads a growing run. Safe to use from several threads.
 */
public final class StoredRun {

    /**
     * The newest run format this lab reads (docs/run-format.md). A run whose {@code run.json} holds a larger
     * {@code format} number was written by a newer lab and is refused with a message saying so.
     */
    public static final int FORMAT = 2;

    private final RunLayout layout;
    private final ExperimentSpec spec;
    private final List<String> lazyWarnings = new CopyOnWriteArrayList<>();
    private volatile Snapshot snapshot;

    private record Snapshot(List<LayerInfo> layers, List<RoundResult> results, Map<String, String> runInfo,
                            List<String> warnings) {
    }

    private StoredRun(RunLayout layout, ExperimentSpec spec) {
        this.layout = layout;
        this.spec = spec;
    }

    /**
     * Opens a run directory.
     *
     * @throws IOException when {@code dir} is missing, is not a run directory (no {@code spec.json}; the
     *                     message lists what a run directory holds) or its spec is unreadable
     */
    public static StoredRun open(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "run directory does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a run directory: it is a file");
        }
        RunLayout layout = new RunLayout(dir);
        if (!Files.isRegularFile(layout.specJson())) {
            throw new IOException(dir + " is not a run directory: spec.json is missing (a run directory holds spec.json, "
                    + "layers.csv, summary.csv, theta-0.npz, theta-k.npz and <branch>/round-NN/ folders with masks.npz, "
                    + "weights-final.npz, metrics.csv and layers.csv)");
        }
        checkFormat(layout.runJson());
        ExperimentSpec spec;
        try {
            spec = SpecJson.read(layout.specJson());
        } catch (SpecException e) {
            throw new IOException(layout.specJson() + ": invalid spec: " + e.getMessage(), e);
        }
        StoredRun run = new StoredRun(layout, spec);
        run.snapshot = run.load();
        return run;
    }

    /** The run directory. */
    public Path dir() {
        return layout.dir();
    }

    /** The file layout. */
    public RunLayout layout() {
        return layout;
    }

    /** The spec from {@code spec.json}. */
    public ExperimentSpec spec() {
        return spec;
    }

    /** The prunable layers from {@code layers.csv} (empty while not yet written). */
    public List<LayerInfo> layers() {
        return snapshot.layers();
    }

    /** {@code run.json} as strings (empty when missing or unreadable). */
    public Map<String, String> runInfo() {
        return snapshot.runInfo();
    }

    /** Finished rounds in branch, then round order, with per-layer summaries where the round's layers.csv reads. */
    public List<RoundResult> results() {
        return snapshot.results();
    }

    /** The result of one finished round, if finished. */
    public Optional<RoundResult> result(Branch branch, int round) {
        return results().stream().filter(r -> r.branch() == branch && r.round() == round).findFirst();
    }

    /** Branches with at least one finished round, in {@link Branch} order. */
    public List<Branch> branches() {
        return results().stream().map(RoundResult::branch).distinct().sorted().toList();
    }

    /** Finished rounds of {@code branch}, ascending. */
    public List<Integer> rounds(Branch branch) {
        return results().stream().filter(r -> r.branch() == branch).map(RoundResult::round).sorted().toList();
    }

    /** A round's masks. @throws IOException when missing or corrupt (the message names the file) */
    public List<Mask> masks(Branch branch, int round) throws IOException {
        return required(layout.masks(branch, round), Npz::readMasks);
    }

    /** A round's trained weights, one tensor per layer (no biases). @throws IOException when missing or corrupt */
    public List<Tensor> finalWeights(Branch branch, int round) throws IOException {
        return required(layout.weightsFinal(branch, round), Npz::readWeights);
    }

    /**
     * A round's trained biases, {@code <layer>.bias} in layer order; empty for runs written before biases were
     * stored. @throws IOException when missing or corrupt
     */
    public List<Tensor> finalBiases(Branch branch, int round) throws IOException {
        return required(layout.weightsFinal(branch, round), Npz::readBiases);
    }

    /** The initial weights, or empty while not written. @throws IOException when corrupt */
    public Optional<List<Tensor>> theta0() throws IOException {
        return optional(layout.theta0(), Npz::readTensors);
    }

    /** The rewind weights theta_k, or empty while not written. @throws IOException when corrupt */
    public Optional<List<Tensor>> thetaK() throws IOException {
        return optional(layout.thetaK(), Npz::readTensors);
    }

    /** Reads one of the run's array files. */
    @FunctionalInterface
    private interface ArrayReader<T> {
        T read(Path f) throws IOException;
    }

    /** {@code f} read, or an IOException naming it when it is missing. */
    private <T> T required(Path f, ArrayReader<T> reader) throws IOException {
        try {
            return reader.read(f);
        } catch (NoSuchFileException e) {
            throw missing(f);
        }
    }

    /** {@code f} read, or empty when it is missing. */
    private static <T> Optional<T> optional(Path f, ArrayReader<T> reader) throws IOException {
        try {
            return Optional.of(reader.read(f));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * A round's evaluation points (empty when the file is missing). Lines that cannot be used are skipped and
     * added to {@link #warnings()}.
     */
    public List<MetricPoint> metrics(Branch branch, int round) throws IOException {
        Path f = layout.metrics(branch, round);
        Parsed<MetricPoint> p = MetricsCsv.read(f, layout.relative(f));
        for (String w : p.warnings()) {
            if (!lazyWarnings.contains(w)) {
                lazyWarnings.add(w);
            }
        }
        return p.rows();
    }

    /** What could not be used, one line each, e.g. {@code summary.csv line 7 truncated; skipped}. */
    public List<String> warnings() {
        List<String> all = new ArrayList<>(snapshot.warnings());
        for (String w : lazyWarnings) {
            if (!all.contains(w)) {
                all.add(w);
            }
        }
        return all;
    }

    /**
     * Re-reads the small files of a growing run.
     *
     * @return whether layers or results changed
     */
    public boolean refresh() throws IOException {
        Snapshot old = snapshot;
        Snapshot next = load();
        snapshot = next;
        return !old.layers().equals(next.layers()) || !old.results().equals(next.results());
    }

    private Snapshot load() throws IOException {
        List<String> warnings = new ArrayList<>();
        Parsed<LayerInfo> layers = LayersCsv.readLayers(layout.layersCsv());
        warnings.addAll(layers.warnings());
        Parsed<RoundResult> summary = SummaryCsv.read(layout.summaryCsv());
        warnings.addAll(summary.warnings());
        if (layers.rows().isEmpty() && !summary.rows().isEmpty()) {
            warnings.add("layers.csv missing or empty");
        }
        List<RoundResult> results = new ArrayList<>();
        Map<Branch, List<Integer>> listed = new EnumMap<>(Branch.class);
        for (RoundResult row : summary.rows()) {
            Branch b = row.branch();
            int r = row.round();
            listed.computeIfAbsent(b, k -> new ArrayList<>()).add(r);
            String missing = Files.isRegularFile(layout.masks(b, r)) ? null
                    : "masks.npz";
            if (missing == null && !Files.isRegularFile(layout.weightsFinal(b, r))) {
                missing = "weights-final.npz";
            }
            if (missing != null) {
                warnings.add("round " + r + " of " + b.id() + " listed in summary.csv but " + missing + " missing; skipped");
                continue;
            }
            Path lf = layout.roundLayers(b, r);
            Parsed<LayerSummary> ls = LayersCsv.readSummaries(lf, layout.relative(lf));
            warnings.addAll(ls.warnings());
            if (ls.rows().isEmpty() && ls.clean()) {
                warnings.add(layout.relative(lf) + " missing; per-layer sparsity of " + b.id() + " round " + r + " unknown");
            }
            results.add(new RoundResult(b, r, row.weightsRemaining(), row.testAccuracy(), row.earlyStopIteration(),
                    row.earlyStopTestAccuracy(), row.seconds(), ls.rows()));
        }
        for (Branch b : Branch.values()) {
            for (int r : roundDirs(b)) {
                if (!listed.getOrDefault(b, List.of()).contains(r)) {
                    warnings.add(b.id() + "/" + RunLayout.roundDirName(r) + " has no summary row (not finished); ignored");
                }
            }
        }
        return new Snapshot(layers.rows(), List.copyOf(results), readRunInfo(warnings), List.copyOf(warnings));
    }

    private List<Integer> roundDirs(Branch b) throws IOException {
        Path bd = layout.branchDir(b);
        List<Integer> out = new ArrayList<>();
        if (!Files.isDirectory(bd)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(bd)) {
            for (Path p : ds) {
                OptionalInt r = RunLayout.parseRoundDirName(p.getFileName().toString());
                if (r.isPresent() && Files.isDirectory(p)) {
                    out.add(r.getAsInt());
                }
            }
        }
        out.sort(null);
        return out;
    }

    private Map<String, String> readRunInfo(List<String> warnings) {
        Path f = layout.runJson();
        if (!Files.isRegularFile(f)) {
            return Map.of();
        }
        try {
            Map<String, Object> m = Json.parseObject(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            Map<String, String> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, v instanceof String s ? s : Json.writeCompact(v)));
            return Collections.unmodifiableMap(out);
        } catch (IOException | IllegalArgumentException e) {
            warnings.add("run.json unreadable: " + e.getMessage());
            return Map.of();
        }
    }

    /** Refuses a run whose {@code run.json} names a format newer than {@link #FORMAT}; damage is left to {@link #load()}. */
    private static void checkFormat(Path runJson) throws IOException {
        if (!Files.isRegularFile(runJson)) {
            return;
        }
        Object format;
        try {
            format = Json.parseObject(new String(Files.readAllBytes(runJson), StandardCharsets.UTF_8)).get("format");
        } catch (IOException | IllegalArgumentException e) {
            return; // reported as a warning when the run loads
        }
        if (format == null) {
            return;
        }
        double v;
        try {
            v = format instanceof Number n ? n.doubleValue() : Double.parseDouble(format.toString().trim());
        } catch (NumberFormatException e) {
            throw new IOException(runJson + ": run format \"" + format + "\" is not a number; this lab reads run format "
                    + FORMAT + " and older");
        }
        if (!(v <= FORMAT)) {
            throw new IOException(runJson.getParent() + " was written by a newer lab (run format " + Json.writeCompact(format)
                    + "); this lab reads run format " + FORMAT + " and older: open it with a newer lab");
        }
    }

    private IOException missing(Path f) {
        return new NoSuchFileException(f.toString(), null, layout.relative(f) + " is missing in run " + layout.dir());
    }
}
