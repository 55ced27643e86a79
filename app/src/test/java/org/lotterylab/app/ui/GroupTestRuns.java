package org.lotterylab.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.Json;
import org.lotterylab.api.store.ReplicateGroup;
import org.lotterylab.api.store.RunStoreWriter;

/** Stored groups for the window's tests: replicates and sweeps of tiny fake runs whose numbers depend on the seed. */
final class GroupTestRuns {
    private static final String INSTABILITY_HEADER = "network,k,seed_pair,instability,weights_remaining,threshold";

    private GroupTestRuns() {
    }

    /** Test accuracy of {@code branch} at {@code round} for {@code seed}: 0.9 - 0.01 round + 0.01 (seed - 5). */
    static double accuracy(Branch b, int round, long seed) {
        return 0.9 - 0.01 * round * (b == Branch.TICKET ? 0.2 : 1.0) + 0.01 * (seed - 5);
    }

    /** Instability of the ticket's round: 0.001 (round + 1) seed + 0.0001 k. */
    static double instability(int round, long seed, int k) {
        return 0.001 * (round + 1) * seed + 0.0001 * k;
    }

    /** Writes the run of {@code spec} (3 rounds of ticket and random re-init) and its instability.csv. */
    static Path writeRun(Path out, ExperimentSpec spec) throws IOException {
        Path dir = out.resolve(spec.runDirName());
        RunStoreWriter w = RunStoreWriter.open(dir);
        w.writeSpec(spec);
        w.writeLayers(TestRuns.LAYERS);
        w.writeTheta0(TestRuns.theta0());
        w.writeThetaK(TestRuns.theta0());
        w.writeRunInfo(Map.of("backend", "FAKE", "threads", "1"));
        StringBuilder inst = new StringBuilder(INSTABILITY_HEADER).append('\n');
        for (int r = 0; r < 3; r++) {
            for (Branch b : List.of(Branch.TICKET, Branch.RANDOM_REINIT)) {
                if (r == 0 && b != Branch.TICKET) {
                    continue;
                }
                List<Mask> masks = TestRuns.masks(r, b);
                RoundResult base = TestRuns.result(b, r, masks);
                double acc = accuracy(b, r, spec.seed());
                RoundResult res = new RoundResult(b, r, base.weightsRemaining(), acc, 10, acc, 0.5, base.layers());
                w.writeRound(res, masks, TestRuns.weights(masks), TestRuns.metrics(b, r));
                if (b == Branch.TICKET) {
                    inst.append(String.format(java.util.Locale.ROOT, "ticket-round-%02d,%d,0,%s,%s,0.02%n", r,
                            spec.rewindIteration(), instability(r, spec.seed(), spec.rewindIteration()),
                            base.weightsRemaining()));
                }
            }
        }
        Files.writeString(dir.resolve("instability.csv"), inst.toString());
        return dir;
    }

    /** The base spec of the groups: the tests' tiny quick spec with 2 rounds, at {@code seed}. */
    static ExperimentSpec base(long seed) {
        return TestRuns.spec(2).with(Map.of("seed", Long.toString(seed), "name", "grp"));
    }

    /** Three replicates (seeds 5, 6, 7) and their group file; returns the group file. */
    static Path writeReplicates(Path out) throws IOException {
        ReplicateGroup g = ReplicateGroup.of(base(5), 3);
        for (ExperimentSpec s : g.specs()) {
            writeRun(out, s);
        }
        return g.write(out);
    }

    /** A sweep over rewindIteration 0, 5 and seed 1, 2 (4 runs) with its sweep.json; returns the folder. */
    static Path writeSweep(Path out) throws IOException {
        List<Object> points = new ArrayList<>();
        int i = 0;
        for (String k : List.of("0", "5")) {
            for (String seed : List.of("1", "2")) {
                ExperimentSpec s = base(5).with(Map.of("rewindIteration", k, "seed", seed));
                writeRun(out, s);
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("point", i++);
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("rewindIteration", k);
                values.put("seed", seed);
                p.put("values", values);
                p.put("replicate", 0);
                p.put("seed", seed);
                p.put("run", s.runDirName());
                p.put("status", "trained");
                points.add(p);
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", 1);
        json.put("kind", "sweep");
        json.put("name", "grp");
        json.put("grid", List.of(Map.of("key", "rewindIteration", "values", List.of("0", "5")),
                Map.of("key", "seed", "values", List.of("1", "2"))));
        json.put("replicates", 1);
        json.put("points", points);
        Files.writeString(out.resolve("sweep.json"), Json.write(json) + "\n");
        return out;
    }
}
