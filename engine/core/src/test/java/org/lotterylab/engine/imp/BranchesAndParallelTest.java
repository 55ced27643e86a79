package org.lotterylab.engine.imp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.StoredRun;
import org.lotterylab.engine.testdata.TinyData;

/** The branch registry's new branches end to end, and parallel trainings of a round. */
class BranchesAndParallelTest {

    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void data() throws Exception {
        data = TinyData.write(tmp.resolve("tiny"), 400, 3);
    }

    static ExperimentSpec spec(String branches, String... kv) {
        Map<String, String> m = new java.util.HashMap<>(Map.of("name", "b", "dataset", data.toString(),
                "model", "mlp-small", "iterations", "40", "evalInterval", "4", "batchSize", "20", "rounds", "2",
                "hiddenRate", "0.5", "outputRate", "0.3", "learningRate", "0.01"));
        m.put("branches", branches);
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return ExperimentSpec.defaults().with(m);
    }

    static List<RunEvent> run(ImpRunner runner, ExperimentSpec spec, Path out) throws Exception {
        return ImpRunnerTest.run(runner, spec, out);
    }

    @Test
    void pruneAtInitBranchesKeepTheTicketsTotalEveryRound() throws Exception {
        ExperimentSpec spec = spec("ticket,snip,grasp,synflow,magnitude-at-init");
        Path out = tmp.resolve("pai");
        run(new ImpRunner(1), spec, out);
        StoredRun r = StoredRun.open(out.resolve(spec.runDirName()));
        for (int round = 1; round <= 2; round++) {
            RoundResult ticket = r.result(Branch.TICKET, round).orElseThrow();
            List<boolean[]> ticketMasks = new ArrayList<>();
            r.masks(Branch.TICKET, round).forEach(m -> ticketMasks.add(m.keep()));
            for (Branch b : List.of(Branch.SNIP, Branch.GRASP, Branch.SYNFLOW, Branch.MAGNITUDE_AT_INIT)) {
                RoundResult row = r.result(b, round).orElseThrow(() -> new AssertionError(b + " has no row"));
                assertEquals(ticket.weightsRemaining(), row.weightsRemaining(), 0, b + " round " + round);
                List<boolean[]> masks = new ArrayList<>();
                r.masks(b, round).forEach(m -> masks.add(m.keep()));
                assertFalse(equalMasks(ticketMasks, masks), b + " trained the ticket's mask");
            }
        }
    }

    static boolean equalMasks(List<boolean[]> a, List<boolean[]> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void earlyBirdTrackingWritesFallingDistancesAndTheBranchTrainsTheEarlyMask() throws Exception {
        ExperimentSpec spec = spec("ticket,early-bird,one-shot", "earlyBirdThreshold", "0.2", "earlyBirdWindow", "3");
        Path out = tmp.resolve("eb");
        List<RunEvent> events = run(new ImpRunner(1), spec, out);
        Path dir = out.resolve(spec.runDirName());
        List<String> rows = Files.readAllLines(dir.resolve(EarlyBirdFiles.CSV));
        assertEquals("iteration,distance_previous,max_distance_window,drawn", rows.get(0));
        assertEquals(spec.iterations() / spec.evalInterval() + 1, rows.size() - 1, "one row per evaluation point");
        List<Double> d = new ArrayList<>();
        for (String row : rows.subList(2, rows.size())) {
            double v = Double.parseDouble(row.split(",")[1]);
            assertTrue(v >= 0 && v <= 1, row);
            d.add(v);
        }
        assertTrue(d.get(d.size() - 1) < d.get(0), "mask distances fall as training proceeds: " + d);
        assertTrue(Files.exists(dir.resolve(EarlyBirdFiles.PARAMS)));
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.Note n && n.text().startsWith("early-bird:")));
        // live events: one point per row, in order, each row of distances matching the stored matrix
        List<RunEvent.EarlyBirdPoint> live = events.stream().filter(e -> e instanceof RunEvent.EarlyBirdPoint)
                .map(e -> (RunEvent.EarlyBirdPoint) e).toList();
        assertEquals(rows.size() - 1, live.size());
        float[] matrix = org.lotterylab.api.store.Npz.readArrays(dir.resolve(EarlyBirdFiles.DISTANCES)).get(0).asFloats();
        int n = live.size();
        for (RunEvent.EarlyBirdPoint p : live) {
            assertEquals(rows.get(p.index() + 1).split(",")[0], String.valueOf(p.iteration()));
            for (int j = 0; j < p.index(); j++) {
                assertEquals(matrix[p.index() * n + j], p.distancesToEarlier()[j], 0f, "row " + p.index());
            }
        }
        RunEvent.EarlyBirdDrawn summary = events.stream().filter(e -> e instanceof RunEvent.EarlyBirdDrawn)
                .map(e -> (RunEvent.EarlyBirdDrawn) e).findFirst().orElseThrow();
        assertEquals(n, summary.points());
        assertTrue(java.util.Arrays.equals(matrix, summary.distances()));
        StoredRun r = StoredRun.open(dir);
        assertEquals(r.result(Branch.TICKET, 2).orElseThrow().weightsRemaining(),
                r.result(Branch.EARLY_BIRD, 2).orElseThrow().weightsRemaining(), 0);
        String json = Files.readString(dir.resolve(EarlyBirdFiles.JSON));
        assertTrue(json.contains("\"drawn\": true"), "the tiny data's masks settle, so a ticket is drawn: " + json);
        // the early-bird mask comes from earlier weights than one-shot's (the final dense ones)
        List<boolean[]> eb = new ArrayList<>();
        r.masks(Branch.EARLY_BIRD, 1).forEach(m -> eb.add(m.keep()));
        List<boolean[]> os = new ArrayList<>();
        r.masks(Branch.ONE_SHOT, 1).forEach(m -> os.add(m.keep()));
        assertFalse(equalMasks(eb, os), "early-bird mask equals one-shot's: drawn too late to matter");
        // a resumed run reads the stored early-bird point and trains nothing new
        AtomicInteger started = new AtomicInteger();
        List<RunEvent> again = Collections.synchronizedList(new ArrayList<>());
        ImpRunnerTest.run(new ImpRunner(1), spec, out).forEach(e -> {
            again.add(e);
            if (e instanceof RunEvent.RoundStarted) {
                started.incrementAndGet();
            }
        });
        assertEquals(0, started.get());
    }

    @Test
    void parallelTrainingsGiveBitIdenticalRuns() throws Exception {
        ExperimentSpec spec = spec("ticket,random-reinit,random-pruning", "lmcEachRound", "true",
                "lmcBranches", "ticket,random-reinit", "lmcAlphas", "5");
        Path one = tmp.resolve("p1");
        Path two = tmp.resolve("p2");
        run(new ImpRunner(1, 1), spec, one);
        List<RunEvent> events = run(new ImpRunner(1, 3), spec, two);
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.RoundFinished));
        Path a = one.resolve(spec.runDirName());
        Path b = two.resolve(spec.runDirName());
        for (String br : List.of("ticket", "random-reinit", "random-pruning")) {
            for (int round = 1; round <= 2; round++) {
                for (String f : List.of("masks.npz", "weights-final.npz", "metrics.csv")) {
                    String rel = br + "/round-0" + round + "/" + f;
                    assertArrayEquals(Files.readAllBytes(a.resolve(rel)), Files.readAllBytes(b.resolve(rel)), rel);
                }
            }
        }
        assertEquals(Files.readString(a.resolve("lmc.csv")), Files.readString(b.resolve("lmc.csv")));
        assertEquals(withoutSeconds(a.resolve("summary.csv")), withoutSeconds(b.resolve("summary.csv")));
    }

    static List<String> withoutSeconds(Path summary) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(summary)) {
            out.add(line.substring(0, line.lastIndexOf(',')));
        }
        return out;
    }
}
