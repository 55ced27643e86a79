package org.lotterylab.app.ui.strong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.run.BackendInfo;
import org.lotterylab.api.run.EdgePopupEvent;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.run.RunListener;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.RunLayout;
import org.lotterylab.api.store.RunStoreWriter;
import org.lotterylab.app.ui.BackgroundTasks;
import org.lotterylab.app.ui.EventRoute;

/**
 * The strong-ticket tab's state without a window: the synchronous executor reads the IMP run on disk at once,
 * a synchronous engine sends a two-point sweep from inside start.
 */
class StrongTicketViewModelTest {
    static final ExperimentSpec SPEC = StrongTicketPaneTest.SPEC;

    @TempDir
    Path out;

    /** What the views were told. */
    static final class Recorder implements StrongTicketViewModel.Sink {
        final List<String> calls = new ArrayList<>();

        @Override
        public void edgePopupMasks(List<Mask> masks, String label) {
            calls.add("point " + masks.size() + " " + label);
        }

        @Override
        public void impMasks(List<Mask> masks, String label) {
            calls.add("imp " + masks.size() + " " + label);
        }

        @Override
        public void sweep(List<Integer> rounds, List<Double> keeps) {
            calls.add("sweep " + rounds + " " + keeps);
        }

        @Override
        public void flips(EdgePopupEvent.MaskFlips flips) {
            calls.add("flips");
        }

        @Override
        public void clearFlips() {
            calls.add("clear flips");
        }
    }

    /** A two-point sweep, sent on the test's thread by {@link #send()}. */
    static final class SyncEngine implements StrongTicketEngine {
        List<Double> keeps;
        Runnable sweep;

        void send() {
            sweep.run();
        }

        @Override
        public RunControl start(ExperimentSpec spec, List<Double> k, Path outDir, RunListener l) {
            keeps = k;
            sweep = () -> sendSweep(spec, outDir, l);
            return new RunControl() {
                public void pause() { }

                public void resume() { }

                public void cancel() { }

                public boolean isPaused() {
                    return false;
                }

                public boolean isDone() {
                    return true;
                }

                public boolean await(Duration d) {
                    return true;
                }
            };
        }

        private static void sendSweep(ExperimentSpec spec, Path outDir, RunListener l) {
            Path dir = RunLayout.runDir(outDir, spec);
            l.onEvent(new RunEvent.RunStarted(dir, spec, new BackendInfo("CPU", 2, ""), StrongTicketPaneTest.LAYERS,
                    StrongTicketPaneTest.weights(), List.of()));
            l.onEvent(new EdgePopupEvent.Sweep(List.of(0, 1), List.of(0.5, 0.25)));
            for (int r = 0; r < 2; r++) {
                double keep = r == 0 ? 0.5 : 0.25;
                l.onEvent(new EdgePopupEvent.MaskFlips(r, 10, 0.1, 3, 3, 16));
                l.onEvent(new RunEvent.RoundFinished(new RoundResult(Branch.EDGE_POPUP, r, keep, 0.85 - r * 0.1, 40,
                        0.85 - r * 0.1, 2.0, List.of()), StrongTicketPaneTest.masks(keep, 1), StrongTicketPaneTest.weights()));
            }
            l.onEvent(new RunEvent.RunFinished(dir, 3.0, false));
        }
    }

    private final Recorder views = new Recorder();
    private final SyncEngine engine = new SyncEngine();
    private StrongTicketViewModel vm;

    @BeforeEach
    void impRunOnDisk() throws Exception {
        RunStoreWriter w = RunStoreWriter.open(RunLayout.runDir(out, SPEC));
        w.writeSpec(SPEC);
        w.writeLayers(StrongTicketPaneTest.LAYERS);
        w.writeTheta0(StrongTicketPaneTest.weights());
        w.writeRound(StrongTicketPaneTest.result(Branch.TICKET, 0, 1.0), StrongTicketPaneTest.masks(1.0, 0),
                StrongTicketPaneTest.weights(), List.of());
        w.writeRound(StrongTicketPaneTest.result(Branch.TICKET, 1, 0.3), StrongTicketPaneTest.masks(0.3, 0),
                StrongTicketPaneTest.weights(), List.of());
        vm = new StrongTicketViewModel(() -> SPEC, out, engine, BackgroundTasks.immediate(), EventRoute::direct, views);
        vm.refreshFromDisk();
    }

    @Test
    void theStoredTicketRoundsAreOfferedBeforeAnySweep() {
        assertEquals(RunLayout.runDir(out, SPEC), vm.runDirectory());
        assertEquals(List.of(0, 1), vm.impChoices());
        assertNull(vm.pointProperty().get(), "no edge-popup point yet");
        assertEquals("round 1 (30.0% remaining)", vm.impLabel(1));
    }

    @Test
    void aSweepListsItsPointsAndComparesTheLastWithTheNearestTicket() {
        vm.keepTextProperty().set("0.5, 0.25");
        vm.run();
        assertEquals(List.of(0.5, 0.25), engine.keeps);
        assertTrue(vm.runningProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("starting edge-popup (2 points)"), vm.statusProperty().get());
        engine.send();
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("finished in 3 s: 2 points in "), vm.statusProperty().get());
        assertEquals(List.of(0, 1), vm.pointRounds(), "most weights remaining first");
        assertEquals(2, vm.resultLines().size());
        assertTrue(vm.resultLines().get(1).startsWith("25% kept (round 1): 75.00% test"), vm.resultLines().get(1));
        assertEquals(1, vm.pointProperty().get(), "the last finished point is shown");
        assertEquals(1, vm.impRoundProperty().get(), "30% remaining is nearest to 25% kept");
        assertTrue(views.calls.contains("point 2 25% kept (round 1)"), views.calls.toString());
        assertTrue(views.calls.contains("imp 2 ticket round 1, trained 90.0%"), views.calls.toString());
        assertTrue(views.calls.contains("sweep [0, 1] [0.5, 0.25]"), views.calls.toString());
        assertEquals(2, views.calls.stream().filter("flips"::equals).count());
    }

    @Test
    void aRoundTheUserPickedIsKept() {
        vm.impRoundProperty().set(0);
        vm.impPickedByUser();
        vm.run();
        engine.send();
        assertEquals(0, vm.impRoundProperty().get());
        assertTrue(views.calls.contains("imp 2 ticket round 0, trained 90.0%"), views.calls.toString());
    }

    @Test
    void badKeepValuesAndABusyWindowKeepRunFromStarting() {
        vm.keepTextProperty().set("0.5, 1.5");
        assertFalse(vm.keepsValidProperty().get());
        assertTrue(vm.statusProperty().get().contains("(0, 1]"), vm.statusProperty().get());
        assertTrue(vm.keepHelpProperty().get().contains("(0, 1]"), "the field's tooltip says why");
        vm.run();
        assertNull(engine.keeps);
        vm.keepTextProperty().set("0.5");
        assertTrue(vm.keepsValidProperty().get());
        assertEquals(StrongTicketViewModel.KEEP_HELP, vm.keepHelpProperty().get());
        vm.blockedProperty().set(true);
        assertTrue(vm.statusProperty().get().contains("IMP run is in progress"), vm.statusProperty().get());
        vm.run();
        assertNull(engine.keeps);
    }
}
