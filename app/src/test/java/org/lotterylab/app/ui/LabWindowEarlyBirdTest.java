package org.lotterylab.app.ui;

import static org.lotterylab.app.ui.FxWait.onFx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.store.NpyArray;
import org.lotterylab.api.store.Npz;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The early-bird pane of the IMP dashboard: mounted and filled by a live event stream or a stored run's files. */
@ExtendWith(ApplicationExtension.class)
class LabWindowEarlyBirdTest {
    private static final List<Branch> TWO = List.of(Branch.TICKET, Branch.RANDOM_REINIT);
    /** Four points; the ticket is drawn at iteration 15. */
    private static final int[] ITS = {0, 5, 10, 15};
    private static final float[] D = {
        0f, .5f, .6f, .62f,
        .5f, 0f, .2f, .25f,
        .6f, .2f, 0f, .05f,
        .62f, .25f, .05f, 0f};

    @TempDir
    Path tmp;

    private LabWindow window;
    private ScriptedRunner runner;

    @Start
    void start(Stage stage) {
        runner = new ScriptedRunner(LabWindowEarlyBirdTest::withEarlyBird, 5);
        LabOptions opts = LabOptions.parse(new String[]{"--out", tmp.resolve("runs").toString()});
        window = new LabWindow(stage, opts, () -> runner);
        window.show();
    }

    /** The scripted run with early-bird points during round 0 and the summary before round 0 finishes. */
    static List<RunEvent> withEarlyBird(Path dir) {
        List<RunEvent> ev = new ArrayList<>(TestRuns.script(dir, 3, TWO));
        int at = 0;
        while (!(ev.get(at) instanceof RunEvent.RoundStarted)) {
            at++;
        }
        List<RunEvent> eb = new ArrayList<>();
        for (int i = 0; i < ITS.length; i++) {
            float[] row = new float[i];
            System.arraycopy(D, i * ITS.length, row, 0, i);
            eb.add(new RunEvent.EarlyBirdPoint(i, ITS[i], i == 0 ? Double.NaN : D[i * 4 + i - 1],
                    i < 2 ? Double.NaN : row[i - 1], ITS[i] >= 15, row));
        }
        eb.add(new RunEvent.EarlyBirdDrawn(true, 15, 20, 5, ITS, D));
        ev.addAll(at + 1, eb);
        return ev;
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    private void waitForIdle() throws Exception {
        waitUntil("the run to end", () -> window.runViewModel().activityProperty().get() == RunViewModel.Activity.IDLE
                && !window.hasPendingEvents() && window.runViewModel().lastOutcomeProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean paneShown() {
        // mounted in the grid (visible) or, when the grid is paged, on one of its pages
        return onFx(() -> window.grid().mounted("earlybird") && (window.grid().panesPerPage() > 0
                || window.grid().pane("earlybird").isVisible()));
    }

    private void assertMatrixAndMarker() {
        var m = onFx(() -> window.views().earlyBird().model());
        assertEquals(4, onFx(m::size));
        assertEquals(0.05, onFx(() -> m.distance(3, 2)), 1e-6);
        assertEquals(0.62, onFx(() -> m.distance(0, 3)), 1e-6);
        assertEquals(15, onFx(() -> m.drawnIteration().getAsInt()));
        assertEquals("ticket drawn at iteration 15; 5 iterations saved (25% of 20)",
                onFx(() -> window.views().earlyBird().captionText()));
    }

    @Test
    void aLiveRunWithEarlyBirdPointsMountsThePaneWithTheMatrixAndTheMarker(FxRobot robot) throws Exception {
        waitUntil("the engine", () -> !robot.lookup("#runButton").queryButton().isDisabled());
        assertFalse(paneShown(), "no early-bird pane before early-bird data");
        robot.clickOn("#runButton");
        waitForIdle();
        waitUntil("the early-bird pane", this::paneShown);
        assertMatrixAndMarker();
    }

    @Test
    void aStoredRunWithoutEarlyBirdFilesHasNoPane(FxRobot robot) throws Exception {
        Path plain = TestRuns.writeStoredRun(tmp, 3, 5);
        robot.interact(() -> window.openRun(plain));
        waitForIdle();
        assertFalse(paneShown(), "a run without early-bird files has no early-bird pane");
    }

    @Test
    void aStoredRunIsFilledFromItsEarlyBirdFiles(FxRobot robot) throws Exception {
        Path dir = TestRuns.writeStoredRun(tmp, 3, 5);
        writeEarlyBirdFiles(dir);
        robot.interact(() -> window.openRun(dir));
        waitForIdle();
        waitUntil("the early-bird pane", this::paneShown);
        assertMatrixAndMarker();
        assertEquals(4, onFx(() -> window.views().earlyBird().model().points().size()), "points read from the csv");
    }

    @Test
    void anEarlyBirdRunOpenedAfterAnotherStoredRunShowsItsOwnData(FxRobot robot) throws Exception {
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread fx = onFx(Thread::currentThread);
        Thread.UncaughtExceptionHandler before = fx.getUncaughtExceptionHandler();
        fx.setUncaughtExceptionHandler((t, e) -> failures.add(e));
        try {
            Path first = TestRuns.writeStoredRun(tmp.resolve("a"), 4, 3);
            robot.interact(() -> window.openRun(first));
            waitForIdle();
            Path dir = TestRuns.writeStoredRun(tmp.resolve("b"), 3, 5);
            writeEarlyBirdFiles(dir);
            robot.interact(() -> window.openRun(dir));
            waitForIdle();
            waitUntil("the early-bird pane", this::paneShown);
            assertMatrixAndMarker();
            robot.interact(() -> window.openRun(first)); // and back: the pane goes, nothing fails
            waitForIdle();
            assertFalse(paneShown(), "the plain run has no early-bird pane");
        } finally {
            fx.setUncaughtExceptionHandler(before);
        }
        assertEquals(List.of(), failures, "exceptions on the FX thread");
    }

    private static void writeEarlyBirdFiles(Path dir) throws java.io.IOException {

        StringBuilder csv = new StringBuilder("iteration,distance_previous,max_distance_window,drawn\n");
        for (int i = 0; i < ITS.length; i++) {
            csv.append(ITS[i]).append(',').append(i == 0 ? "nan" : String.valueOf(D[i * 4 + i - 1])).append(',')
                    .append(i < 2 ? "nan" : String.valueOf(D[i * 4 + i - 1])).append(',').append(ITS[i] >= 15).append('\n');
        }
        Files.writeString(dir.resolve("early-bird.csv"), csv);
        Files.writeString(dir.resolve("early-bird.json"),
                "{\"drawn\": true, \"drawn_iteration\": 15, \"iterations\": 20, \"iterations_saved\": 5}\n");
        Npz.writeArrays(dir.resolve("early-bird-distances.npz"), List.of(NpyArray.ofFloats("distances", new int[]{4, 4}, D)));
    }
}
