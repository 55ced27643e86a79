package org.lotterylab.app.ui;

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
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.store.ReplicateGroup;
import org.lotterylab.visuals.lmc.GroupInstability;

/** Opening groups and sweeps and grouping them, without a window. */
class GroupViewModelTest {

    @TempDir
    Path tmp;

    @Test
    void aGroupFileOrItsFolderOpensAsOneResultWithEveryReplicateLabelledBySeed() throws IOException {
        Path file = GroupTestRuns.writeReplicates(tmp);
        RunGroup g = RunGroup.find(file).orElseThrow();
        assertEquals(g, RunGroup.find(tmp).orElseThrow(), "the folder holding one group file opens it");
        assertEquals(RunGroup.Kind.REPLICATES, g.kind());
        assertEquals(List.of(5L, 6L, 7L), g.members().stream().map(RunGroup.Member::seed).toList());
        assertTrue(RunGroup.find(g.members().get(0).dir()).isEmpty(), "a run directory is a single run");

        GroupViewModel vm = GroupViewModel.load(g);
        assertEquals(3, vm.membersWithResults());
        assertEquals(15, vm.rounds(), "5 rounds (ticket 0-2, random re-init 1-2) of 3 replicates");
        assertTrue(vm.axes().isEmpty());
        assertFalse(vm.byK());
        List<GroupViewModel.Tagged> ticket1 = vm.tagged().stream()
                .filter(t -> t.result().branch() == Branch.TICKET && t.result().round() == 1).toList();
        assertEquals(List.of("seed 5", "seed 6", "seed 7"), ticket1.stream().map(GroupViewModel.Tagged::member).toList());
        assertEquals(List.of(""), vm.groupOrder(), "replicates are one group");
        for (GroupViewModel.Tagged t : ticket1) {
            assertEquals(GroupTestRuns.accuracy(Branch.TICKET, 1, Long.parseLong(t.member().substring(5))),
                    t.result().testAccuracy(), 1e-12);
        }
        List<GroupInstability.Series> inst = vm.instability().byWeightsRemaining();
        assertEquals(1, inst.size(), "one series: the ticket");
        GroupInstability.Point p = inst.get(0).points().get(2);
        assertEquals(3, p.instability().n());
        assertEquals(0.003 * 6, p.instability().mean(), 1e-12, "round 2: 0.003 x seeds 5, 6, 7");
        assertEquals(List.of("seed 5", "seed 6", "seed 7"), p.members());
    }

    @Test
    void aSweepGroupsByTheChosenGridFieldsAndShowsInstabilityVersusK() throws IOException {
        Path dir = GroupTestRuns.writeSweep(tmp);
        RunGroup g = RunGroup.find(dir).orElseThrow();
        assertEquals(RunGroup.Kind.SWEEP, g.kind());
        assertEquals(List.of("rewindIteration", "seed"), g.axes());
        GroupViewModel vm = GroupViewModel.load(g);
        assertEquals(List.of("rewindIteration"), vm.groupBy(), "by default every grid field but the seed");
        assertEquals(List.of("rewindIteration=0", "rewindIteration=5"), vm.groupOrder());
        assertEquals("seed 2", vm.memberLabel(1));
        assertEquals("rewindIteration=5", vm.groupLabel(3));
        assertTrue(vm.byK());

        List<GroupInstability.Series> byK = vm.instability().byK();
        assertEquals(List.of("dense", "ticket r1", "ticket r2"), byK.stream().map(GroupInstability.Series::name)
                .map(n -> n.replaceAll(" \\(.*\\)$", "")).toList(),
                "k is the x axis: one series per round, not per k");
        GroupInstability.Point r1k5 = byK.get(1).points().get(1);
        assertEquals(5, r1k5.x(), 0);
        assertEquals(2, r1k5.instability().n(), "seeds 1 and 2");
        assertEquals((GroupTestRuns.instability(1, 1, 5) + GroupTestRuns.instability(1, 2, 5)) / 2, r1k5.instability().mean(), 1e-12);

        vm.setGroupBy(List.of());
        assertEquals(List.of(""), vm.groupOrder());
        assertEquals("seed 2, rewindIteration=5", vm.memberLabel(3), "an axis not grouped by names the member");
        long ticket1 = vm.tagged().stream().filter(t -> t.result().branch() == Branch.TICKET && t.result().round() == 1).count();
        assertEquals(4, ticket1, "every point in one group");

        vm.setGroupBy(List.of("seed", "notAnAxis"));
        assertEquals(List.of("seed"), vm.groupBy());
        assertEquals(List.of("seed=1", "seed=2"), vm.groupOrder());
        assertEquals(List.of("seed=1", "seed=2"), vm.instability().byK().stream().map(GroupInstability.Series::group)
                .distinct().toList(), "the k chart groups by the chosen fields other than k");
    }

    @Test
    void foldersWithSeveralGroupFilesAndDamagedIndexesSayWhy() throws IOException {
        ReplicateGroup.of(GroupTestRuns.base(1), 2).write(tmp);
        ReplicateGroup.of(GroupTestRuns.base(1), 3).write(tmp);
        IOException e = assertThrows(IOException.class, () -> RunGroup.find(tmp));
        assertTrue(e.getMessage().contains("2 group files"), e.getMessage());
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(bad.resolve("sweep.json"), "{\"kind\": \"sweep\"}");
        e = assertThrows(IOException.class, () -> RunGroup.find(bad));
        assertTrue(e.getMessage().contains("sweep.json") && e.getMessage().contains("points"), e.getMessage());
        Files.writeString(bad.resolve("sweep.json"), "{\"kind\": \"sweep\", \"points\": [{\"run\": \"../x\", \"seed\": 1}]}");
        e = assertThrows(IOException.class, () -> RunGroup.find(bad));
        assertTrue(e.getMessage().contains("run directory"), e.getMessage());
    }

    @Test
    void aLiveGroupCountsEveryReplicatesRoundsAndReplacesARoundSeenAgain() {
        ReplicateGroup rg = ReplicateGroup.of(GroupTestRuns.base(5), 2);
        GroupViewModel vm = new GroupViewModel(RunGroup.of(rg, tmp));
        var r = TestRuns.result(Branch.TICKET, 0, TestRuns.masks(0, Branch.TICKET));
        vm.addResult(1, r);
        vm.addResult(1, r);
        assertEquals(1, vm.rounds());
        assertEquals(1, vm.membersWithResults());
        assertEquals("seed 6", vm.tagged().get(0).member());
    }
}
