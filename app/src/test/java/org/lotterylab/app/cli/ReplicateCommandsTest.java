package org.lotterylab.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lth lmc} and {@code lth edge-popup} with {@code --replicates}: each replicate is stored exactly as the
 * single run of its seed, a group file lies beside them, and the table shows mean +- sd.
 */
class ReplicateCommandsTest {

    @TempDir
    Path tmp;

    private static final String[] TINY = {"--preset", "quick", "--set", "model=mlp-small", "--set", "iterations=6",
        "--set", "evalInterval=3", "--threads", "1"};

    @Test
    void lmcReplicatesAreTheSingleRunsOfTheirSeeds() throws IOException {
        String[] lmc = concat(new String[] {"lmc", "--k", "0", "--alphas", "3", "--no-curves"}, TINY);
        CliRun group = CliRun.of(concat(lmc, "--replicates", "2", "--parallel", "2", "--seed", "5",
                "--out", tmp.resolve("A").toString()));
        assertEquals(0, group.code(), group.err() + group.out());
        assertTrue(group.out().contains("instability% mean+-sd"), group.out());
        assertTrue(group.out().lines().anyMatch(l -> l.contains("+-") && l.contains(" 2 ")), group.out());
        CliRun single = CliRun.of(concat(lmc, "--seed", "6", "--out", tmp.resolve("B").toString()));
        assertEquals(0, single.code(), single.err());
        assertSameRun(Path.of(single.line("run directory: ")), tmp.resolve("A"), tmp.resolve("B"));
        assertGroupFile(tmp.resolve("A"));
    }

    @Test
    void edgePopupReplicatesAreTheSingleRunsOfTheirSeeds() throws IOException {
        String[] ep = concat(new String[] {"edge-popup", "--keep", "0.5,0.2", "--iterations", "6"}, TINY);
        CliRun group = CliRun.of(concat(ep, "--replicates", "2", "--parallel", "2", "--seed", "5",
                "--out", tmp.resolve("A").toString()));
        assertEquals(0, group.code(), group.err() + group.out());
        assertTrue(group.out().contains("test_acc% mean+-sd"), group.out());
        assertTrue(group.out().lines().filter(l -> l.startsWith("edge-popup") && l.contains("+-")).count() == 2,
                group.out());
        CliRun single = CliRun.of(concat(ep, "--seed", "6", "--out", tmp.resolve("B").toString()));
        assertEquals(0, single.code(), single.err());
        assertSameRun(Path.of(single.line("run directory: ")), tmp.resolve("A"), tmp.resolve("B"));
        assertGroupFile(tmp.resolve("A"));
    }

    @Test
    void dryRunsListTheReplicatesAndLmcOfAStoredRunHasOneSeed() {
        for (String cmd : List.of("lmc", "edge-popup")) {
            CliRun d = CliRun.of(cmd, "--replicates", "3", "--seed", "5", "--out", tmp.toString(), "--dry-run");
            assertEquals(0, d.code(), d.err());
            assertTrue(d.out().contains("replicate seed 7: ") && d.out().contains("-x3.group.json"), d.out());
        }
        CliRun r = CliRun.of("lmc", "--run", tmp.toString(), "--round", "1", "--replicates", "2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--replicates cannot be combined with --run"), r.err());
    }

    /** The single run's directory has a twin of the same name under the group's folder, byte-equal file by file. */
    private static void assertSameRun(Path singleDir, Path groupOut, Path singleOut) throws IOException {
        Path twin = groupOut.resolve(singleOut.relativize(singleDir));
        assertTrue(Files.isDirectory(twin), "no replicate " + twin);
        List<Path> files;
        try (Stream<Path> s = Files.walk(singleDir)) {
            files = s.filter(Files::isRegularFile).map(singleDir::relativize)
                    .filter(ReplicateCommandsTest::compared).toList();
        }
        assertTrue(files.size() > 3, "files: " + files);
        for (Path f : files) {
            if (f.toString().equals("summary.csv")) {
                assertEquals(withoutSeconds(singleDir.resolve(f)), withoutSeconds(twin.resolve(f)), f.toString());
            } else {
                assertArrayEquals(Files.readAllBytes(singleDir.resolve(f)), Files.readAllBytes(twin.resolve(f)),
                        f + " differs between the replicate and the single run");
            }
        }
        try (Stream<Path> s = Files.walk(twin)) {
            assertEquals(files.size(), s.filter(Files::isRegularFile).map(twin::relativize)
                    .filter(ReplicateCommandsTest::compared).count());
        }
    }

    /** summary.csv without its last column, the wall-clock seconds of each round. */
    private static List<String> withoutSeconds(Path summary) throws IOException {
        return Files.readAllLines(summary).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    /** Every file but the run's metadata, timings and writer lock (the process id). */
    private static boolean compared(Path p) {
        String name = p.toString();
        return !name.equals("run.json") && !name.contains("timing") && !name.endsWith(".lock");
    }

    private static void assertGroupFile(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(1, s.filter(p -> p.getFileName().toString().endsWith("-x2.group.json")).count());
        }
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
