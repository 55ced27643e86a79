package org.lotterylab.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;

class StoredRunTest {

    @TempDir
    Path tmp;

    @Test
    void opensACompleteRun() throws IOException {
        Path dir = tmp.resolve("run");
        GoldenRunGenerator.write(dir);
        StoredRun run = StoredRun.open(dir);
        assertEquals(GoldenRunGenerator.SPEC, run.spec());
        assertEquals(GoldenRunGenerator.LAYERS, run.layers());
        assertEquals(GoldenRunGenerator.results().stream().sorted(SummaryCsv.ORDER).toList(), run.results());
        assertEquals(List.of(Branch.TICKET, Branch.RANDOM_REINIT), run.branches());
        assertEquals(List.of(0, 1), run.rounds(Branch.TICKET));
        assertEquals(GoldenRunGenerator.masks(1), run.masks(Branch.RANDOM_REINIT, 1));
        assertEquals(GoldenRunGenerator.finalWeights(Branch.TICKET, 0), run.finalWeights(Branch.TICKET, 0));
        assertEquals(GoldenRunGenerator.theta0(), run.theta0().orElseThrow());
        assertEquals(GoldenRunGenerator.metrics(Branch.TICKET, 1), run.metrics(Branch.TICKET, 1));
        assertEquals(GoldenRunGenerator.RUN_INFO, run.runInfo());
        assertEquals(List.of(), run.warnings());
        assertFalse(run.refresh());
    }

    @Test
    void notARunDirectoryIsExplained() throws IOException {
        IOException e = assertThrows(IOException.class, () -> StoredRun.open(tmp));
        assertTrue(e.getMessage().contains("is not a run directory: spec.json is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("summary.csv") && e.getMessage().contains("round-NN"), e.getMessage());
        assertThrows(IOException.class, () -> StoredRun.open(tmp.resolve("nope")));
        Files.writeString(tmp.resolve("spec.json"), "{\"rounds\": -3}");
        e = assertThrows(IOException.class, () -> StoredRun.open(tmp));
        assertTrue(e.getMessage().contains("invalid spec: rounds"), e.getMessage());
    }

    @Test
    void runCutAfterRoundOneOpensWithWarnings() throws IOException {
        Path dir = tmp.resolve("run");
        GoldenRunGenerator.write(dir);
        RunLayout l = new RunLayout(dir);
        // crash while the ticket's round 1 was being committed: its masks are gone...
        Files.delete(l.masks(Branch.TICKET, 1));
        // ...and summary.csv was cut in the middle of its last line (random-reinit round 1)
        String summary = Files.readString(l.summaryCsv());
        Files.writeString(l.summaryCsv(), summary.substring(0, summary.length() - 10));
        Files.writeString(l.metrics(Branch.TICKET, 0), Files.readString(l.metrics(Branch.TICKET, 0)) + "30,0.1");

        StoredRun run = StoredRun.open(dir);
        assertEquals(List.of("ticket/0", "random-reinit/0"),
                run.results().stream().map(r -> r.branch().id() + "/" + r.round()).toList());
        assertEquals(List.of(0), run.rounds(Branch.RANDOM_REINIT));
        assertEquals(List.of(
                "summary.csv line 5 truncated; skipped",
                "round 1 of ticket listed in summary.csv but masks.npz missing; skipped",
                "random-reinit/round-01 has no summary row (not finished); ignored"), run.warnings());
        assertEquals(3, run.metrics(Branch.TICKET, 0).size());
        assertTrue(run.warnings().contains("ticket/round-00/metrics.csv line 5 truncated; skipped"), run.warnings().toString());
        IOException e = assertThrows(IOException.class, () -> run.masks(Branch.TICKET, 1));
        assertTrue(e.getMessage().contains("ticket/round-01/masks.npz is missing"), e.getMessage());

        // the writer agrees: resume would redo round 1 of both branches
        assertEquals(2, RunStoreWriter.open(dir).finishedRounds().size());
    }

    @Test
    void refreshSeesAGrowingRun() throws IOException {
        Path dir = tmp.resolve("run");
        RunStoreWriter w = RunStoreWriter.open(dir);
        w.writeSpec(GoldenRunGenerator.SPEC);
        StoredRun run = StoredRun.open(dir);
        assertEquals(List.of(), run.results());
        assertEquals(List.of(), run.layers());
        assertTrue(run.theta0().isEmpty());
        w.writeLayers(GoldenRunGenerator.LAYERS);
        w.writeTheta0(GoldenRunGenerator.theta0());
        RoundResult r0 = GoldenRunGenerator.result(Branch.TICKET, 0);
        w.writeRound(r0, GoldenRunGenerator.masks(0), GoldenRunGenerator.finalWeights(Branch.TICKET, 0),
                GoldenRunGenerator.metrics(Branch.TICKET, 0));
        assertTrue(run.refresh());
        assertEquals(List.of(r0), run.results());
        assertEquals(GoldenRunGenerator.LAYERS, run.layers());
        assertFalse(run.refresh());
    }
}
