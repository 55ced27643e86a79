package org.lotterylab.app.ui.lmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.run.BackendInfo;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.LmcExperimentRunner;
import org.lotterylab.api.run.LmcPlan;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.run.RunListener;
import org.lotterylab.api.spec.Presets;
import org.lotterylab.app.ui.BackgroundTasks;
import org.lotterylab.app.ui.EventRoute;
import org.lotterylab.visuals.lmc.LmcSyntheticData;

/** The LMC tab's state without a window: the synchronous executor and a direct event route. */
class LmcViewModelTest {

    /** What the views were told. */
    static final class Recorder implements LmcViewModel.Sink {
        final List<String> calls = new ArrayList<>();

        @Override
        public void clear() {
            calls.add("clear");
        }

        @Override
        public void threshold(double threshold) {
            calls.add("threshold " + threshold);
        }

        @Override
        public void point(LmcEvent.LmcPoint point) {
            calls.add("point");
        }

        @Override
        public void curveDone(LmcEvent.LmcCurveDone done) {
            calls.add("curve k=" + done.k());
        }
    }

    /** Emits a whole synthetic analysis from inside start, as fast as an engine could. */
    static final class SyncEngine implements LmcExperimentRunner {
        LmcPlan plan;
        final AtomicInteger starts = new AtomicInteger();

        @Override
        public BackendInfo backend() {
            return new BackendInfo("CPU", 1, "fake");
        }

        @Override
        public RunControl start(LmcPlan p, Path outDir, RunListener listener) {
            plan = p;
            starts.incrementAndGet();
            for (RunEvent e : LmcSyntheticData.analysis(List.of("dense"), new double[] {1.0}, p.ks(), p.seedPairs(),
                    p.alphas(), 5)) {
                listener.onEvent(e);
            }
            listener.onEvent(new RunEvent.RunFinished(Path.of("runs", "quick-lmc"), 1.25, false));
            return new Done();
        }
    }

    static final class Done implements RunControl {
        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public void cancel() {
        }

        @Override
        public boolean isPaused() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public boolean await(Duration timeout) {
            return true;
        }
    }

    private final Recorder views = new Recorder();

    private LmcViewModel vm(java.util.function.Supplier<LmcExperimentRunner> engine) {
        return new LmcViewModel(() -> Presets.QUICK.spec(), () -> Path.of("runs"), engine, BackgroundTasks.immediate(),
                EventRoute::direct, views);
    }

    private static LmcViewModel.Settings settings(String ks, String threshold, String run) {
        return new LmcViewModel.Settings(ks, 30, 1, threshold, run, 1);
    }

    @Test
    void aRunLoadsTheEngineStartsThePlanAndDrawsItsCurves() {
        SyncEngine engine = new SyncEngine();
        LmcViewModel vm = vm(() -> engine);
        vm.run(settings("0, 100", "3%", ""));
        assertEquals(List.of(0, 100), engine.plan.ks());
        assertEquals(0.03, engine.plan.threshold(), 0.0);
        assertEquals(30, engine.plan.alphas());
        assertEquals(Presets.QUICK.spec(), engine.plan.spec());
        assertEquals("clear", views.calls.get(0));
        assertEquals(2 * 30, views.calls.stream().filter("point"::equals).count(), "two curves of 30 points");
        assertTrue(views.calls.containsAll(List.of("curve k=0", "curve k=100")), views.calls.toString());
        assertFalse(vm.runningProperty().get());
        assertEquals("finished after 1.3 s; results in " + Path.of("runs", "quick-lmc"), vm.statusProperty().get());
        assertFalse(vm.statusErrorProperty().get());
        assertEquals(1.0, vm.progressProperty().get(), 0.0);
        vm.run(settings("0", "2%", ""));
        assertEquals(2, engine.starts.get());
    }

    @Test
    void badSettingsAreReportedAndNothingStarts(@TempDir Path dir) {
        SyncEngine engine = new SyncEngine();
        LmcViewModel vm = vm(() -> engine);
        vm.run(settings("0,x", "2%", ""));
        assertTrue(vm.statusProperty().get().contains("comma-separated iterations"), vm.statusProperty().get());
        assertTrue(vm.statusErrorProperty().get());
        vm.run(settings("0", "200%", ""));
        assertTrue(vm.statusProperty().get().startsWith("stable below"), vm.statusProperty().get());
        vm.run(settings("0", "2%", dir.resolve("missing").toString()));
        assertTrue(vm.statusProperty().get().endsWith("is not a directory"), vm.statusProperty().get());
        assertEquals(0, engine.starts.get());
        assertTrue(views.calls.isEmpty(), "the views keep what they show");
        assertEquals(dir, vm.plan(settings("0", "2%", dir.toString())).sourceRun(), "a run directory names a ticket");
    }

    @Test
    void anEngineThatCannotLoadIsReportedAndTriedAgainAtTheNextRun() {
        AtomicInteger loads = new AtomicInteger();
        SyncEngine engine = new SyncEngine();
        LmcViewModel vm = vm(() -> {
            if (loads.incrementAndGet() == 1) {
                throw new IllegalStateException("no native BLAS");
            }
            return engine;
        });
        vm.run(settings("0", "2%", ""));
        assertEquals("the engine could not start: no native BLAS", vm.statusProperty().get());
        assertTrue(vm.statusErrorProperty().get());
        assertFalse(vm.runningProperty().get());
        vm.run(settings("0", "2%", ""));
        assertEquals(2, loads.get());
        assertEquals(1, engine.starts.get());
        assertTrue(vm.statusProperty().get().startsWith("finished"), vm.statusProperty().get());
    }

    @Test
    void aFollowedRunOffersItsNetworksAndKeepsTheUsersChoice() throws Exception {
        LmcViewModel vm = vm(SyncEngine::new);
        Path run = Files.createTempDirectory("quick-abc");
        vm.followRun(run, new TreeMap<>(Map.of(0, 1.0, 1, 0.6)));
        assertEquals(3, vm.networkChoices().size());
        assertEquals(1, vm.networkProperty().get().round(), "the newest ticket is chosen");
        vm.networkProperty().set(vm.networkChoices().get(1));
        vm.followRun(run, new TreeMap<>(Map.of(0, 1.0, 1, 0.6, 2, 0.36)));
        assertEquals(0, vm.networkProperty().get().round(), "the user's choice stays");
        assertNull(vm.networkChoices().get(0).run(), "first: the experiment panel's dense network");
    }
}
