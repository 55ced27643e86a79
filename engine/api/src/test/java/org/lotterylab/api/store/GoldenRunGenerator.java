package org.lotterylab.api.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.LayerKind;

/**
 * Writes the tiny deterministic golden run (a fake 2-layer net: fc1 (3, 4), output (2, 3); rounds 0 and 1
 * of the ticket and random-reinit branches) with hand-chosen, exactly representable values.
 *
 * <p>Run {@link #main} explicitly (from the repository root or engine/api) to regenerate
 * {@code engine/api/src/test/resources/golden/run-v2/} after an intended format change; {@code GoldenRunTest}
 * checks that today's writer reproduces those files byte for byte. {@code golden/run-v1/} is the same run as
 * format 1 wrote it (no biases in {@code weights-final.npz}, no {@code test_loss} column) and is never
 * regenerated: it proves that old runs still read.
 */
public final class GoldenRunGenerator {

    static final ExperimentSpec SPEC = ExperimentSpec.fromMap(Map.of(
            "name", "golden",
            "model", "mlp-small",
            "iterations", "20",
            "evalInterval", "10",
            "rounds", "1",
            "hiddenRate", "0.5",
            "outputRate", "0.5",
            "seed", "7",
            "branches", "ticket,random-reinit"));

    static final List<LayerInfo> LAYERS = List.of(
            new LayerInfo("fc1", LayerKind.HIDDEN, new int[] {3, 4}),
            new LayerInfo("output", LayerKind.OUTPUT, new int[] {2, 3}));

    static final Map<String, String> RUN_INFO = runInfo();

    private GoldenRunGenerator() {
    }

    private static Map<String, String> runInfo() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("backend", "CPU");
        m.put("threads", "2");
        m.put("created", "2024-01-01T00:00:00Z");
        m.put("appVersion", "0.1.0-golden");
        return m;
    }

    /** theta_0: fc1 = (i - 6) / 8, output = 1/2 - i/4 (exact in float32). */
    static List<Tensor> theta0() {
        float[] fc1 = new float[12];
        for (int i = 0; i < fc1.length; i++) {
            fc1[i] = (i - 6) / 8f;
        }
        float[] out = new float[6];
        for (int i = 0; i < out.length; i++) {
            out[i] = 0.5f - i / 4f;
        }
        return List.of(new Tensor("fc1", new int[] {3, 4}, fc1), new Tensor("output", new int[] {2, 3}, out));
    }

    /** Round 0 keeps everything; round 1 keeps 6 of 12 fc1 weights and 3 of 6 output weights. */
    static List<Mask> masks(int round) {
        if (round == 0) {
            return List.of(Mask.dense("fc1", new int[] {3, 4}), Mask.dense("output", new int[] {2, 3}));
        }
        boolean[] fc1 = {true, true, true, false, false, false, false, false, false, true, true, true};
        boolean[] out = {true, false, false, false, true, true};
        return List.of(new Mask("fc1", new int[] {3, 4}, fc1), new Mask("output", new int[] {2, 3}, out));
    }

    /** Final weights: masked 2 * theta_0 + (branch ordinal + 1) / 16. */
    static List<Tensor> finalWeights(Branch branch, int round) {
        List<Tensor> out = new ArrayList<>();
        List<Mask> masks = masks(round);
        List<Tensor> t0 = theta0();
        for (int l = 0; l < t0.size(); l++) {
            float[] src = t0.get(l).data();
            boolean[] keep = masks.get(l).keep();
            float[] w = new float[src.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = keep[i] ? 2 * src[i] + (branch.ordinal() + 1) / 16f : 0f;
            }
            out.add(new Tensor(t0.get(l).name(), t0.get(l).shape(), w));
        }
        return out;
    }

    /** Final biases: fc1 = (i + 1) / 32 + round / 4, output = -(i + 1) / 16 (exact in float32). */
    static List<Tensor> finalBiases(Branch branch, int round) {
        float[] fc1 = new float[3];
        for (int i = 0; i < fc1.length; i++) {
            fc1[i] = (i + 1) / 32f + round / 4f + branch.ordinal() / 8f;
        }
        float[] out = {-1 / 16f, -2 / 16f};
        return List.of(new Tensor(Npz.biasName("fc1"), new int[] {3}, fc1),
                new Tensor(Npz.biasName("output"), new int[] {2}, out));
    }

    /** Three evaluation points; iteration 0 has no training loss yet (NaN). */
    static List<MetricPoint> metrics(Branch branch, int round) {
        double d = branch.ordinal() * 0.125 + round * 0.0625;
        return List.of(
                new MetricPoint(0, Double.NaN, 2.25 + d, 0.125, 0.09375, 2.375 + d),
                new MetricPoint(10, 1.5 + d, 1.25 + d, 0.75 - d, 0.6875 - d, 1.375 + d),
                new MetricPoint(20, 0.5 + d, 0.75 + d, 0.875 - d, 0.8125 - d, 0.875 + d));
    }

    /** The metrics as format 1 stored them (run-v1): without the test loss. */
    static List<MetricPoint> metricsV1(Branch branch, int round) {
        return metrics(branch, round).stream().map(p -> new MetricPoint(p.iteration(), p.trainLoss(), p.valLoss(),
                p.valAccuracy(), p.testAccuracy())).toList();
    }

    /** The summary row of a round (layers from its masks). */
    static RoundResult result(Branch branch, int round) {
        double d = branch.ordinal() * 0.125 + round * 0.0625;
        return new RoundResult(branch, round, round == 0 ? 1.0 : 0.5, 0.8125 - d, 20, 0.8125 - d,
                1.25 + round + branch.ordinal() * 0.5, LayersCsv.summariesOf(masks(round)));
    }

    /** The branches and rounds of the golden run, in write order. */
    static List<RoundResult> results() {
        List<RoundResult> out = new ArrayList<>();
        for (int round = 0; round <= 1; round++) {
            for (Branch b : SPEC.branches()) {
                out.add(result(b, round));
            }
        }
        return out;
    }

    /** Writes the golden run into {@code runDir}. */
    static void write(Path runDir) throws IOException {
        RunStoreWriter w = RunStoreWriter.open(runDir);
        w.writeSpec(SPEC);
        w.writeLayers(LAYERS);
        w.writeRunInfo(RUN_INFO);
        w.writeTheta0(theta0());
        w.writeThetaK(theta0());
        for (RoundResult r : results()) {
            w.writeRound(r, masks(r.round()), finalWeights(r.branch(), r.round()), finalBiases(r.branch(), r.round()),
                    metrics(r.branch(), r.round()));
        }
    }

    /** Regenerates the committed golden files (argument: target directory, optional). */
    public static void main(String[] args) throws IOException {
        Path target;
        if (args.length > 0) {
            target = Paths.get(args[0]);
        } else if (Files.isDirectory(Paths.get("src/test/resources"))) {
            target = Paths.get("src/test/resources/golden/run-v2");
        } else {
            target = Paths.get("engine/api/src/test/resources/golden/run-v2");
        }
        if (Files.exists(target)) {
            try (var s = Files.walk(target)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        write(target);
        System.out.println("golden run written to " + target.toAbsolutePath());
    }
}
