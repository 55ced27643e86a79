package org.lotterylab.app.ui;

import static org.lotterylab.app.ui.FxWait.onFx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.store.RunLayout;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lab window under bad input (issue 17): damaged, foreign and newer run directories, impossible values in
 * the experiment panel. Each case must give a clear message (no stack trace), keep what is readable on screen
 * and leave the window usable: a good run opens afterwards. Headless (Monocle), on a scripted fake engine.
 */
@ExtendWith(ApplicationExtension.class)
class LabWindowBadInputTest {
    @TempDir
    Path tmp;

    private LabWindow window;

    @Start
    void start(Stage stage) {
        ScriptedRunner runner = new ScriptedRunner(dir -> TestRuns.script(dir, 3, List.of(Branch.TICKET)), 2);
        LabOptions opts = LabOptions.parse(new String[]{"--out", tmp.resolve("runs").toString()});
        window = new LabWindow(stage, opts, () -> runner);
        window.show();
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    private void waitForIdle() throws Exception {
        waitUntil("the window to be idle", () -> window.runViewModel().activityProperty().get() == RunViewModel.Activity.IDLE
                && !window.hasPendingEvents() && window.runViewModel().lastOutcomeProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void open(FxRobot robot, Path dir) throws Exception {
        robot.interact(() -> window.openRun(dir));
        waitForIdle();
    }

    private String status(FxRobot robot) {
        return onFx(() -> robot.lookup("#statusMessage").queryAs(Label.class).getText());
    }

    private String banner(FxRobot robot) {
        return onFx(() -> robot.lookup("#errorBanner").query().isVisible()
                ? robot.lookup("#errorMessage").queryAs(Label.class).getText() : "");
    }

    /** A message a user can read: no exception class names, no stack frames. */
    private static void assertClear(String message) {
        assertFalse(message.isBlank(), "no message shown");
        assertFalse(message.matches("(?s).*(Exception|\\bat org\\.|\\bat java\\.).*"), "not a clear message: " + message);
    }

    /** A good stored run of 5 rounds still opens in full afterwards. */
    private void assertAGoodRunOpens(FxRobot robot) throws Exception {
        Path good = TestRuns.writeStoredRun(tmp.resolve("good"), 3, 5);
        open(robot, good);
        assertEquals(RunViewModel.Outcome.FINISHED, window.runViewModel().lastOutcomeProperty().get());
        assertEquals(5, onFx(() -> window.runViewModel().results().size()));
        assertEquals("", banner(robot));
    }

    private Path storedRun(String name, int written) throws IOException {
        return TestRuns.writeStoredRun(tmp.resolve(name), 3, written);
    }

    @Test
    void aTruncatedSummaryKeepsTheReadableRoundsAndSaysWhy(FxRobot robot) throws Exception {
        Path dir = storedRun("trunc", 5);
        Path summary = new RunLayout(dir).summaryCsv();
        String text = Files.readString(summary);
        Files.writeString(summary, text.substring(0, text.length() - 25)); // cut into the last row
        open(robot, dir);
        int shown = onFx(() -> window.runViewModel().results().size());
        assertTrue(shown >= 4, "readable rounds shown: " + shown);
        assertClear(status(robot));
        assertTrue(status(robot).contains("summary.csv") || status(robot).contains("incomplete"), status(robot));
        assertAGoodRunOpens(robot);
    }

    @Test
    void aBrokenMasksFileSkipsThatRoundOnlyAndNamesIt(FxRobot robot) throws Exception {
        Path dir = storedRun("masks", 5);
        Path masks = new RunLayout(dir).masks(Branch.RANDOM_REINIT, 2);
        byte[] b = Files.readAllBytes(masks);
        Files.write(masks, java.util.Arrays.copyOf(b, b.length / 2));
        open(robot, dir);
        assertEquals(4, onFx(() -> window.runViewModel().results().size()));
        String s = status(robot);
        assertClear(s);
        assertTrue(s.contains("random-reinit round 2") && s.contains("masks"), s);
        assertAGoodRunOpens(robot);
    }

    @Test
    void garbageSpecJsonIsRefusedClearlyAndTheShownRunStays(FxRobot robot) throws Exception {
        open(robot, storedRun("shown", 3));
        assertEquals(3, onFx(() -> window.runViewModel().results().size()));
        Path dir = storedRun("garbage", 5);
        Files.write(new RunLayout(dir).specJson(), "{\"rounds\": 3, \u0000\u00ff garbage".getBytes(StandardCharsets.ISO_8859_1));
        open(robot, dir);
        String b = banner(robot);
        assertClear(b);
        assertTrue(b.contains("spec.json"), b);
        assertEquals(3, onFx(() -> window.runViewModel().results().size()), "the run shown before stays");
        assertTrue(onFx(() -> window.views().accuracy().toCsv()).contains("ticket"));
        assertAGoodRunOpens(robot);
    }

    @Test
    void aHalfWrittenRunWithoutSummaryOpensWithWhatIsThere(FxRobot robot) throws Exception {
        Path dir = storedRun("half", 3);
        Files.delete(new RunLayout(dir).summaryCsv());
        open(robot, dir);
        String s = status(robot);
        assertClear(s);
        assertTrue(s.contains("summary.csv is missing"), s);
        assertEquals(0, onFx(() -> window.runViewModel().results().size()));
        assertAGoodRunOpens(robot);
    }

    @Test
    void aFolderThatIsNotARunSaysWhatARunHolds(FxRobot robot) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("holiday-photos"));
        Files.writeString(dir.resolve("beach.jpg"), "not a run");
        open(robot, dir);
        String b = banner(robot);
        assertClear(b);
        assertTrue(b.contains("not a run directory") && b.contains("spec.json"), b);
        assertAGoodRunOpens(robot);
    }

    @Test
    void aRunOfANewerFormatIsRefusedWithTheVersions(FxRobot robot) throws Exception {
        Path dir = storedRun("newer", 5);
        Files.writeString(new RunLayout(dir).runJson(), "{\"format\": 3, \"backend\": \"FUTURE\"}");
        open(robot, dir);
        String b = banner(robot);
        assertClear(b);
        assertTrue(b.contains("newer lab") && b.contains("format 3") && b.contains("format 2"), b);
        assertAGoodRunOpens(robot);
    }

    @Test
    void aRunThatBreaksWhileShownKeepsItsRoundsOnRefresh(FxRobot robot) throws Exception {
        Path dir = storedRun("growing", 3);
        open(robot, dir);
        assertEquals(3, onFx(() -> window.runViewModel().results().size()));
        Files.writeString(new RunLayout(dir).summaryCsv(), "\u0000garbage\n");
        robot.interact(window::refresh);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, onFx(() -> window.runViewModel().results().size()), "rounds on screen are kept");
        String s = status(robot);
        assertClear(s);
        assertTrue(s.contains("only 0 of the 3 rounds") && s.contains("summary.csv") && s.contains("kept"), s);
        assertAGoodRunOpens(robot);
    }

    // ------------------------------------------------------------------ the experiment panel

    private void type(FxRobot robot, String key, String text) {
        TextField f = robot.lookup("#field-" + key).queryAs(TextField.class);
        robot.interact(() -> f.setText(text));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertBlocked(FxRobot robot, String key, String reasonPart) {
        assertTrue(robot.lookup("#runButton").queryButton().isDisabled(), key + ": Run must stay disabled");
        Label blocked = robot.lookup("#runBlockedLabel").queryAs(Label.class);
        assertTrue(blocked.isVisible(), key);
        assertTrue(blocked.getText().contains(key), blocked.getText());
        Label problem = robot.lookup("#problem-" + key).queryAs(Label.class);
        assertTrue(problem.isVisible() && problem.getText().contains(reasonPart), key + ": " + problem.getText());
        assertClear(problem.getText());
    }

    @Test
    void impossibleValuesKeepRunDisabledWithTheReason(FxRobot robot) throws Exception {
        waitUntil("the engine", () -> !robot.lookup("#runButton").queryButton().isDisabled());
        String[][] cases = {
                {"learningRate", "-0.5", "> 0"},
                {"learningRate", "NaN", ""},
                {"learningRate", "Infinity", ""},
                {"learningRate", "fast", ""},
                {"iterations", "12abc", ""},
                {"rounds", "201", "[0, 200]"},
                {"rounds", "-3", ""},
                {"globalIgnore", "output,conv9", "conv9"},
        };
        for (String[] c : cases) {
            String before = onFx(() -> window.experimentViewModel().field(c[0]).value());
            type(robot, c[0], c[1]);
            assertBlocked(robot, c[0], c[2]);
            type(robot, c[0], before);
            assertFalse(robot.lookup("#runButton").queryButton().isDisabled(), c[0] + " back to " + before);
        }
        type(robot, "rounds", "0"); // rounds 0 is allowed on purpose: the dense round only
        assertFalse(robot.lookup("#runButton").queryButton().isDisabled());
    }
}
