package org.lotterylab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.Branch;

class StoredRunTest {

    @Test
    void readsACompleteRunWithMasksWeightsAndMetrics(@TempDir Path tmp) throws IOException {
        Path dir = TestRuns.writeStoredRun(tmp, 3, 5);
        RecordedRun run = StoredRunReader.read(dir);
        assertTrue(run.complete());
        assertEquals(5, run.rounds().size());
        assertEquals(TestRuns.LAYERS, run.layers());
        assertEquals(TestRuns.theta0(), run.theta0());
        RecordedRun.Round r2 = run.rounds().stream()
                .filter(r -> r.result().branch() == Branch.TICKET && r.result().round() == 2).findFirst().orElseThrow();
        assertEquals(TestRuns.masks(2, Branch.TICKET), r2.masks());
        assertEquals(2, r2.metrics().size());
        assertEquals("FAKE", run.backend().backend());

        List<RunEvent> events = StoredRunEvents.opening(run);
        assertInstanceOf(RunEvent.RunStarted.class, events.get(0));
        assertInstanceOf(StoredRunEvents.Loaded.class, events.get(events.size() - 1));
        assertEquals(5, events.stream().filter(e -> e instanceof RunEvent.RoundFinished).count());
        // round by round: round 0 of both branches before round 1
        List<Integer> order = events.stream().filter(e -> e instanceof RunEvent.RoundFinished)
                .map(e -> ((RunEvent.RoundFinished) e).result().round()).toList();
        assertEquals(List.of(0, 1, 1, 2, 2), order);
    }

    @Test
    void aRunBeingWrittenIsIncompleteAndRefreshAddsOnlyNewRounds(@TempDir Path tmp) throws IOException {
        Path dir = TestRuns.writeStoredRun(tmp, 3, 3);
        StoredRunReader reader = StoredRunReader.open(dir);
        RecordedRun first = reader.snapshot();
        assertFalse(first.complete());
        assertTrue(first.warnings().get(0).contains("incomplete"), first.warnings().toString());
        HashSet<String> shown = new HashSet<>();
        first.rounds().forEach(r -> shown.add(StoredRunEvents.key(r)));

        TestRuns.writeStoredRun(tmp, 3, 5);
        RecordedRun second = reader.refresh();
        List<RunEvent> added = StoredRunEvents.newRounds(second, shown);
        assertEquals(2, added.stream().filter(e -> e instanceof RunEvent.RoundFinished).count());
    }

    @Test
    void aFolderThatIsNotARunIsRefusedWithAReason(@TempDir Path tmp) throws IOException {
        Files.createDirectories(tmp.resolve("empty"));
        IOException e = assertThrows(IOException.class, () -> StoredRunReader.read(tmp.resolve("empty")));
        assertTrue(e.getMessage().contains("spec.json"), e.getMessage());
    }

    @Test
    void replaySendsTheRunAsIfLiveAndCanBeCancelled(@TempDir Path tmp) throws Exception {
        RecordedRun run = StoredRunReader.read(TestRuns.writeStoredRun(tmp, 3, 5));
        List<RunEvent> got = new CopyOnWriteArrayList<>();
        RunControl c = new ReplayRunner(run, () -> 0.05).start(got::add);
        assertTrue(c.await(Duration.ofSeconds(10)));
        assertInstanceOf(RunEvent.RunStarted.class, got.get(0));
        RunEvent.RunFinished end = assertInstanceOf(RunEvent.RunFinished.class, got.get(got.size() - 1));
        assertFalse(end.cancelled());
        assertEquals(5, got.stream().filter(e -> e instanceof RunEvent.RoundFinished).count());
        assertTrue(got.stream().anyMatch(e -> e instanceof RunEvent.IterationProgress));

        List<RunEvent> slow = new CopyOnWriteArrayList<>();
        RunControl c2 = new ReplayRunner(run, () -> 5).start(slow::add);
        c2.pause();
        assertTrue(c2.isPaused());
        c2.cancel();
        assertTrue(c2.await(Duration.ofSeconds(5)));
        assertTrue(((RunEvent.RunFinished) slow.get(slow.size() - 1)).cancelled());
    }
}
