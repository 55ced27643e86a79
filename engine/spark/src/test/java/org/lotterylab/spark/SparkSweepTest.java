package org.lotterylab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.Json;
import org.lotterylab.engine.imp.ImpRunner;
import org.lotterylab.engine.testdata.TinyData;

/** Real sweeps of tiny IMP runs on embedded Spark: the real engine inside Spark tasks. */
class SparkSweepTest {

    @TempDir
    static Path tmp;
    static Path data;
    static Path out;
    static SweepPlan plan;
    static SparkSweep.Result first;
    static String firstOutput;

    static ExperimentSpec tinyBase() {
        return tinyBase(data);
    }

    /** The tiny spec: mlp-small, 16 iterations, one pruning round, ticket branch, on {@code dataDir}. */
    static ExperimentSpec tinyBase(Path dataDir) {
        return ExperimentSpec.defaults().with(Map.ofEntries(Map.entry("name", "t"),
                Map.entry("dataset", dataDir.toString()), Map.entry("model", "mlp-small"), Map.entry("iterations", "16"),
                Map.entry("evalInterval", "4"), Map.entry("batchSize", "20"), Map.entry("rounds", "1"),
                Map.entry("branches", "ticket"), Map.entry("hiddenRate", "0.5"), Map.entry("outputRate", "0.3"),
                Map.entry("learningRate", "0.01")));
    }

    static SweepSettings local2() {
        return new SweepSettings("local[2]", 2, 1, tmp.resolve("work").toString(), false);
    }

    static SparkSweep.Result sweep(SweepPlan p, Path target, StringBuilder log) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        SparkSweep.Result r;
        try (PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            r = new SparkSweep(local2(), ps).run(p, RunTarget.toUri(target.toString()), Map.of());
        }
        log.append(buf.toString(StandardCharsets.UTF_8));
        return r;
    }

    @BeforeAll
    static void sweepFourPoints() throws Exception {
        data = TinyData.write(tmp.resolve("tiny"), 400, 3);
        out = tmp.resolve("sweep");
        plan = SweepPlan.of(tinyBase(), List.of(GridAxis.parse("seed=1,2"), GridAxis.parse("rewindIteration=0,4")), 1);
        StringBuilder log = new StringBuilder();
        first = sweep(plan, out, log);
        firstOutput = log.toString();
    }

    @Test
    void fourPointsBecomeFourOrdinaryRunsAndAMergedIndex() throws Exception {
        assertEquals(4, first.count(PointOutcome.Status.TRAINED), firstOutput);
        assertTrue(firstOutput.contains("Apache Spark " + first.sparkVersion()), firstOutput);
        assertTrue(firstOutput.contains("master local[2,2]"), firstOutput);
        for (SweepPoint p : plan.points()) {
            Path run = out.resolve(p.spec().runDirName());
            assertTrue(RunCompleteness.isComplete(p.spec(), Files.readString(run.resolve("summary.csv"))), p.label());
            assertTrue(Files.exists(run.resolve("ticket/round-01/masks.npz")), p.label());
        }
        List<String> csv = Files.readAllLines(out.resolve(SweepIndex.CSV));
        assertEquals(SweepIndex.header(List.of("seed", "rewindIteration")), csv.get(0));
        assertEquals(1 + 4 * 2, csv.size(), "a row per point, branch and round: " + csv);
        assertTrue(csv.contains(csv.stream().filter(l -> l.startsWith("3,2,4,0,2,t-")).findFirst().orElse("missing")),
                "point 3 is seed=2, rewindIteration=4: " + csv);
        Map<String, Object> json = Json.parseObject(Files.readString(out.resolve(SweepIndex.JSON)));
        assertEquals("sweep", json.get("kind"));
        assertEquals(4, ((List<?>) json.get("points")).size());
        for (Object o : (List<?>) json.get("points")) {
            assertEquals("trained", ((Map<?, ?>) o).get("status"));
        }
        try (var s = Files.list(out)) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertFalse(names.stream().anyMatch(n -> n.contains(".tmp-")), "no temporary names left: " + names);
            assertFalse(Files.exists(out.resolve(RunTarget.PARTIAL)), "checkpoints of published runs are dropped");
        }
    }

    @Test
    void aPointEqualsTheSameSingleEngineRunBitForBit() throws Exception {
        SweepPoint p = plan.points().get(3);
        assertEquals(Map.of("seed", "2", "rewindIteration", "4"), p.values());
        Path single = tmp.resolve("single");
        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        RunControl c = new ImpRunner(1).start(p.spec(), single, events::add);
        assertTrue(c.await(Duration.ofMinutes(3)));
        assertTrue(events.get(events.size() - 1) instanceof RunEvent.RunFinished, events.toString());
        RunFiles.assertSameRun(single.resolve(p.runDir()), out.resolve(p.runDir()));
    }

    @Test
    void runningTheSweepAgainTrainsNothing() throws Exception {
        Map<String, Long> stamps = new HashMap<>();
        for (SweepPoint p : plan.points()) {
            for (String f : RunFiles.files(out.resolve(p.runDir()))) {
                stamps.put(p.runDir() + "/" + f, Files.getLastModifiedTime(out.resolve(p.runDir()).resolve(f)).toMillis());
            }
        }
        StringBuilder log = new StringBuilder();
        SparkSweep.Result again = sweep(plan, out, log);
        assertEquals(4, again.count(PointOutcome.Status.SKIPPED), log.toString());
        assertEquals(0, again.count(PointOutcome.Status.TRAINED), log.toString());
        for (var e : stamps.entrySet()) {
            assertEquals(e.getValue(), Files.getLastModifiedTime(out.resolve(e.getKey())).toMillis(), e.getKey());
        }
        assertEquals(1 + 4 * 2, Files.readAllLines(out.resolve(SweepIndex.CSV)).size());
    }

    @Test
    void anInterruptedRunAtTheTargetIsResumedNotRetrained() throws Exception {
        SweepPoint p = plan.points().get(1);
        Path target = tmp.resolve("resume");
        Path run = target.resolve(p.runDir());
        Files.createDirectories(target);
        copyTree(out.resolve(p.runDir()), run);
        // as if interrupted after round 0: round 1 never committed to summary.csv, its folder gone
        List<String> summary = Files.readAllLines(run.resolve("summary.csv"));
        String round0 = summary.get(1);
        Files.writeString(run.resolve("summary.csv"), summary.get(0) + "\n" + round0 + "\n");
        deleteTree(run.resolve("ticket/round-01"));
        SweepPlan one = SweepPlan.of(p.spec(), List.of(), 1);
        StringBuilder log = new StringBuilder();
        SparkSweep.Result r = sweep(one, target, log);
        assertEquals(1, r.count(PointOutcome.Status.TRAINED), log.toString());
        List<String> resumed = Files.readAllLines(run.resolve("summary.csv"));
        assertEquals(round0, resumed.get(1), "round 0 kept as it was (its seconds too): not retrained");
        RunFiles.assertSameRun(out.resolve(p.runDir()), run);
    }

    @Test
    void aFailingPointIsReportedWithItsReasonWhileTheOthersFinish() throws Exception {
        String bad = tmp.resolve("no-such-data").toString();
        SweepPlan p = SweepPlan.of(tinyBase().with("rewindIteration", "2"),
                List.of(GridAxis.parse("dataset=" + data + "," + bad)), 1);
        Path target = tmp.resolve("failing");
        StringBuilder log = new StringBuilder();
        SparkSweep.Result r = sweep(p, target, log);
        assertEquals(1, r.count(PointOutcome.Status.TRAINED), log.toString());
        assertEquals(1, r.count(PointOutcome.Status.FAILED), log.toString());
        PointOutcome failed = r.outcomes().get(1);
        assertEquals(PointOutcome.Status.FAILED, failed.status());
        assertTrue(failed.reason().contains("no-such-data"), failed.reason());
        assertFalse(failed.reason().contains("[lth-point-failure]"), failed.reason());
        assertTrue(log.toString().contains(failed.reason()), log.toString());
        assertFalse(Files.exists(target.resolve(p.points().get(1).runDir())), "a failed point publishes nothing");
        assertTrue(Files.exists(target.resolve(p.points().get(0).runDir()).resolve("summary.csv")));
        Map<String, Object> json = Json.parseObject(Files.readString(target.resolve(SweepIndex.JSON)));
        Map<?, ?> entry = (Map<?, ?>) ((List<?>) json.get("points")).get(1);
        assertEquals("failed", entry.get("status"));
        assertEquals(failed.reason(), entry.get("reason"));
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path d = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(d);
                } else {
                    Files.copy(p, d);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws Exception {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
