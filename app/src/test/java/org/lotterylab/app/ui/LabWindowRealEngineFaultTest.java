package org.lotterylab.app.ui;

import static org.lotterylab.app.ui.FxWait.onFx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on the real engine when the world breaks under a run (issue 17): the data folder deleted while
 * it trains, and the disk filling up mid-run (a small tmpfs filled to the brim after the first round; needs
 * root and mount rights, skipped otherwise). Tiny generated IDX data, MLP, 3 pruning rounds of 1,500 iterations (long
 * enough that the test can pause the run after its first round, before it ends).
 */
@ExtendWith(ApplicationExtension.class)
class LabWindowRealEngineFaultTest {
    @TempDir
    Path tmp;

    private LabWindow window;
    private Path data;
    private Path out;
    private Path mounted;

    @Start
    void start(Stage stage) throws IOException {
        data = writeIdx(tmp.resolve("data"), 300, 5);
        out = tmp.resolve("runs");
        Files.createDirectories(out);
        if (mountTmpfs(out)) {
            mounted = out;
        }
        LabOptions opts = LabOptions.parse(new String[]{"--preset", "quick", "--rounds", "3", "--iterations", "1500",
                "--set", "evalInterval=500", "--set", "model=mlp-small", "--set", "batchSize=16",
                "--set", "dataset=" + data, "--set", "lmcEachRound=false", "--set", "branches=ticket",
                "--threads", "1", "--out", out.toString()});
        window = new LabWindow(stage, opts, EngineLoader.dl4j(1));
        window.show();
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            new ProcessBuilder("umount", "-l", mounted.toString()).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean mountTmpfs(Path dir) {
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", dir.toString())
                    .redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Raw IDX digits: each class lights its own block of a 28x28 image, plus noise. */
    private static Path writeIdx(Path dir, int count, long seed) throws IOException {
        Files.createDirectories(dir);
        Random rng = new Random(seed);
        try (OutputStream img = Files.newOutputStream(dir.resolve("images-idx3-ubyte"));
             DataOutputStream d = new DataOutputStream(img);
             OutputStream lab = Files.newOutputStream(dir.resolve("labels-idx1-ubyte"));
             DataOutputStream l = new DataOutputStream(lab)) {
            d.writeInt(2051);
            d.writeInt(count);
            d.writeInt(28);
            d.writeInt(28);
            l.writeInt(2049);
            l.writeInt(count);
            for (int n = 0; n < count; n++) {
                int label = n % 10;
                l.write(label);
                int by = 2 + (label / 5) * 12;
                int bx = 1 + (label % 5) * 5;
                for (int y = 0; y < 28; y++) {
                    for (int x = 0; x < 28; x++) {
                        boolean on = y >= by && y < by + 6 && x >= bx && x < bx + 5;
                        d.write(Math.min(255, rng.nextInt(40) + (on ? 160 : 0)));
                    }
                }
            }
        }
        return dir;
    }

    private void waitFor(String what, int seconds, Supplier<Boolean> c) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(c));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; status: "
                    + onFx(() -> window.runViewModel().statusMessageProperty().get()), e);
        }
    }

    private RunViewModel vm() {
        return window.runViewModel();
    }

    private void startRunAndWaitForARound(FxRobot robot) throws Exception {
        waitFor("the engine", 180, () -> vm().engineStateProperty().get() != RunViewModel.EngineState.LOADING);
        assertEquals(RunViewModel.EngineState.READY, onFx(() -> vm().engineStateProperty().get()));
        robot.clickOn("#runButton");
        waitFor("a finished round", 180, () -> !vm().results().isEmpty());
    }

    private void waitForTheEnd() throws Exception {
        waitFor("the run to end", 300, () -> vm().lastOutcomeProperty().get() != null
                && vm().activityProperty().get() == RunViewModel.Activity.IDLE && !window.hasPendingEvents());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void assertClear(String m) {
        assertFalse(m.isBlank(), "no message");
        assertFalse(m.matches("(?s).*(Exception|\\bat org\\.|\\bat java\\.).*"), "not a clear message: " + m);
    }

    @Test
    void theDataFolderDeletedWhileTrainingGivesAClearMessageAndKeepsTheRounds(FxRobot robot) throws Exception {
        startRunAndWaitForARound(robot);
        deleteTree(data);
        waitForTheEnd();
        int kept = onFx(() -> vm().results().size());
        assertTrue(kept >= 1, "finished rounds kept");
        assertTrue(onFx(() -> window.views().accuracy().toCsv()).contains("ticket"));
        // the engine reads the data set once, at the start: the run either ends from memory or says why not
        if (vm().lastOutcomeProperty().get() == RunViewModel.Outcome.FAILED) {
            assertClear(onFx(() -> vm().errorMessageProperty().get()));
        }
        // usable: a new experiment on the missing folder is refused clearly, without a stack trace
        robot.interact(() -> window.experimentViewModel().field("seed").setValue("77"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#runButton").queryButton().isDisabled(), "Run must wait for the data folder");
        String msg = onFx(() -> vm().runBlockedReasonProperty().get());
        assertClear(msg);
        assertTrue(msg.contains("dataset") && msg.contains("no such folder") && msg.contains(data.toString()), msg);
        writeIdx(data, 300, 5); // the folder is back: Run is offered again
        robot.interact(() -> window.experimentViewModel().field("seed").setValue("78"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#runButton").queryButton().isDisabled(), onFx(() -> vm().runBlockedReasonProperty().get()));
        assertEquals(kept, (int) onFx(() -> vm().results().size()) , "the rounds on screen stay");
    }

    @Test
    void aFullDiskStopsTheRunNamingTheFileAndKeepsTheRounds(FxRobot robot) throws Exception {
        assumeTrue(mounted != null, "needs a tmpfs mount (root)");
        startRunAndWaitForARound(robot);
        // paused while the disk fills, so that the run cannot finish its last rounds first (seen under load)
        robot.interact(() -> vm().togglePause());
        waitFor("the pause", 30, () -> vm().pausedProperty().get());
        Path filler = out.resolve("filler");
        try (OutputStream o = Files.newOutputStream(filler)) {
            byte[] block = new byte[64 * 1024];
            while (true) {
                o.write(block);
            }
        } catch (IOException full) {
            // the disk is full now
        }
        robot.interact(() -> vm().togglePause());
        waitForTheEnd();
        assertEquals(RunViewModel.Outcome.FAILED, vm().lastOutcomeProperty().get());
        String msg = onFx(() -> vm().errorMessageProperty().get());
        System.out.println("disk full: " + msg);
        assertClear(msg);
        // which round and which of its files hits the full disk first depends on sizes and timing (the
        // trainings run in parallel); the message names the file, and every round before it is kept
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?s).*disk full while writing \\S+/round-(\\d\\d)/\\S+\\.(npz|csv).*").matcher(msg);
        assertTrue(m.matches(), msg);
        int failedRound = Integer.parseInt(m.group(1));
        assertTrue(failedRound >= 1, msg);
        assertTrue(msg.contains(failedRound == 1 ? "1 finished round is kept"
                : failedRound + " finished rounds are kept"), msg);
        assertEquals(1, msg.split("(?i)finished rounds? (is|are) kept", -1).length - 1, "said once: " + msg);
        int kept = onFx(() -> vm().results().size());
        assertTrue(kept >= 1);
        Files.delete(filler);
        robot.interact(window::run); // room again: the same experiment resumes and completes
        waitForTheEnd();
        assertEquals(RunViewModel.Outcome.FINISHED, vm().lastOutcomeProperty().get(),
                () -> onFx(() -> vm().errorMessageProperty().get()));
        assertEquals(4, (int) onFx(() -> vm().results().size()));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
