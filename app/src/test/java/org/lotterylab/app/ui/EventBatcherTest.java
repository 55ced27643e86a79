package org.lotterylab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.Branch;

class EventBatcherTest {

    @Test
    void keepsOrderAndLimitsHeavyEventsPerFrame() {
        List<RunEvent> script = TestRuns.script(Path.of("/tmp/run"), 3, List.of(Branch.TICKET, Branch.RANDOM_REINIT));
        ArrayDeque<RunEvent> pending = new ArrayDeque<>(script);
        EventBatcher batcher = new EventBatcher(2, 10_000);
        int frames = 0;
        int seen = 0;
        while (!pending.isEmpty()) {
            List<RunEvent> batch = batcher.next(pending);
            assertTrue(batch.stream().filter(EventBatcher::isHeavy).count() <= 2);
            assertEquals(script.subList(seen, seen + batch.size()), batch);
            seen += batch.size();
            frames++;
        }
        assertEquals(script.size(), seen);
        // 1 RunStarted + 5 RoundFinished = 6 heavy events: at least 3 frames
        assertTrue(frames >= 3, "frames " + frames);
    }
}
