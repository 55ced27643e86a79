package org.lotterylab.engine.imp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.Npz;
import org.lotterylab.api.store.ReplicateGroup;
import org.lotterylab.api.store.RunLayout;
import org.lotterylab.api.store.SpecJson;
import org.lotterylab.api.store.StoredRun;
import org.lotterylab.engine.replicate.ReplicateListener;
import org.lotterylab.engine.replicate.ReplicateRunner;
import org.lotterylab.engine.testdata.TinyData;

/**
 * kill -9 at any moment: a child JVM running IMP is killed during training, during per-round LMC, and in the
 * state a kill while a round's files are written leaves behind; the same spec then resumes in the same folder
 * and must end bit-identical (masks, final weights, metrics, LMC curves) to an uninterrupted run. Also with two
 * trainings in flight at the kill: two branches of a round ({@code parallel 2}), and two replicates of a group.
 */
class KilledRunTest {

    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void data() throws Exception {
        data = TinyData.write(tmp.resolve("tiny"), 300, 9);
    }

    static ExperimentSpec spec(String name, boolean lmc) {
        Map<String, String> m = new java.util.HashMap<>(Map.of("name", name, "dataset", data.toString(), "model",
                "mlp-small", "iterations", "40", "evalInterval", "20", "batchSize", "20", "rounds", "2", "branches",
                "ticket,random-reinit", "hiddenRate", "0.5", "outputRate", "0.3"));
        m.put("learningRate", "0.01");
        m.put("lmcEachRound", Boolean.toString(lmc));
        m.put("lmcAlphas", "5");
        return ExperimentSpec.defaults().with(m);
    }

    /** Runs to the end in this JVM (one thread, as the child). */
    static Path runHere(ExperimentSpec spec, Path out) throws Exception {
        return runHere(spec, out, 1);
    }

    /** The same with {@code parallel} trainings at once. */
    static Path runHere(ExperimentSpec spec, Path out, int parallel) throws Exception {
        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        RunControl c = new ImpRunner(1, parallel).start(spec, out, events::add);
        assertTrue(c.await(Duration.ofMinutes(3)));
        RunEvent last = events.get(events.size() - 1);
        assertTrue(last instanceof RunEvent.RunFinished, last::toString);
        return RunLayout.runDir(out, spec);
    }

    /** Starts the child and kills it (SIGKILL) at the first event line matching {@code when}. */
    static List<String> runChildAndKill(ExperimentSpec spec, Path out, Predicate<String> when) throws Exception {
        return runChildAndKill(spec, out, 1, 1, when);
    }

    /** The same with {@code parallel} trainings at once and {@code replicates} replicates of the spec. */
    static List<String> runChildAndKill(ExperimentSpec spec, Path out, int parallel, int replicates,
                                        Predicate<String> when) throws Exception {
        Path specFile = tmp.resolve("spec-" + System.nanoTime() + ".json");
        Files.writeString(specFile, SpecJson.toJson(spec));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dorg.nd4j.log.initialization=false", "-cp", System.getProperty("java.class.path"),
                ImpChild.class.getName(), specFile.toString(), out.toString(), Integer.toString(parallel),
                Integer.toString(replicates)).redirectErrorStream(true).start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                seen.add(line);
                if (when.test(line)) {
                    p.destroyForcibly();
                    break;
                }
            }
        } finally {
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(when.test(seen.get(seen.size() - 1)), () -> "the child ended before the kill point: " + seen);
        return seen;
    }

    static void assertSameRun(Path expected, Path actual) throws IOException {
        StoredRun a = StoredRun.open(expected);
        StoredRun b = StoredRun.open(actual);
        assertEquals(a.results().size(), b.results().size(), "finished rounds");
        for (RoundResult ra : a.results()) {
            RoundResult rb = b.result(ra.branch(), ra.round()).orElseThrow();
            String where = ra.branch().id() + " round " + ra.round();
            assertEquals(ra.testAccuracy(), rb.testAccuracy(), where);
            assertEquals(ra.earlyStopIteration(), rb.earlyStopIteration(), where);
            assertEquals(Npz.readArrays(a.layout().masks(ra.branch(), ra.round())),
                    Npz.readArrays(b.layout().masks(ra.branch(), ra.round())), where + " masks");
            assertEquals(Npz.readArrays(a.layout().weightsFinal(ra.branch(), ra.round())),
                    Npz.readArrays(b.layout().weightsFinal(ra.branch(), ra.round())), where + " final weights");
            assertEquals(Files.readString(a.layout().metrics(ra.branch(), ra.round())),
                    Files.readString(b.layout().metrics(ra.branch(), ra.round())), where + " metrics.csv");
        }
        for (Path f : List.of(a.layout().lmcCsv(), a.layout().instabilityCsv())) {
            Path g = b.layout().dir().resolve(f.getFileName());
            assertEquals(Files.exists(f), Files.exists(g), f.getFileName().toString());
            if (Files.exists(f)) {
                assertEquals(Files.readString(f), Files.readString(g), f.getFileName().toString());
            }
        }
        assertTrue(b.warnings().isEmpty(), b.warnings().toString());
    }

    @Test
    void killedDuringTrainingThenResumedEqualsAnUninterruptedRun() throws Exception {
        ExperimentSpec spec = spec("kill-train", false);
        Path reference = runHere(spec, tmp.resolve("reference"));
        Path out = tmp.resolve("killed");
        // mid-round: round 1 of the ticket at iteration 25 of 40 (round 0 is finished by then)
        runChildAndKill(spec, out, l -> l.equals("progress ticket 1 25"));
        Path dir = RunLayout.runDir(out, spec);
        assertEquals(1, StoredRun.open(dir).results().size(), "round 0 of ticket kept");
        runHere(spec, out);
        assertSameRun(reference, dir);
    }

    @Test
    void killedWithTwoBranchTrainingsInFlightThenResumedEqualsAnUninterruptedRun() throws Exception {
        ExperimentSpec spec = spec("kill-parallel", false);
        Path reference = runHere(spec, tmp.resolve("reference"));
        Path out = tmp.resolve("killed");
        // round 1: the ticket and the random re-init train at once (parallel 2); kill once both are under way
        Set<String> running = new HashSet<>();
        List<String> seen = runChildAndKill(spec, out, 2, 1, l -> {
            if (l.startsWith("progress ticket 1 ") || l.startsWith("progress random-reinit 1 ")) {
                running.add(l.split(" ")[1]);
            }
            return running.size() == 2;
        });
        assertTrue(seen.stream().noneMatch(l -> l.startsWith("finished ticket 1") || l.startsWith("finished random-reinit 1")),
                () -> "a round-1 training had finished before the kill: " + seen);
        Path dir = RunLayout.runDir(out, spec);
        assertEquals(1, StoredRun.open(dir).results().size(), "only round 0 of the ticket kept");
        runHere(spec, out, 2);
        assertSameRun(reference, dir);
    }

    @Test
    void killedWithTwoReplicatesInFlightThenTheRerunGroupEqualsUninterruptedRuns() throws Exception {
        ExperimentSpec spec = spec("kill-replicates", false);
        ReplicateGroup group = ReplicateGroup.of(spec, 2);
        Path out = tmp.resolve("killed");
        // both replicates are in round 1 of the ticket at once
        Set<String> inRound1 = new HashSet<>();
        List<String> seen = runChildAndKill(spec, out, 2, 2, l -> {
            String[] w = l.split(" ");
            if (w.length == 6 && w[2].equals("progress") && w[4].equals("1")) {
                inRound1.add(w[1]);
            }
            return inRound1.size() == 2;
        });
        assertTrue(seen.stream().noneMatch(l -> l.endsWith("RunFinished")), () -> "a replicate had ended: " + seen);
        List<String> ended = Collections.synchronizedList(new ArrayList<>());
        RunControl c = new ReplicateRunner(new ImpRunner(1, 1)::start, 2).start(group, out, new ReplicateListener() {
            @Override
            public void onEvent(int index, long seed, RunEvent e) {
                if (e instanceof RunEvent.RunFinished || e instanceof RunEvent.RunFailed) {
                    ended.add(seed + " " + e.getClass().getSimpleName());
                }
            }
        });
        assertTrue(c.await(Duration.ofMinutes(3)));
        assertEquals(List.of("RunFinished", "RunFinished"), ended.stream().map(s -> s.split(" ")[1]).toList(), ended.toString());
        List<ExperimentSpec> specs = group.specs();
        for (ExperimentSpec s : specs) {
            Path reference = runHere(s, tmp.resolve("reference"));
            assertSameRun(reference, RunLayout.runDir(out, s));
        }
    }

    @Test
    void killedDuringPerRoundLmcThenResumedEqualsAnUninterruptedRun() throws Exception {
        // the heaviest case (two children plus LMC curves): in the -Pfuzz profile only
        org.junit.jupiter.api.Assumptions.assumeTrue(Integer.getInteger("lth.fuzz.cases", 0) >= 10_000,
                "runs with -Pfuzz");
        ExperimentSpec spec = spec("kill-lmc", true);
        Path reference = runHere(spec, tmp.resolve("reference"));
        Path out = tmp.resolve("killed");
        // the LMC of round 1: its rounds are finished, its curve is not
        boolean[] afterRound1 = {false};
        runChildAndKill(spec, out, l -> {
            if (l.equals("finished random-reinit 1")) {
                afterRound1[0] = true;
            }
            return afterRound1[0] && l.equals("lmc LmcTraining");
        });
        runHere(spec, out);
        assertSameRun(reference, RunLayout.runDir(out, spec));
    }

    @Test
    void theStateAKillWhileWritingARoundLeavesResumesToTheSameRun() throws Exception {
        // A kill inside writeRound leaves some of the round's files renamed into place, a half-written temp file,
        // and no summary row (summary.csv is rewritten last). Build exactly that from a finished run.
        ExperimentSpec spec = spec("kill-write", false);
        Path reference = runHere(spec, tmp.resolve("reference"));
        Path out = tmp.resolve("killed");
        Path dir = runHere(spec, out);
        RunLayout l = new RunLayout(dir);
        List<String> summary = Files.readAllLines(l.summaryCsv());
        List<String> kept = new ArrayList<>(summary.stream().filter(s -> !s.startsWith("random-reinit,2,")).toList());
        assertEquals(summary.size() - 1, kept.size());
        Files.writeString(l.summaryCsv(), String.join("\n", kept) + "\n");
        var round = org.lotterylab.api.spec.Branch.RANDOM_REINIT;
        byte[] weights = Files.readAllBytes(l.weightsFinal(round, 2));
        Files.delete(l.weightsFinal(round, 2));
        Files.write(l.roundDir(round, 2).resolve(".weights-final.npz.tmp-1a2b3c"),
                java.util.Arrays.copyOf(weights, weights.length / 2));
        Files.delete(l.metrics(round, 2));
        assertEquals(kept.size() - 1, StoredRun.open(dir).results().size(), "the cut round is not finished");
        runHere(spec, out);
        assertSameRun(reference, dir);
        assertTrue(Files.notExists(l.roundDir(round, 2).resolve(".weights-final.npz.tmp-1a2b3c")), "temp file cleaned");
    }
}
