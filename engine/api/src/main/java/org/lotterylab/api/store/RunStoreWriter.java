package org.lotterylab.api.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
 * Writes one run directory for the engine (one writer per run, used from the engine thread; methods are
 * synchronized so other threads may call the read methods).
 *
 * <p>Every file is written atomically ({@link AtomicFiles}). {@link #writeRound} writes the round's files
 * first and rewrites {@code summary.csv} last: a round is finished iff its summary row exists and its
 * {@code masks.npz} and {@code weights-final.npz} load. {@link #finishedRounds()} applies exactly that rule,
 * so a run cut off by a crash resumes after its last finished round.
 */
public final class RunStoreWriter {

    /** Serialises summary.csv merges inside this JVM (file locks guard against other processes). */
    private static final Object SUMMARY_LOCK = new Object();

    private static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.tmp-[0-9a-f]+");

    private final RunLayout layout;
    private final List<RoundResult> summary = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private List<LayerInfo> layers;

    private RunStoreWriter(RunLayout layout) {
        this.layout = layout;
    }

    /**
     * Opens (creating it if needed) a run directory; loads any existing {@code summary.csv} rows, which
     * are kept when new rows are added, and deletes temporary files ({@code .<name>.tmp-<hex>}) left by a
     * process that died while writing.
     */
    public static RunStoreWriter open(Path runDir) throws IOException {
        Files.createDirectories(runDir);
        deleteStaleTempFiles(runDir);
        RunStoreWriter w = new RunStoreWriter(new RunLayout(runDir));
        Parsed<RoundResult> p = SummaryCsv.read(w.layout.summaryCsv());
        w.summary.addAll(p.rows());
        w.warnings.addAll(p.warnings());
        Parsed<LayerInfo> l = LayersCsv.readLayers(w.layout.layersCsv());
        if (!l.rows().isEmpty() && l.clean()) {
            w.layers = l.rows();
        }
        return w;
    }

    /** The layout of the run directory. */
    public RunLayout layout() {
        return layout;
    }

    /** Warnings from reading existing files (e.g. skipped summary lines). */
    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * Writes {@code spec.json}, or checks that an existing one holds the same spec (then leaves it as is).
     *
     * @throws IOException "run directory holds a different spec: ..." when it does not, naming the fields that differ
     */
    public synchronized void writeSpec(ExperimentSpec spec) throws IOException {
        Path file = layout.specJson();
        if (Files.exists(file)) {
            ExperimentSpec old;
            try {
                old = SpecJson.read(file);
            } catch (SpecException e) {
                throw new IOException("run directory holds an unreadable spec: " + file + ": " + e.getMessage()
                        + "; refusing to overwrite it", e);
            } catch (IOException e) {
                throw new IOException("run directory holds an unreadable spec: " + e.getMessage()
                        + "; refusing to overwrite it", e);
            }
            if (!old.equals(spec)) {
                throw new IOException("run directory holds a different spec: " + file + " differs in "
                        + differences(old, spec) + "; choose another output directory or name");
            }
            return;
        }
        SpecJson.write(file, spec);
    }

    /** Writes the run-level {@code layers.csv}. */
    public synchronized void writeLayers(List<LayerInfo> layerList) throws IOException {
        LayersCsv.writeLayers(layout.layersCsv(), layerList);
        this.layers = List.copyOf(layerList);
    }

    /** Writes {@code run.json} (free-form metadata, in map order), replacing any earlier one. */
    public synchronized void writeRunInfo(Map<String, String> info) throws IOException {
        AtomicFiles.writeString(layout.runJson(), Json.write(new LinkedHashMap<>(info)));
    }

    /** Writes {@code theta-0.npz}. */
    public synchronized void writeTheta0(List<Tensor> theta0) throws IOException {
        checkAgainstLayers("theta-0", theta0.stream().map(t -> new Named(t.name(), t.shape())).toList());
        Npz.write(layout.theta0(), theta0);
    }

    /** Writes {@code theta-k.npz} (also when k = 0, then equal to theta-0). */
    public synchronized void writeThetaK(List<Tensor> thetaK) throws IOException {
        checkAgainstLayers("theta-k", thetaK.stream().map(t -> new Named(t.name(), t.shape())).toList());
        Npz.write(layout.thetaK(), thetaK);
    }

    /**
     * Writes a finished round: {@code masks.npz}, {@code weights-final.npz}, {@code metrics.csv} and the
     * round's {@code layers.csv} (from {@code result.layers()}, or computed from the masks when empty), then
     * rewrites {@code summary.csv} with the row added or replaced. The summary row is the commit marker.
     *
     * @throws IllegalArgumentException when masks and weights disagree in names, order or shapes (or with layers.csv)
     */
    public synchronized void writeRound(RoundResult result, List<Mask> masks, List<Tensor> finalWeights,
                                        List<MetricPoint> metrics) throws IOException {
        writeRound(result, masks, finalWeights, List.of(), metrics);
    }

    /**
     * As {@link #writeRound(RoundResult, List, List, List)}, with every layer's final biases stored in
     * {@code weights-final.npz} after the weights, named {@code <layer>.bias} ({@link Npz#biasName}).
     *
     * @param finalBiases one tensor per layer in layer order, named {@code <layer>.bias}, or empty
     * @throws IllegalArgumentException also when the biases are not one per layer, in order, so named
     */
    @SuppressWarnings("try") // the resource is held for the block's extent, never referenced
    public synchronized void writeRound(RoundResult result, List<Mask> masks, List<Tensor> finalWeights,
                                        List<Tensor> finalBiases, List<MetricPoint> metrics) throws IOException {
        Objects.requireNonNull(result, "result");
        if (!finalBiases.isEmpty()) {
            List<String> expected = masks.stream().map(x -> Npz.biasName(x.name())).toList();
            List<String> got = finalBiases.stream().map(Tensor::name).toList();
            if (!expected.equals(got)) {
                throw new IllegalArgumentException(result.branch().id() + " round " + result.round()
                        + ": biases " + got + " are not one per layer in order, expected " + expected);
            }
        }
        List<Named> m = masks.stream().map(x -> new Named(x.name(), x.shape())).toList();
        List<Named> w = finalWeights.stream().map(x -> new Named(x.name(), x.shape())).toList();
        if (!m.equals(w)) {
            throw new IllegalArgumentException(result.branch().id() + " round " + result.round()
                    + ": masks " + m + " and final weights " + w + " differ in names, order or shapes");
        }
        checkAgainstLayers("masks", m);
        Branch b = result.branch();
        int r = result.round();
        List<LayerSummary> layerSummaries = result.layers().isEmpty() ? LayersCsv.summariesOf(masks) : result.layers();
        Npz.writeMasks(layout.masks(b, r), masks);
        List<Tensor> params = new ArrayList<>(finalWeights);
        params.addAll(finalBiases);
        Npz.write(layout.weightsFinal(b, r), params);
        MetricsCsv.write(layout.metrics(b, r), metrics);
        LayersCsv.writeSummaries(layout.roundLayers(b, r), layerSummaries);
        RoundResult row = new RoundResult(b, r, result.weightsRemaining(), result.testAccuracy(),
                result.earlyStopIteration(), result.earlyStopTestAccuracy(), result.seconds(), layerSummaries);
        // Another writer (an edge-popup sweep next to an IMP run, another process) may have added rows since we
        // read the file: merge with what is on disk under a lock, so no finished round is ever dropped.
        synchronized (SUMMARY_LOCK) {
            // spec.json never changes once written (a different spec is refused), so it doubles as the lock file
            boolean lockable = java.nio.file.Files.exists(layout.specJson());
            try (java.nio.channels.FileChannel ch = lockable ? java.nio.channels.FileChannel.open(layout.specJson(),
                    java.nio.file.StandardOpenOption.WRITE) : null;
                 java.nio.channels.FileLock lock = ch == null ? null : ch.lock()) {
                List<RoundResult> next = new ArrayList<>(summary);
                if (java.nio.file.Files.exists(layout.summaryCsv())) {
                    for (RoundResult disk : SummaryCsv.read(layout.summaryCsv()).rows()) {
                        boolean known = next.stream().anyMatch(x -> x.branch() == disk.branch() && x.round() == disk.round());
                        if (!known) {
                            next.add(disk);
                        }
                    }
                }
                next.removeIf(x -> x.branch() == b && x.round() == r);
                next.add(row);
                next.sort(SummaryCsv.ORDER);
                SummaryCsv.write(layout.summaryCsv(), next);
                summary.clear();
                summary.addAll(next);
            }
        }
    }

    /**
     * The finished rounds in branch, then round order: summary rows whose masks and final weights load,
     * with per-layer summaries from the round's {@code layers.csv} (or computed from its masks).
     */
    public synchronized List<RoundResult> finishedRounds() {
        List<RoundResult> out = new ArrayList<>();
        for (RoundResult row : summary) {
            Branch b = row.branch();
            int r = row.round();
            List<Mask> masks;
            try {
                masks = Npz.readMasks(layout.masks(b, r));
                Npz.readArrays(layout.weightsFinal(b, r));
            } catch (IOException | RuntimeException e) {
                continue;
            }
            List<LayerSummary> ls = row.layers();
            if (ls.isEmpty()) {
                try {
                    Parsed<LayerSummary> p = LayersCsv.readSummaries(layout.roundLayers(b, r),
                            layout.relative(layout.roundLayers(b, r)));
                    ls = p.clean() && p.rows().size() == masks.size() ? p.rows() : LayersCsv.summariesOf(masks);
                } catch (IOException e) {
                    ls = LayersCsv.summariesOf(masks);
                }
            }
            out.add(new RoundResult(b, r, row.weightsRemaining(), row.testAccuracy(), row.earlyStopIteration(),
                    row.earlyStopTestAccuracy(), row.seconds(), ls));
        }
        return out;
    }

    /** {@code theta-0.npz}, or empty when not written yet. @throws IOException when it is corrupt */
    public Optional<List<Tensor>> readTheta0() throws IOException {
        return optional(() -> Npz.readTensors(layout.theta0()));
    }

    /** {@code theta-k.npz}, or empty when not written yet. @throws IOException when it is corrupt */
    public Optional<List<Tensor>> readThetaK() throws IOException {
        return optional(() -> Npz.readTensors(layout.thetaK()));
    }

    /** A round's final weights (no biases), or empty when not written. @throws IOException when corrupt */
    public Optional<List<Tensor>> readFinalWeights(Branch branch, int round) throws IOException {
        return optional(() -> Npz.readWeights(layout.weightsFinal(branch, round)));
    }

    /**
     * A round's final biases ({@code <layer>.bias}, layer order), or empty when the round is not written or
     * was written before biases were stored. @throws IOException when corrupt
     */
    public Optional<List<Tensor>> readFinalBiases(Branch branch, int round) throws IOException {
        return optional(() -> Npz.readBiases(layout.weightsFinal(branch, round))).filter(l -> !l.isEmpty());
    }

    /** A round's masks, or empty when not written. @throws IOException when corrupt */
    public Optional<List<Mask>> readMasks(Branch branch, int round) throws IOException {
        return optional(() -> Npz.readMasks(layout.masks(branch, round)));
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> Optional<T> optional(IoSupplier<T> s) throws IOException {
        try {
            return Optional.of(s.get());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private record Named(String name, List<Integer> shape) {
        Named(String name, int[] shape) {
            this(name, Arrays.stream(shape).boxed().toList());
        }

        @Override
        public String toString() {
            return name + shape;
        }
    }

    private void checkAgainstLayers(String what, List<Named> arrays) {
        if (layers == null) {
            return;
        }
        List<Named> expected = layers.stream().map(l -> new Named(l.name(), l.shape())).toList();
        if (!expected.equals(arrays)) {
            throw new IllegalArgumentException(what + " " + arrays + " do not match layers.csv " + expected);
        }
    }

    private static void deleteStaleTempFiles(Path runDir) throws IOException {
        try (Stream<Path> files = Files.walk(runDir, 3)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                if (TEMP_NAME.matcher(p.getFileName().toString()).matches()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static String differences(ExperimentSpec a, ExperimentSpec b) {
        Map<String, String> ma = a.toMap();
        Map<String, String> mb = b.toMap();
        List<String> diffs = new ArrayList<>();
        ma.forEach((k, v) -> {
            if (!v.equals(mb.get(k))) {
                diffs.add(k + " ('" + v + "' on disk, '" + mb.get(k) + "' now)");
            }
        });
        return diffs.isEmpty() ? "formatting only" : String.join(", ", diffs);
    }
}
