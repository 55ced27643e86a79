package org.lotterylab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.spec.Presets;
import org.lotterylab.app.cli.UsageException;

class LabOptionsTest {

    @Test
    void defaultsAreTheQuickPresetUnderRuns() {
        LabOptions o = LabOptions.parse(new String[0]);
        assertEquals(Presets.QUICK, o.preset());
        assertTrue(o.overrides().isEmpty());
        assertFalse(o.autostart());
        assertTrue(o.outDir().endsWith("runs"));
        assertTrue(o.threads() >= 1);
    }

    @Test
    void parsesTheDocumentedCheckCommand() {
        LabOptions o = LabOptions.parse(new String[]{"--preset", "quick", "--rounds", "2", "--autostart",
                "--screenshot", "/tmp/x.png", "--exit-when-done", "--threads", "2", "--set", "seed=7", "--set=batchSize=30"});
        assertEquals(2, o.spec().rounds());
        assertEquals(7, o.spec().seed());
        assertEquals(30, o.spec().batchSize());
        assertTrue(o.autostart());
        assertTrue(o.exitWhenDone());
        assertEquals(Path.of("/tmp/x.png"), o.screenshot().orElseThrow());
        assertEquals(2, o.threads());
    }

    @Test
    void replicatesAndParallelAsInTheCliWithAllCoresButOneByDefault(@TempDir Path dir) throws Exception {
        LabOptions o = LabOptions.parse(new String[]{"--replicates", "3", "--parallel", "2"});
        assertEquals(3, o.replicates());
        assertEquals(2, o.parallel());
        LabOptions d = LabOptions.parse(new String[0]);
        assertEquals(1, d.replicates());
        assertEquals(LabOptions.defaultThreads(), d.parallel());
        assertThrows(UsageException.class, () -> LabOptions.parse(new String[]{"--replicates", "0"}));
        java.nio.file.Path group = org.lotterylab.api.store.ReplicateGroup.of(Presets.QUICK.spec(), 2).write(dir);
        assertEquals(group, LabOptions.parse(new String[]{"--open", group.toString()}).open().orElseThrow(),
                "--open takes a group file");
    }

    @Test
    void fewIterationsLowerTheEvaluationIntervalAsOnTheCommandLine() {
        LabOptions o = LabOptions.parse(new String[]{"--iterations", "20"});
        assertEquals(20, o.spec().iterations());
        assertEquals(5, o.spec().evalInterval(), "a quarter of the iterations, as lth imp does");
    }

    @Test
    void acceptsEverySpecFlagOfImp() {
        LabOptions o = LabOptions.parse(new String[]{"--seed", "7", "--rewind", "10", "--branches", "ticket",
            "--name", "mine"});
        assertEquals(7, o.spec().seed());
        assertEquals(10, o.spec().rewindIteration());
        assertEquals(1, o.spec().branches().size());
        assertEquals("mine", o.spec().name());
    }

    @Test
    void badCommandLinesAreUsageErrors(@TempDir Path tmp) {
        assertThrows(UsageException.class, () -> LabOptions.parse(new String[]{"--bogus"}));
        assertThrows(UsageException.class, () -> LabOptions.parse(new String[]{"--rounds"}));
        assertThrows(UsageException.class, () -> LabOptions.parse(new String[]{"--rounds", "x"}));
        assertThrows(UsageException.class, () -> LabOptions.parse(new String[]{"--preset", "nope"}));
        assertThrows(UsageException.class, () -> LabOptions.parse(new String[]{"--set", "learningRate=-1"}));
        assertThrows(UsageException.class, () -> LabOptions.parse(new String[]{"--set", "noSuchField=1"}));
        assertThrows(UsageException.class, () -> LabOptions.parse(new String[]{"--threads", "0"}));
        assertThrows(UsageException.class, () -> LabOptions.parse(new String[]{"--screenshot", "a.jpg"}));
        assertThrows(UsageException.class, () -> LabOptions.parse(new String[]{"--open", tmp.resolve("missing").toString()}));
        assertThrows(UsageException.class,
                () -> LabOptions.parse(new String[]{"--open", tmp.toString(), "--autostart"}));
    }

    @Test
    void launcherReturnsTwoForBadFlagsAndZeroForHelp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, LabLauncher.run(new String[]{"--rounds", "-3"}, o, e, null));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("rounds"), err.toString(StandardCharsets.UTF_8));
        assertEquals(0, LabLauncher.run(new String[]{"--help"}, o, e, null));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--exit-when-done"));
    }
}
