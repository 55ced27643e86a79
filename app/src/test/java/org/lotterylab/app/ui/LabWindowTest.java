package org.lotterylab.app.ui;

import static org.lotterylab.app.ui.FxWait.onFx;

import static org.lotterylab.app.ui.FxWait.waitUntil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.Presets;
import org.lotterylab.api.store.Npy;
import org.lotterylab.api.store.Npz;
import org.lotterylab.visuals.Theme;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The lab window on a scripted fake engine, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class LabWindowTest {
    private static final List<Branch> TWO = List.of(Branch.TICKET, Branch.RANDOM_REINIT);

    @TempDir
    Path tmp;

    private LabWindow window;
    private ScriptedRunner runner;

    @Start
    void start(Stage stage) {
        runner = new ScriptedRunner(dir -> TestRuns.script(dir, 3, TWO), 2);
        LabOptions opts = LabOptions.parse(new String[]{"--out", tmp.resolve("runs").toString()});
        window = new LabWindow(stage, opts, () -> runner);
        window.show();
        stage.requestFocus();
    }

    private Button runButton(FxRobot robot) {
        return robot.lookup("#runButton").queryButton();
    }

    private void waitForEngine(FxRobot robot) throws Exception {
        waitUntil("the engine", 60, () -> !runButton(robot).isDisabled());
    }

    private void waitForIdle() throws Exception {
        waitUntil("the run to end", 20, () -> window.runViewModel().activityProperty().get() == RunViewModel.Activity.IDLE
                && !window.hasPendingEvents() && window.runViewModel().lastOutcomeProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Slider heatmapSlider(FxRobot robot) {
        return robot.lookup("#heatmap-round-slider").queryAs(Slider.class);
    }

    @Test
    void opensWithTheQuickPresetAndEnablesRunOnceTheEngineHasLoaded(FxRobot robot) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AtomicReference<LabWindow> second = new AtomicReference<>();
        robot.interact(() -> {
            Stage stage = new Stage();
            LabWindow w = new LabWindow(stage, LabOptions.defaults(), () -> {
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return runner;
            });
            w.show();
            second.set(w);
        });
        LabWindow w = second.get();
        assertEquals("Loading engine…", onFx(() -> w.runViewModel().backendTextProperty().get()));
        assertTrue(onFx(() -> w.runViewModel().runBlockedReasonProperty().get()).contains("engine has loaded"));
        assertFalse(onFx(() -> w.runViewModel().canRunProperty().get()));
        gate.countDown();
        waitUntil("the second window's engine", 10, () -> w.runViewModel().canRunProperty().get());
        assertTrue(onFx(() -> w.runViewModel().backendTextProperty().get()).startsWith("FAKE"));
        robot.interact(() -> w.stage().close());

        waitForEngine(robot);
        ComboBox<?> presets = robot.lookup("#presetChoice").queryComboBox();
        assertEquals(Presets.QUICK, presets.getValue());
        assertEquals("FAKE, 1 thread (scripted)", robot.lookup("#backendLabel").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#runBlockedLabel").queryAs(Label.class).isVisible());
    }

    @Test
    void anInvalidValueIsMarkedAndDisablesRunWithTheReason(FxRobot robot) throws Exception {
        waitForEngine(robot);
        TextField lr = robot.lookup("#field-learningRate").queryAs(TextField.class);
        robot.interact(() -> lr.setText(""));
        robot.clickOn(lr).write("-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("-1", lr.getText());
        assertTrue(lr.getStyleClass().contains("invalid"));
        Label problem = robot.lookup("#problem-learningRate").queryAs(Label.class);
        assertTrue(problem.isVisible());
        assertTrue(problem.getText().contains("must be > 0"), problem.getText());
        assertTrue(runButton(robot).isDisabled());
        Label blocked = robot.lookup("#runBlockedLabel").queryAs(Label.class);
        assertTrue(blocked.isVisible());
        assertTrue(blocked.getText().contains("learningRate"), blocked.getText());

        robot.interact(() -> lr.setText(""));
        robot.clickOn(lr).write("0.002");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(lr.getStyleClass().contains("invalid"));
        assertFalse(runButton(robot).isDisabled());

        TextField iterations = robot.lookup("#field-iterations").queryAs(TextField.class);
        robot.interact(() -> iterations.setText(""));
        robot.clickOn(iterations).write("0");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(iterations.getStyleClass().contains("invalid"));
        assertTrue(runButton(robot).isDisabled());
        assertTrue(blocked.getText().contains("iterations"), blocked.getText());
    }

    @Test
    void aScriptedRunUpdatesEveryView(FxRobot robot) throws Exception {
        waitForEngine(robot);
        runner.setScript(dir -> TestRuns.script(dir, 3, TWO), 15);
        robot.clickOn("#runButton");
        waitUntil("the progress label to show a round", 10,
                () -> robot.lookup("#progressLabel").queryAs(Label.class).getText().startsWith("Round "));
        assertTrue(runButton(robot).isDisabled());
        assertFalse(robot.lookup("#stopButton").queryButton().isDisabled());
        waitForIdle();
        assertEquals(RunViewModel.Outcome.FINISHED, window.runViewModel().lastOutcomeProperty().get());
        assertEquals(2, (int) heatmapSlider(robot).getMax());
        String csv = onFx(() -> window.views().accuracy().toCsv());
        long rows = csv.lines().filter(l -> l.contains("ticket") || l.contains("random-reinit")).count();
        assertTrue(rows >= 5, csv);
        String curves = onFx(() -> window.views().curves().toCsv());
        assertTrue(curves.lines().count() > 6, curves);
        assertEquals(2, window.runViewModel().maxRoundProperty().get());
        assertTrue(robot.lookup("#statusMessage").queryAs(Label.class).getText().startsWith("Run finished"));
        assertFalse(runButton(robot).isDisabled());
        assertTrue(window.pulseMonitor().pulses() > 0);
        assertEquals(runner.lastSpec, Presets.QUICK.spec());
    }

    @Test
    void pauseAndStopReachTheEngineAndFinishedRoundsStay(FxRobot robot) throws Exception {
        waitForEngine(robot);
        runner.setScript(dir -> TestRuns.script(dir, 3, TWO), 150);
        robot.clickOn("#runButton");
        waitUntil("a finished round", 10, () -> window.runViewModel().maxRoundProperty().get() >= 0);
        robot.clickOn("#pauseButton");
        assertEquals("Resume", robot.lookup("#pauseButton").queryButton().getText());
        assertTrue(window.runViewModel().control().isPaused());
        robot.clickOn("#stopButton"); // stopping a paused run ends it

        waitForIdle();
        assertEquals(RunViewModel.Outcome.CANCELLED, window.runViewModel().lastOutcomeProperty().get());
        assertFalse(window.runViewModel().results().isEmpty());
        assertTrue(onFx(() -> window.views().accuracy().toCsv()).contains("ticket"));
    }

    @Test
    void anEngineErrorIsShownAndFinishedRoundsStayVisible(FxRobot robot) throws Exception {
        waitForEngine(robot);
        runner.setScript(dir -> {
            List<RunEvent> ev = new ArrayList<>(TestRuns.script(dir, 1, List.of(Branch.TICKET)));
            ev.remove(ev.size() - 1);
            ev.add(new RunEvent.RunFailed("Training diverged: the loss became NaN in round 1", "ArithmeticException"));
            return ev;
        }, 2);
        robot.clickOn("#runButton");
        waitForIdle();
        Node banner = robot.lookup("#errorBanner").query();
        assertTrue(banner.isVisible());
        assertTrue(robot.lookup("#errorMessage").queryAs(Label.class).getText().contains("NaN"));
        assertTrue(heatmapSlider(robot).isDisabled(), "only round 0: nothing to scrub");
        assertTrue(onFx(() -> window.views().accuracy().toCsv()).contains("ticket"));
        assertFalse(runButton(robot).isDisabled());
        robot.clickOn("#errorClose");
        assertFalse(banner.isVisible());
    }

    @Test
    void aStoredRunOpensAndTheSliderScrubs(FxRobot robot) throws Exception {
        Path dir = TestRuns.writeStoredRun(tmp, 3, 5);
        robot.interact(() -> window.openRun(dir));
        waitForIdle();
        assertEquals(RunViewModel.Outcome.FINISHED, window.runViewModel().lastOutcomeProperty().get());
        Slider slider = heatmapSlider(robot);
        assertEquals(2, (int) slider.getMax());
        assertEquals(5, window.runViewModel().results().size());
        robot.interact(() -> slider.setValue(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, window.views().heatmap().roundProperty().get());
        assertEquals(1, window.views().shownResult().orElseThrow().round());
        Mask shown = onFx(() -> window.views().heatmap().selectedMask().orElseThrow());
        Mask expected = TestRuns.masks(1, Branch.TICKET).stream().filter(m -> m.name().equals(shown.name()))
                .findFirst().orElseThrow();
        assertArrayEquals(expected.keep(), shown.keep());
        robot.interact(() -> slider.setValue(0));
        assertEquals(0, window.views().heatmap().roundProperty().get());
        assertTrue(robot.lookup("#progressLabel").queryAs(Label.class).getText().contains("5 rounds"));
    }

    @Test
    void aRunBeingWrittenShowsNewRoundsOnRefresh(FxRobot robot) throws Exception {
        TestRuns.writeStoredRun(tmp, 3, 2);
        Path dir = tmp.resolve(TestRuns.spec(2).runDirName());
        robot.interact(() -> window.openRun(dir));
        waitForIdle();
        assertEquals(1, (int) heatmapSlider(robot).getMax());
        assertTrue(robot.lookup("#statusMessage").queryAs(Label.class).getText().contains("incomplete"));
        TestRuns.writeStoredRun(tmp, 3, 4);
        robot.interact(window::refresh);
        waitUntil("the new rounds", 10, () -> window.runViewModel().results().size() == 4 && !window.hasPendingEvents());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, (int) heatmapSlider(robot).getMax());
    }

    @Test
    void aReplayRunsRoundByRound(FxRobot robot) throws Exception {
        Path dir = TestRuns.writeStoredRun(tmp, 3, 5);
        robot.interact(() -> window.replaySpeed().setValue(0.5));
        robot.interact(() -> window.replayRun(dir));
        waitUntil("the replay to start", 10,
                () -> window.runViewModel().activityProperty().get() == RunViewModel.Activity.REPLAYING);
        assertFalse(robot.lookup("#pauseButton").queryButton().isDisabled());
        waitForIdle();
        assertEquals(RunViewModel.Outcome.FINISHED, window.runViewModel().lastOutcomeProperty().get());
        assertEquals(2, (int) heatmapSlider(robot).getMax());
        assertEquals(5, window.runViewModel().results().size());
    }

    @Test
    void exportWritesPngCsvAndMaskFiles(FxRobot robot) throws Exception {
        Path dir = TestRuns.writeStoredRun(tmp, 3, 5);
        robot.interact(() -> window.openRun(dir));
        waitForIdle();
        Path out = tmp.resolve("export");
        for (ViewPaneCase c : List.of(new ViewPaneCase("accuracy", "ticket"), new ViewPaneCase("masks", "fc1"),
                new ViewPaneCase("pixels", "channel"), new ViewPaneCase("curves", ""))) {
            Path png = out.resolve(c.id + ".png");
            Path csv = out.resolve(c.id + ".csv");
            robot.interact(() -> {
                window.grid().select(c.id);
                try {
                    window.exportPng(png);
                    window.exportCsv(csv);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
            assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head, c.id);
            String text = Files.readString(csv);
            assertTrue(text.lines().count() >= 2 && text.contains(c.expect), c.id + ": " + text);
        }
        Path npz = out.resolve("mask.npz");
        Path npy = out.resolve("mask.npy");
        robot.interact(() -> {
            try {
                window.exportMask(npz);
                window.exportMask(npy);
                window.screenshot(out.resolve("window.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Mask selected = onFx(() -> window.views().heatmap().selectedMask().orElseThrow());
        assertEquals(List.of(selected), Npz.readMasks(npz));
        assertArrayEquals(selected.shape(), Npy.read(npy).shape());
        assertTrue(Files.size(out.resolve("window.png")) > 1000);
    }

    private record ViewPaneCase(String id, String expect) {
    }

    @Test
    void presentationModeHidesThePanelAndAppliesTheTheme(FxRobot robot) throws Exception {
        waitForEngine(robot);
        robot.interact(() -> window.setPresentation(true));
        assertTrue(Theme.isPresentation(window.scene()));
        assertTrue(window.scene().getRoot().getStyleClass().contains("presentation"));
        assertNull(((javafx.scene.layout.BorderPane) window.scene().getRoot()).getLeft());
        robot.interact(() -> window.setPresentation(false));
        assertFalse(Theme.isPresentation(window.scene()));
        assertTrue(((javafx.scene.layout.BorderPane) window.scene().getRoot()).getLeft() != null);
    }

    @Test
    void extraPanesBecomeTabsBesideTheGrid(FxRobot robot) {
        robot.interact(() -> window.addTab("Extra", new Label("extra pane")));
        javafx.scene.control.TabPane tabs = robot.lookup("#labTabs").queryAs(javafx.scene.control.TabPane.class);
        assertEquals(List.of("Iterative pruning", "Extra"), tabs.getTabs().stream().map(javafx.scene.control.Tab::getText).toList());
        assertTrue(tabs.getTabs().get(0).getContent() == window.grid());
    }

    @Test
    void thePulseMonitorKeepsTheLongestGap() {
        PulseMonitor m = onFx(PulseMonitor::new);
        m.record(0);
        m.record(16_000_000);
        m.record(80_000_000);
        m.record(96_000_000);
        m.record(146_000_000); // exactly the goal: not over it
        m.record(197_000_000);
        assertEquals(64.0, m.maxGapMillis(), 1e-9);
        assertEquals(6, m.pulses());
        assertEquals(2, m.longGaps(), "the gaps over 50 ms: 64 and 51 ms");
        m.recordCpu(5_000_000);
        m.recordCpu(9_000_000);
        m.recordCpu(21_000_000);
        m.recordCpu(-1); // unknown: ignored
        m.recordCpu(22_000_000);
        assertEquals(12.0, m.maxPulseCpuMillis(), 1e-9, "the most CPU time between two pulses");
        m.reset();
        assertEquals(0, m.longGaps());
        assertEquals(0, m.maxGapMillis());
        assertEquals(0, m.maxPulseCpuMillis());
    }
}
