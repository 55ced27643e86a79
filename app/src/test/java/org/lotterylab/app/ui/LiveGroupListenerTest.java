package org.lotterylab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.store.ReplicateGroup;

/** Live replicates reach the window's one event path in an order the views can use. */
class LiveGroupListenerTest {

    @Test
    void otherReplicatesWaitForTheFirstToStartAndOneEndClosesTheGroup() {
        ReplicateGroup g = ReplicateGroup.of(GroupTestRuns.base(5), 2);
        GroupViewModel group = new GroupViewModel(RunGroup.of(g, Path.of("out")));
        List<RunEvent> seen = new ArrayList<>();
        LiveGroupListener l = new LiveGroupListener(seen::add, group);
        RoundResult r0 = TestRuns.result(Branch.TICKET, 0, TestRuns.masks(0, Branch.TICKET));
        RoundResult r1 = TestRuns.result(Branch.TICKET, 1, TestRuns.masks(1, Branch.TICKET));
        // replicate 2 resumes with a round on disk and finishes another before replicate 1 has started
        l.onEvent(1, 6, new RunEvent.RunStarted(Path.of("out/b"), g.specs().get(1), TestRuns.BACKEND, TestRuns.LAYERS,
                TestRuns.theta0(), List.of(r0)));
        l.onEvent(1, 6, new RunEvent.RoundFinished(r1, List.of(), List.of()));
        l.onEvent(1, 6, new RunEvent.RunFinished(Path.of("out/b"), 1, false));
        assertTrue(seen.isEmpty(), "held until the first replicate starts: " + seen);
        RunEvent.RunStarted first = new RunEvent.RunStarted(Path.of("out/a"), g.specs().get(0), TestRuns.BACKEND,
                TestRuns.LAYERS, TestRuns.theta0(), List.of());
        l.onEvent(0, 5, first);
        RunEvent.RoundFinished own = new RunEvent.RoundFinished(r0, List.of(), List.of());
        l.onEvent(0, 5, own);
        l.onEvent(0, 5, new RunEvent.RunFinished(Path.of("out/a"), 1, false));
        l.allDone(List.of(), false);
        assertEquals(first, seen.get(0));
        assertTrue(seen.get(1) instanceof GroupEvents.Opened);
        assertEquals(new GroupEvents.Result(1, r0), seen.get(2));
        assertEquals(new GroupEvents.Result(1, r1), seen.get(3));
        assertEquals(own, seen.get(4), "the first replicate's own events fill the views of one run");
        assertEquals(new GroupEvents.Result(0, r0), seen.get(5));
        assertTrue(seen.get(6) instanceof RunEvent.RunFinished, "one end for the group: " + seen.get(6));
        assertEquals(7, seen.size());

        List<RunEvent> failed = new ArrayList<>();
        new LiveGroupListener(failed::add, group).allDone(List.of("seed 6: disk full"), false);
        assertTrue(failed.get(0) instanceof RunEvent.RunFailed f && f.reason().contains("seed 6: disk full"));
    }
}
