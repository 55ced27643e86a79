package org.lotterylab.app.ui.strong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.mask.LayerSummary;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.run.BackendInfo;
import org.lotterylab.api.run.EdgePopupEvent;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.LayerKind;
import org.lotterylab.api.store.RunLayout;
import org.lotterylab.api.store.RunStoreWriter;
import org.lotterylab.visuals.Theme;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The strong-ticket tab with a scripted engine: validation, live events, and the comparison with IMP on disk. */
@ExtendWith(ApplicationExtension.class)
class StrongTicketPaneTest {

    @TempDir
    static Path out;

    static final List<LayerInfo> LAYERS = List.of(new LayerInfo("fc1", LayerKind.HIDDEN, new int[] {4, 6}),
            new LayerInfo("output", LayerKind.OUTPUT, new int[] {2, 4}));
    static final ExperimentSpec SPEC = ExperimentSpec.defaults().with("name", "strong-pane");

    private StrongTicketPane pane;
    private final ScriptedEngine engine = new ScriptedEngine();

    @Start
    void start(Stage stage) throws Exception {
        writeImpRun();
        pane = new StrongTicketPane(() -> SPEC, out, engine);
        Scene scene = new Scene(pane, 1200, 800);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
    }

    /** An IMP run of the same spec on disk: dense round 0 and a pruned round 1 of the ticket branch. */
    static void writeImpRun() throws Exception {
        RunStoreWriter w = RunStoreWriter.open(RunLayout.runDir(out, SPEC));
        w.writeSpec(SPEC);
        w.writeLayers(LAYERS);
        w.writeTheta0(weights());
        w.writeRound(result(Branch.TICKET, 0, 1.0), masks(1.0, 0), weights(), List.of());
        w.writeRound(result(Branch.TICKET, 1, 0.5), masks(0.5, 0), weights(), List.of());
    }

    static RoundResult result(Branch b, int round, double remaining) {
        return new RoundResult(b, round, remaining, 0.9, 10, 0.9, 1.0, List.of());
    }

    static List<Mask> masks(double density, int shift) {
        List<Mask> m = new ArrayList<>();
        for (LayerInfo l : LAYERS) {
            boolean[] k = new boolean[l.size()];
            int keep = (int) Math.round(density * l.size());
            for (int i = 0; i < keep; i++) {
                k[(i + shift) % l.size()] = true;
            }
            m.add(new Mask(l.name(), l.shape(), k));
        }
        return m;
    }

    static List<Tensor> weights() {
        List<Tensor> t = new ArrayList<>();
        for (LayerInfo l : LAYERS) {
            t.add(new Tensor(l.name(), l.shape(), new float[l.size()]));
        }
        return t;
    }

    /** Emits a two-point sweep from its own thread once released. */
    static final class ScriptedEngine implements StrongTicketEngine {
        final CountDownLatch release = new CountDownLatch(1);
        volatile List<Double> keeps;
        volatile boolean cancelled;

        @Override
        public RunControl start(ExperimentSpec spec, List<Double> k, Path outDir, org.lotterylab.api.run.RunListener l) {
            keeps = k;
            CountDownLatch done = new CountDownLatch(1);
            Thread t = new Thread(() -> {
                try {
                    release.await(20, TimeUnit.SECONDS);
                    Path dir = RunLayout.runDir(outDir, spec);
                    l.onEvent(new RunEvent.RunStarted(dir, spec, new BackendInfo("CPU", 2, ""), LAYERS, weights(), List.of()));
                    l.onEvent(new EdgePopupEvent.Sweep(List.of(0, 1), List.of(0.5, 0.25)));
                    for (int r = 0; r < 2; r++) {
                        double keep = r == 0 ? 0.5 : 0.25;
                        l.onEvent(new RunEvent.RoundStarted(Branch.EDGE_POPUP, r, keep));
                        for (int it = 10; it <= 40; it += 10) {
                            l.onEvent(new RunEvent.IterationProgress(Branch.EDGE_POPUP, r, it, 40, 1.0 / it, 1000));
                            l.onEvent(new RunEvent.Evaluation(Branch.EDGE_POPUP, r, new MetricPoint(it, 1, 1, 0.8, 0.8)));
                            l.onEvent(new EdgePopupEvent.MaskFlips(r, it, it / 100.0, 5 - it / 10, 5 - it / 10, 16));
                        }
                        List<LayerSummary> ls = List.of();
                        l.onEvent(new RunEvent.RoundFinished(new RoundResult(Branch.EDGE_POPUP, r, keep, 0.85 - r * 0.1,
                                40, 0.85 - r * 0.1, 2.0, ls), masks(keep, 1), weights()));
                    }
                    l.onEvent(new RunEvent.BranchFinished(Branch.EDGE_POPUP));
                    l.onEvent(new RunEvent.RunFinished(dir, 3.0, cancelled));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            t.setDaemon(true);
            t.start();
            return new RunControl() {
                public void pause() { }

                public void resume() { }

                public void cancel() {
                    cancelled = true;
                    release.countDown();
                }

                public boolean isPaused() {
                    return false;
                }

                public boolean isDone() {
                    return done.getCount() == 0;
                }

                public boolean await(Duration d) throws InterruptedException {
                    return done.await(d.toMillis(), TimeUnit.MILLISECONDS);
                }
            };
        }
    }

    static <T> T fx(Callable<T> c) {
        try {
            T v = WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            return v;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void waitFor(BooleanSupplier condition, String what) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(condition::getAsBoolean));
        assertTrue(fx(condition::getAsBoolean), what);
    }

    @Test
    void badKeepValuesDisableRunWithAClearMessage() {
        fx(() -> {
            pane.setKeepText("0.5, 1.5");
            return null;
        });
        assertTrue(fx(pane::runDisabled));
        assertTrue(fx(pane::statusText).contains("(0, 1]"), fx(pane::statusText));
        fx(() -> {
            pane.setKeepText("0.5,0.25");
            return null;
        });
        assertFalse(fx(pane::runDisabled));
        fx(() -> {
            pane.blockedProperty().set(true);
            return null;
        });
        assertTrue(fx(pane::runDisabled), "blocked while an IMP run writes");
        assertTrue(fx(pane::statusText).contains("IMP run is in progress"), fx(pane::statusText));
    }

    @Test
    void aSweepFillsTheViewsAndIsComparedWithTheStoredTicket() throws Exception {
        fx(() -> {
            pane.setKeepText("0.5,0.25");
            pane.run();
            return null;
        });
        assertTrue(fx(() -> pane.runningProperty().get()));
        assertTrue(fx(pane::runDisabled), "Run is disabled while running");
        assertEquals(List.of(0.5, 0.25), engine.keeps);
        engine.release.countDown();
        waitFor(() -> !pane.runningProperty().get(), "the run ends");
        assertTrue(fx(pane::statusText).startsWith("finished"), fx(pane::statusText));
        List<String> lines = fx(pane::resultLines);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("50% kept (round 0): 85.00% test"), lines.get(0));
        assertEquals(List.of(0, 1), fx(() -> pane.flipView().series().rounds()));
        // the last finished point (25% kept) is compared with the ticket round nearest in weights remaining
        waitFor(() -> pane.comparisonView().overlap() != null, "IMP masks loaded from disk");
        assertNotNull(pane.comparisonView().overlap());
        assertEquals(2, pane.comparisonView().layerIous().size());
        assertEquals(0.0, fx(pane::progressValue));
    }
}
