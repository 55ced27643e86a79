package org.lotterylab.api.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;

/**
 * Where each file of one run lives, given the run directory ({@code <out>/<name>-<hash>}). See
 * {@code docs/run-format.md} for contents.
 *
 * <pre>
 * spec.json  run.json  layers.csv  summary.csv  theta-0.npz  theta-k.npz  lmc.csv  instability.csv
 * &lt;branch-id&gt;/round-NN/  masks.npz  weights-final.npz  metrics.csv  layers.csv
 * </pre>
 *
 * @param dir the run directory
 */
public record RunLayout(Path dir) {

    /** Requires a directory. */
    public RunLayout {
        Objects.requireNonNull(dir, "dir");
    }

    /** The run directory of {@code spec} under {@code outDir}: {@code outDir/<spec.runDirName()>}. */
    public static Path runDir(Path outDir, ExperimentSpec spec) {
        return outDir.resolve(spec.runDirName());
    }

    /** The layout of {@code spec}'s run under {@code outDir}. */
    public static RunLayout of(Path outDir, ExperimentSpec spec) {
        return new RunLayout(runDir(outDir, spec));
    }

    /** {@code spec.json}: the canonical spec ({@link SpecJson}). */
    public Path specJson() {
        return dir.resolve("spec.json");
    }

    /** {@code summary.csv}: one row per finished round ({@link SummaryCsv}); the commit marker. */
    public Path summaryCsv() {
        return dir.resolve("summary.csv");
    }

    /** {@code layers.csv}: the prunable layers, {@code name,kind,shape} ({@link LayersCsv}). */
    public Path layersCsv() {
        return dir.resolve("layers.csv");
    }

    /** {@code theta-0.npz}: initial weights of the prunable layers. */
    public Path theta0() {
        return dir.resolve("theta-0.npz");
    }

    /** {@code theta-k.npz}: weights after {@code rewindIteration} dense iterations (= theta-0 when k = 0). */
    public Path thetaK() {
        return dir.resolve("theta-k.npz");
    }

    /** File name of {@link #thetaKParams()}. */
    public static final String THETA_K_PARAMS = "theta-k-params.npz";

    /**
     * {@code theta-k-params.npz}: the whole flat parameter vector at the rewind point (weights and biases),
     * so a resumed run, and LMC of a stored ticket, start exactly where the run's rounds started.
     */
    public Path thetaKParams() {
        return dir.resolve(THETA_K_PARAMS);
    }

    /** {@code run.json}: free-form metadata (backend, threads, times, version); not part of the identity. */
    public Path runJson() {
        return dir.resolve("run.json");
    }

    /** {@code lmc.csv}: linear-mode-connectivity interpolation curves. */
    public Path lmcCsv() {
        return dir.resolve("lmc.csv");
    }

    /** {@code instability.csv}: instability per round. */
    public Path instabilityCsv() {
        return dir.resolve("instability.csv");
    }

    /** {@code <branch-id>/}: all rounds of one branch. */
    public Path branchDir(Branch branch) {
        return dir.resolve(branch.id());
    }

    /** {@code <branch-id>/round-NN}: two digits, zero-padded (three from round 100). */
    public Path roundDir(Branch branch, int round) {
        return branchDir(branch).resolve(roundDirName(round));
    }

    /** {@code masks.npz} of a round: one {@code |b1} array per layer, true = kept. */
    public Path masks(Branch branch, int round) {
        return roundDir(branch, round).resolve("masks.npz");
    }

    /**
     * {@code weights-final.npz} of a round: trained (masked) float32 weights per layer, then (format 2) every
     * layer's biases as {@code <layer>.bias}.
     */
    public Path weightsFinal(Branch branch, int round) {
        return roundDir(branch, round).resolve("weights-final.npz");
    }

    /** {@code metrics.csv} of a round ({@link MetricsCsv}). */
    public Path metrics(Branch branch, int round) {
        return roundDir(branch, round).resolve("metrics.csv");
    }

    /** {@code layers.csv} of a round: {@code name,total,remaining,fraction_remaining} ({@link LayersCsv}). */
    public Path roundLayers(Branch branch, int round) {
        return roundDir(branch, round).resolve("layers.csv");
    }

    /** A path relative to the run directory, with '/' separators, for messages. */
    public String relative(Path p) {
        return dir.relativize(p).toString().replace('\\', '/');
    }

    /** {@code round-00} ... {@code round-99}, {@code round-100} ... */
    public static String roundDirName(int round) {
        if (round < 0) {
            throw new IllegalArgumentException("round must be >= 0 (got " + round + ")");
        }
        return String.format(Locale.ROOT, "round-%02d", round);
    }

    /** The round of a directory name made by {@link #roundDirName(int)}, if it is one. */
    public static OptionalInt parseRoundDirName(String name) {
        if (!name.matches("round-\\d{2,3}")) {
            return OptionalInt.empty();
        }
        int r = Integer.parseInt(name.substring(6));
        return roundDirName(r).equals(name) ? OptionalInt.of(r) : OptionalInt.empty();
    }
}
