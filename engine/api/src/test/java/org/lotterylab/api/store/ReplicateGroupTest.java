package org.lotterylab.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.lotterylab.api.spec.ExperimentSpec;

class ReplicateGroupTest {

    @TempDir
    Path tmp;

    static RoundResult row(Branch b, int round, double acc, int es) {
        return new RoundResult(b, round, round == 0 ? 1.0 : 0.5, acc, es, acc - 0.01, 1.0, List.of());
    }

    @Test
    void replicatesAreTheSpecAtConsecutiveSeedsStoredWhereSingleRunsAre() throws IOException {
        ExperimentSpec base = ExperimentSpec.defaults().with("seed", "5");
        ReplicateGroup g = ReplicateGroup.of(base, 3);
        assertEquals(List.of(5L, 6L, 7L), g.members().stream().map(ReplicateGroup.Member::seed).toList());
        assertEquals(base.with("seed", "6").runDirName(), g.members().get(1).runDir());
        assertEquals(base.with("seed", "7"), g.specs().get(2));
        Path file = g.write(tmp);
        assertEquals(base.runDirName() + "-x3.group.json", file.getFileName().toString());
        assertEquals(g, ReplicateGroup.read(file));
    }

    @Test
    void badGroupFilesGiveMessagesNamingTheFile() throws IOException {
        Path f = tmp.resolve("x.group.json");
        Files.writeString(f, "{\"format\": 9}");
        IOException e = assertThrows(IOException.class, () -> ReplicateGroup.read(f));
        assertTrue(e.getMessage().contains("x.group.json") && e.getMessage().contains("format"), e.getMessage());
        Files.writeString(f, "{not json");
        assertThrows(IOException.class, () -> ReplicateGroup.read(f));
        assertThrows(org.lotterylab.api.spec.SpecException.class, () -> ReplicateGroup.of(ExperimentSpec.defaults(), 0));
    }

    @Test
    void mergedTableHasMeanSampleStdAndRangeOverTheReplicatesThatFinished() {
        List<GroupSummary.Row> rows = GroupSummary.merge(List.of(
                List.of(row(Branch.TICKET, 0, 0.9, 100), row(Branch.TICKET, 1, 0.92, 80)),
                List.of(row(Branch.TICKET, 0, 0.8, 200), row(Branch.RANDOM_REINIT, 1, 0.7, 300))));
        assertEquals(3, rows.size());
        GroupSummary.Row dense = rows.get(0);
        assertEquals(2, dense.n());
        assertEquals(0.85, dense.testAccuracy().mean(), 1e-12);
        assertEquals(Math.sqrt(0.005), dense.testAccuracy().std(), 1e-12);
        assertEquals(0.8, dense.testAccuracy().min(), 0);
        assertEquals(0.9, dense.testAccuracy().max(), 0);
        assertEquals(150, dense.earlyStopIteration().mean(), 0);
        assertEquals(List.of(0.9, 0.8), dense.testAccuracy().values());
        GroupSummary.Row one = rows.get(1);
        assertEquals(Branch.TICKET, one.branch());
        assertEquals(1, one.n());
        assertTrue(Double.isNaN(one.testAccuracy().std()));
        assertEquals(Branch.RANDOM_REINIT, rows.get(2).branch());
        String csv = GroupSummary.format(rows);
        assertEquals(GroupSummary.HEADER, csv.lines().findFirst().orElseThrow());
        assertEquals("ticket,1,1,0.5,0.92,NaN,0.92,0.92,0.91,NaN,0.91,0.91,80.0,NaN,80.0,80.0",
                csv.lines().skip(2).findFirst().orElseThrow());
    }
}
