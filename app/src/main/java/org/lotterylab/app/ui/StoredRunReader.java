package org.lotterylab.app.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.run.BackendInfo;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.LayerKind;
import org.lotterylab.api.store.StoredRun;

/**
 * Reads a run directory into {@link RecordedRun}s through {@link StoredRun}, tolerating runs still being
 * written or cut off by a crash: what cannot be read becomes a warning, never a failure. Arrays of rounds
 * already read are kept, so {@link #refresh()} on a growing run reads only the new rounds. Use from one
 * background thread at a time.
 */
public final class StoredRunReader {
    private final StoredRun run;
    private final Map<String, RecordedRun.Round> cache = new HashMap<>();
    private final List<String> ownWarnings = new ArrayList<>();
    private List<Tensor> theta0;

    private StoredRunReader(StoredRun run) {
        this.run = run;
    }

    /**
     * Opens a run directory.
     *
     * @throws IOException when it is not a run directory (the message says why)
     */
    public static StoredRunReader open(Path dir) throws IOException {
        return new StoredRunReader(StoredRun.open(dir));
    }

    /** Reads a run directory at once. */
    public static RecordedRun read(Path dir) throws IOException {
        return open(dir).snapshot();
    }

    /** The run directory. */
    public Path dir() {
        return run.dir();
    }

    /** Re-reads the run's small files and returns the new snapshot. */
    public RecordedRun refresh() throws IOException {
        run.refresh();
        return snapshot();
    }

    /** Everything readable now (arrays of new rounds are read; earlier ones come from the cache). */
    public RecordedRun snapshot() throws IOException {
        List<LayerInfo> layers = run.layers();
        List<RecordedRun.Round> rounds = new ArrayList<>();
        double seconds = 0;
        for (RoundResult r : run.results()) {
            String key = r.branch().id() + "#" + r.round();
            RecordedRun.Round round = cache.get(key);
            if (round == null || !round.result().equals(r)) {
                round = readRound(r);
                if (round == null) {
                    continue;
                }
                cache.put(key, round);
            }
            rounds.add(round);
            seconds += r.seconds();
        }
        if (layers.isEmpty() && !rounds.isEmpty()) {
            layers = layersFromMasks(rounds.get(0).masks());
        }
        if (theta0 == null || theta0.size() != layers.size()) {
            theta0 = run.theta0().orElse(null);
            if (theta0 == null || theta0.size() != layers.size()) {
                theta0 = zeros(layers);
                if (!layers.isEmpty()) {
                    note("theta-0.npz missing or not matching layers.csv; initial weights shown as zero");
                }
            }
        }
        List<String> warnings = new ArrayList<>(run.warnings());
        for (String w : ownWarnings) {
            if (!warnings.contains(w)) {
                warnings.add(w);
            }
        }
        boolean complete = isComplete(rounds);
        if (!complete && !rounds.isEmpty()) {
            String w = "incomplete run: " + rounds.size() + " of " + expectedRounds() + " rounds finished";
            warnings.add(0, w);
        } else if (rounds.isEmpty()) {
            warnings.add(0, "no finished rounds yet");
        }
        if (!java.nio.file.Files.isRegularFile(run.layout().summaryCsv())) {
            warnings.add(1, "summary.csv is missing, so no round counts as finished (the run was cut off before "
                    + "its first round ended, or the file was deleted)");
        }
        return new RecordedRun(run.dir(), run.spec(), backend(), layers, theta0, rounds, complete, seconds, warnings);
    }

    private RecordedRun.Round readRound(RoundResult r) {
        Branch b = r.branch();
        List<Mask> masks;
        try {
            masks = run.masks(b, r.round());
        } catch (IOException | RuntimeException e) {
            note(b.id() + " round " + r.round() + ": masks unreadable (" + e.getMessage() + "); skipped");
            return null;
        }
        List<Tensor> weights;
        try {
            weights = run.finalWeights(b, r.round());
        } catch (IOException | RuntimeException e) {
            note(b.id() + " round " + r.round() + ": final weights unreadable (" + e.getMessage() + ")");
            weights = List.of();
        }
        if (weights.size() != masks.size()) {
            weights = masksAsWeights(masks);
        }
        List<MetricPoint> metrics;
        try {
            metrics = run.metrics(b, r.round());
        } catch (IOException | RuntimeException e) {
            note(b.id() + " round " + r.round() + ": metrics unreadable (" + e.getMessage() + ")");
            metrics = List.of();
        }
        return new RecordedRun.Round(r, masks, weights, metrics);
    }

    private boolean isComplete(List<RecordedRun.Round> rounds) {
        return rounds.size() >= expectedRounds();
    }

    private int expectedRounds() {
        return RunViewModel.roundsInRun(run.spec());
    }

    private BackendInfo backend() {
        Map<String, String> info = run.runInfo();
        String backend = info.getOrDefault("backend", "stored run");
        int threads = 1;
        try {
            threads = Integer.parseInt(info.getOrDefault("threads", "1").trim());
        } catch (NumberFormatException ignored) {
            // keep 1
        }
        return new BackendInfo(backend, threads, "");
    }

    private void note(String w) {
        if (!ownWarnings.contains(w)) {
            ownWarnings.add(w);
        }
    }

    private static List<LayerInfo> layersFromMasks(List<Mask> masks) {
        List<LayerInfo> out = new ArrayList<>();
        for (int i = 0; i < masks.size(); i++) {
            Mask m = masks.get(i);
            LayerKind kind = m.shape().length == 4 ? LayerKind.CONV : i == masks.size() - 1 ? LayerKind.OUTPUT : LayerKind.HIDDEN;
            out.add(new LayerInfo(m.name(), kind, m.shape()));
        }
        return out;
    }

    private static List<Tensor> zeros(List<LayerInfo> layers) {
        List<Tensor> out = new ArrayList<>();
        for (LayerInfo l : layers) {
            out.add(new Tensor(l.name(), l.shape(), new float[l.size()]));
        }
        return out;
    }

    private static List<Tensor> masksAsWeights(List<Mask> masks) {
        List<Tensor> out = new ArrayList<>();
        for (Mask m : masks) {
            float[] d = new float[m.size()];
            boolean[] k = m.keep();
            for (int i = 0; i < d.length; i++) {
                d[i] = k[i] ? 1f : 0f;
            }
            out.add(new Tensor(m.name(), m.shape(), d));
        }
        return out;
    }
}
