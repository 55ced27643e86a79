package org.lotterylab.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;

/**
 * The group's merged LMC table against {@code golden/group-lmc/}: two replicates' instability.csv (one with a
 * second seed pair, a network that names no IMP round and a cut last line) merge into {@code expected-lmc.csv}
 * byte for byte. Regenerate with {@code -Dlth.golden.update=true} only when the format changes on purpose.
 */
class LmcGroupSummaryTest {
    private static final String GOLDEN = "/golden/group-lmc/";

    @TempDir
    Path out;

    private static String resource(String name) throws IOException {
        try (InputStream in = LmcGroupSummaryTest.class.getResourceAsStream(GOLDEN + name)) {
            if (in == null) {
                throw new IOException("missing golden resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private ReplicateGroup groupWithGoldenMembers() throws IOException {
        ReplicateGroup g = ReplicateGroup.of(ExperimentSpec.defaults().with("name", "g").with("seed", "5"), 3);
        for (ReplicateGroup.Member m : g.members().subList(0, 2)) {
            Path dir = Files.createDirectories(out.resolve(m.runDir()));
            Files.writeString(dir.resolve("instability.csv"), resource("seed-" + m.seed() + "-instability.csv"));
        }
        return g; // the third replicate has not written a curve yet
    }

    @Test
    void mergedLmcTableMatchesTheGoldenFile() throws IOException {
        ReplicateGroup g = groupWithGoldenMembers();
        List<LmcGroupSummary.Row> rows = LmcGroupSummary.update(out, g);
        Path file = LmcGroupSummary.file(out, g);
        assertEquals(g.fileName().replace(".group.json", ".group-lmc.csv"), file.getFileName().toString());
        String written = Files.readString(file);
        if (Boolean.getBoolean("lth.golden.update")) {
            Files.writeString(Path.of("src/test/resources" + GOLDEN + "expected-lmc.csv"), written);
        }
        assertEquals(resource("expected-lmc.csv"), written);
        // the numbers themselves, independently of the file
        LmcGroupSummary.Row dense = rows.get(0);
        assertEquals(Branch.TICKET, dense.branch());
        assertEquals(0, dense.round());
        assertEquals(0, dense.k());
        assertEquals(3, dense.n(), "both seed pairs of replicate 6 and the one of replicate 5");
        assertEquals(0.006, dense.instability().mean(), 1e-12);
        assertEquals(0.002, dense.instability().std(), 1e-12);
        assertEquals(0.004, dense.instability().min(), 0);
        assertEquals(0.008, dense.instability().max(), 0);
        assertEquals(List.of(0.004, 0.006, 0.008), dense.instability().values());
        assertEquals(4, rows.size(), "dense at k = 0 and 100, ticket r1, random-reinit r1; probe-net left out");
        assertEquals(100, rows.get(1).k());
        assertEquals(Branch.RANDOM_REINIT, rows.get(3).branch());
        assertEquals(2, rows.get(2).n(), "the cut last line of replicate 6 is not counted");
    }

    @Test
    void headerOnlyAndUnknownNetworksAndGroupsWithoutCurves() throws IOException {
        ReplicateGroup g = ReplicateGroup.of(ExperimentSpec.defaults().with("name", "none"), 2);
        assertTrue(LmcGroupSummary.update(out, g).isEmpty());
        assertFalse(Files.exists(LmcGroupSummary.file(out, g)), "no LMC curve, no file");
        Parsed<LmcGroupSummary.Curve> p = LmcGroupSummary.parse("network,k\ndense,0\n", "x.csv");
        assertTrue(p.rows().isEmpty());
        assertTrue(p.warnings().get(0).contains("instability"), p.warnings().toString());
        assertEquals(new org.lotterylab.api.run.LmcNetwork(Branch.TICKET, 0), LmcGroupSummary.network("dense").orElseThrow());
        assertTrue(LmcGroupSummary.network("probe-net").isEmpty());
    }
}
