package org.lotterylab.app.ui;

import static org.lotterylab.app.ui.FxWait.onFx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.spec.Branch;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on the real DL4J engine, end to end on tiny settings (MLP on the bundled digits, 2 pruning
 * rounds of 30 iterations, ticket and random re-init). Not part of the default {@code mvn test} (it loads
 * ND4J, about a minute on 2 cores); run it with
 * {@code mvn -pl app -am test -Dtest=LabWindowRealEngineTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(ApplicationExtension.class)
class LabWindowRealEngineTest {
    @TempDir
    Path tmp;

    private LabWindow window;

    @Start
    void start(Stage stage) {
        LabOptions opts = LabOptions.parse(new String[]{"--preset", "quick", "--rounds", "2", "--iterations", "30",
                "--set", "evalInterval=10", "--set", "model=mlp-small", "--set", "batchSize=32",
                "--set", "lmcEachRound=true", "--set", "lmcAlphas=5",
                "--threads", "1", "--out", tmp.resolve("runs").toString()});
        window = new LabWindow(stage, opts, EngineLoader.dl4j(1));
        window.show();
        stage.requestFocus();
    }

    @Test
    void aTinyRunOnTheRealEngineFillsTheViewsAndTheRunDirectory(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> onFx(() -> window.runViewModel().engineStateProperty().get() != RunViewModel.EngineState.LOADING));
        assertEquals(RunViewModel.EngineState.READY, onFx(() -> window.runViewModel().engineStateProperty().get()),
                () -> onFx(() -> window.runViewModel().errorMessageProperty().get()));
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> onFx(() -> window.runViewModel().lastOutcomeProperty().get() != null
                && !window.hasPendingEvents()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(RunViewModel.Outcome.FINISHED, window.runViewModel().lastOutcomeProperty().get(),
                () -> onFx(() -> window.runViewModel().errorMessageProperty().get()));
        assertEquals(2, window.runViewModel().maxRoundProperty().get());
        assertEquals(RunViewModel.roundsInRun(window.experimentViewModel().spec()), window.runViewModel().results().size());
        assertEquals(2, (int) robot.lookup("#heatmap-round-slider").queryAs(Slider.class).getMax());
        String csv = onFx(() -> window.views().accuracy().toCsv());
        assertTrue(csv.contains(Branch.RANDOM_REINIT.id()), csv);
        // per-round LMC: one interpolation curve per finished ticket round (rounds 0..2), live in the dashboard
        java.util.List<Integer> lmcRounds = onFx(() -> window.views().lmc().model().rounds());
        assertEquals(java.util.List.of(0, 1, 2), lmcRounds);
        assertEquals(3, onFx(() -> window.views().lmc().model().instability().get(Branch.TICKET).size()));
        Path runDir = window.runViewModel().runDirProperty().get();
        assertTrue(Files.isRegularFile(runDir.resolve("instability.csv")), runDir.toString());
        assertTrue(Files.isRegularFile(runDir.resolve("summary.csv")), runDir.toString());
        assertTrue(window.pulseMonitor().pulses() > 0);
        System.out.printf("real engine run: max pulse gap %.0f ms over %d pulses%n",
                window.pulseMonitor().maxGapMillis(), window.pulseMonitor().pulses());
    }
}
