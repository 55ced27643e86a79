package org.lotterylab.app.ui.lmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotterylab.api.run.BackendInfo;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.LmcExperimentRunner;
import org.lotterylab.api.run.LmcPlan;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.run.RunListener;
import org.lotterylab.api.spec.Presets;
import org.lotterylab.visuals.Theme;
import org.lotterylab.visuals.lmc.LmcSyntheticData;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The LMC tab on a fake engine that emits synthetic curves from its own thread. */
@ExtendWith(ApplicationExtension.class)
class LmcPaneTest {
    private LmcPane pane;
    private FakeEngine engine;

    /** Emits a synthetic analysis; can be held at a latch to prove the FX thread does not wait. */
    static final class FakeEngine implements LmcExperimentRunner {
        final AtomicReference<LmcPlan> plan = new AtomicReference<>();
        final AtomicInteger starts = new AtomicInteger();
        volatile CountDownLatch hold = new CountDownLatch(0);
        volatile boolean cancelled;
        /** Ends with a RunFinished that names no directory (as an engine that learns it late may). */
        volatile boolean noDirAtEnd;

        @Override
        public BackendInfo backend() {
            return new BackendInfo("CPU", 2, "fake");
        }

        @Override
        public RunControl start(LmcPlan p, Path outDir, RunListener listener) {
            plan.set(p);
            starts.incrementAndGet();
            cancelled = false;
            CountDownLatch done = new CountDownLatch(1);
            Thread t = new Thread(() -> {
                long t0 = System.nanoTime();
                try {
                    List<RunEvent> events = LmcSyntheticData.analysis(List.of("dense"), new double[] {1.0}, p.ks(),
                            p.seedPairs(), p.alphas(), 5);
                    for (int i = 0; i < events.size(); i++) {
                        if (cancelled) {
                            listener.onEvent(new RunEvent.RunFinished(outDir, 0.1, true));
                            return;
                        }
                        listener.onEvent(new LmcEvent.LmcTraining("dense", 0, 0, "copy 1", i, events.size(), 0.1));
                        listener.onEvent(events.get(i));
                        if (i == 3) {
                            hold.await(20, TimeUnit.SECONDS);
                        }
                    }
                    listener.onEvent(new RunEvent.RunFinished(noDirAtEnd ? null : outDir, (System.nanoTime() - t0) / 1e9,
                            false));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "fake-lmc");
            t.setDaemon(true);
            t.start();
            return new RunControl() {
                @Override
                public void pause() {
                }

                @Override
                public void resume() {
                }

                @Override
                public void cancel() {
                    cancelled = true;
                    hold.countDown();
                }

                @Override
                public boolean isPaused() {
                    return false;
                }

                @Override
                public boolean isDone() {
                    return done.getCount() == 0;
                }

                @Override
                public boolean await(Duration timeout) throws InterruptedException {
                    return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
                }
            };
        }
    }

    @Start
    void start(Stage stage) {
        engine = new FakeEngine();
        pane = new LmcPane(() -> Presets.QUICK.spec(), () -> Path.of("runs"), () -> engine);
        Scene scene = new Scene(pane, 1400, 800);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
    }

    private static void waitFor(BooleanSupplier c, String what) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, c::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theFinishedMessageNamesTheDirectoryTheAnalysisWroteTo(FxRobot robot) {
        engine.noDirAtEnd = true;
        robot.clickOn("#lmc-run");
        waitFor(() -> engine.starts.get() == 1, "the engine to start");
        waitFor(() -> !fx(() -> pane.runningProperty().get()), "the end of the analysis");
        String status = fx(() -> pane.status().getText());
        assertTrue(status.endsWith("results in synthetic"), status);
        assertEquals(Path.of("synthetic"), fx(pane::lastRunDir));
    }

    @Test
    void aFollowedRunOffersItsDenseNetworkAndTicketRounds(FxRobot robot) throws Exception {
        java.util.SortedMap<Integer, Double> rounds = new java.util.TreeMap<>(java.util.Map.of(0, 1.0, 1, 0.6, 2, 0.36));
        Path run = java.nio.file.Files.createTempDirectory("quick-abc");
        robot.interact(() -> pane.followRun(run, rounds));
        List<LmcViewModel.Choice> offered = fx(pane::networkChoices);
        assertEquals(4, offered.size());
        assertEquals(new LmcViewModel.Choice("ticket round 2 (36.0% of weights) of " + run.getFileName(), run, 2), offered.get(3));
        assertEquals(run.toString(), fx(() -> pane.runField().getText()), "the latest ticket is chosen, no path typed");
        robot.interact(() -> pane.chooseNetwork(offered.get(1)));
        LmcPlan plan = fx(pane::plan);
        assertEquals(run, plan.sourceRun());
        assertEquals(0, plan.round(), "round 0: the run's dense network");
        robot.interact(() -> pane.chooseNetwork(offered.get(0)));
        assertEquals(null, fx(pane::plan).sourceRun(), "the experiment panel's dense network");
    }

    @Test
    void runFillsBothViewsLiveWhileTheFxThreadStaysFree(FxRobot robot) {
        engine.hold = new CountDownLatch(1);
        robot.interact(() -> {
            pane.kField().setText("0, 100");
        });
        robot.clickOn("#lmc-run");
        waitFor(() -> engine.starts.get() == 1, "the engine to start");
        waitFor(() -> fx(() -> pane.interpolationView().toCsv().split("\n").length > 1), "the first points");
        // the engine is now held mid-curve: the FX thread answers at once and shows the partial curve
        long t0 = System.nanoTime();
        assertTrue(fx(() -> pane.runningProperty().get()));
        assertTrue((System.nanoTime() - t0) / 1e6 < 2000, "FX thread responsive while the engine works");
        assertTrue(fx(() -> pane.runButton().isDisabled()), "Run is disabled while running");
        assertFalse(fx(() -> pane.stopButton().isDisabled()));
        engine.hold.countDown();
        waitFor(() -> !fx(() -> pane.runningProperty().get()), "the end of the analysis");
        LmcPlan plan = engine.plan.get();
        assertEquals(List.of(0, 100), plan.ks());
        assertEquals(30, plan.alphas());
        assertEquals(0.02, plan.threshold(), 0.0);
        // 2 curves of 30 points, test and train rows
        assertEquals(1 + 2 * 30 * 2, fx(() -> pane.interpolationView().toCsv().split("\n").length));
        assertEquals(3, fx(() -> pane.instabilityView().toCsv().split("\n").length), "header + 2 (network, k)");
        assertTrue(fx(() -> pane.status().getText()).startsWith("finished"), fx(() -> pane.status().getText()));
    }

    @Test
    void badSettingsAreReportedAndNothingStarts(FxRobot robot) {
        robot.interact(() -> pane.kField().setText("0,x"));
        robot.clickOn("#lmc-run");
        assertTrue(fx(() -> pane.status().getText()).contains("comma-separated"), fx(() -> pane.status().getText()));
        robot.interact(() -> pane.kField().setText("0,500"));
        robot.clickOn("#lmc-run");
        String s = fx(() -> pane.status().getText());
        assertTrue(s.contains("k = 500 is larger than the training length (iterations = 400)"), s);
        robot.interact(() -> {
            pane.kField().setText("0");
            pane.runField().setText("/no/such/run");
        });
        robot.clickOn("#lmc-run");
        assertTrue(fx(() -> pane.status().getText()).contains("is not a directory"));
        assertEquals(0, engine.starts.get());
        assertEquals(0.02, LmcPane.parseThreshold("2%"), 1e-15);
        assertEquals(0.005, LmcPane.parseThreshold("0.005"), 1e-15);
        assertEquals(0.03, LmcPane.parseThreshold("3"), 1e-15);
    }

    @Test
    void stopCancelsTheAnalysis(FxRobot robot) {
        engine.hold = new CountDownLatch(1);
        robot.clickOn("#lmc-run");
        waitFor(() -> engine.starts.get() == 1 && fx(() -> pane.runningProperty().get()), "the start");
        waitFor(() -> fx(() -> pane.interpolationView().toCsv().split("\n").length > 1), "the first points");
        robot.clickOn("#lmc-stop");
        waitFor(() -> !fx(() -> pane.runningProperty().get()), "the stop");
        assertTrue(engine.cancelled);
        assertTrue(fx(() -> pane.status().getText()).startsWith("stopped"), fx(() -> pane.status().getText()));
    }
}
