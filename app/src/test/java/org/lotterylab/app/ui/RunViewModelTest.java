package org.lotterylab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.Presets;

class RunViewModelTest {

    /** Records what the views would be told. */
    static final class Recorder implements RunViewSink {
        final List<String> calls = new ArrayList<>();
        int lossBatches;
        int losses;

        @Override
        public void runStarted(RunEvent.RunStarted e) {
            calls.add("start " + e.layers().size());
        }

        @Override
        public void roundStarted(RunEvent.RoundStarted e) {
            calls.add("round " + e.branch().id() + " " + e.round());
        }

        @Override
        public void losses(List<RunEvent.IterationProgress> samples) {
            lossBatches++;
            losses += samples.size();
        }

        @Override
        public void evaluation(RunEvent.Evaluation e) {
            calls.add("eval " + e.point().iteration());
        }

        @Override
        public void roundFinished(RunEvent.RoundFinished e) {
            calls.add("done " + e.result().branch().id() + " " + e.result().round());
        }
    }

    /** A control that records calls. */
    static final class FakeControl implements RunControl {
        final List<String> calls = new ArrayList<>();

        @Override
        public void pause() {
            calls.add("pause");
        }

        @Override
        public void resume() {
            calls.add("resume");
        }

        @Override
        public void cancel() {
            calls.add("cancel");
        }

        @Override
        public boolean isPaused() {
            return false;
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean await(Duration timeout) {
            return false;
        }
    }

    private final AtomicLong clock = new AtomicLong();
    private final ExperimentViewModel experiment = new ExperimentViewModel(Presets.QUICK, Map.of(), p -> false);
    private final RunViewModel vm = new RunViewModel(experiment, clock::get);
    private final Recorder views = new Recorder();

    RunViewModelTest() {
        vm.setSink(views);
    }

    @Test
    void runIsDisabledUntilTheEngineHasLoadedAndWhileAFieldIsInvalid() {
        assertFalse(vm.canRunProperty().get());
        assertEquals("Run is enabled once the engine has loaded", vm.runBlockedReasonProperty().get());
        vm.engineLoaded(TestRuns.BACKEND);
        assertTrue(vm.canRunProperty().get());
        assertEquals("FAKE, 1 thread (scripted)", vm.backendTextProperty().get());
        experiment.field("iterations").setValue("0");
        assertFalse(vm.canRunProperty().get());
        assertTrue(vm.runBlockedReasonProperty().get().startsWith("Cannot run: iterations:"), vm.runBlockedReasonProperty().get());
        experiment.field("iterations").setValue("400");
        assertTrue(vm.canRunProperty().get());
        assertEquals("", vm.runBlockedReasonProperty().get());
    }

    @Test
    void engineFailureIsShownAsAnError() {
        vm.engineFailed("no native library");
        assertFalse(vm.canRunProperty().get());
        assertTrue(vm.errorMessageProperty().get().contains("no native library"));
    }

    @Test
    void eventsDriveProgressViewsAndTheEnd() {
        vm.engineLoaded(TestRuns.BACKEND);
        FakeControl control = new FakeControl();
        ExperimentSpec spec = TestRuns.spec(2);
        vm.started(RunViewModel.Activity.RUNNING, control, spec);
        assertFalse(vm.canRunProperty().get());
        List<RunViewModel.Outcome> ends = new ArrayList<>();
        vm.addEndListener(ends::add);

        List<RunEvent> script = TestRuns.script(Path.of("/tmp/runs/quick-x"), 3, spec.branches());
        int firstRoundEnd = 0;
        while (!(script.get(firstRoundEnd) instanceof RunEvent.RoundFinished)) {
            firstRoundEnd++;
        }
        // the first round up to its last progress sample, in one frame
        clock.set(0);
        vm.apply(script.subList(0, firstRoundEnd - 1));
        assertEquals(List.of("start 2", "round ticket 0", "eval 10"), views.calls.subList(0, 3));
        assertTrue(vm.progressTextProperty().get().startsWith("Round 0/2 · ticket · iteration 20/20"),
                vm.progressTextProperty().get());
        clock.set(5_000_000_000L);
        vm.apply(script.subList(firstRoundEnd - 1, firstRoundEnd + 1));
        assertTrue(vm.progressProperty().get() > 0 && vm.progressProperty().get() < 1);
        assertEquals(0, vm.maxRoundProperty().get());

        vm.pause();
        assertTrue(vm.pausedProperty().get());
        vm.togglePause();
        assertFalse(vm.pausedProperty().get());
        assertEquals(List.of("pause", "resume"), control.calls);

        clock.set(8_000_000_000L);
        vm.apply(script.subList(firstRoundEnd + 1, script.size() - 3));
        assertTrue(vm.progressTextProperty().get().contains("left"), vm.progressTextProperty().get());
        vm.apply(script.subList(script.size() - 3, script.size()));
        assertEquals(2, vm.maxRoundProperty().get());
        assertEquals(5, vm.results().size());
        assertEquals(List.of(RunViewModel.Outcome.FINISHED), ends);
        assertEquals(1.0, vm.progressProperty().get());
        assertEquals(RunViewModel.Activity.IDLE, vm.activityProperty().get());
        assertTrue(vm.canRunProperty().get());
        assertEquals(5 * 4, views.losses);
        assertTrue(views.calls.contains("done random-reinit 2"));
        assertTrue(vm.statusMessageProperty().get().startsWith("Run finished"), vm.statusMessageProperty().get());
    }

    @Test
    void aFailedRunKeepsItsRoundsAndShowsTheReason() {
        vm.engineLoaded(TestRuns.BACKEND);
        vm.started(RunViewModel.Activity.RUNNING, new FakeControl(), TestRuns.spec(2));
        List<RunEvent> script = new ArrayList<>(TestRuns.script(Path.of("/tmp/r"), 1, List.of(Branch.TICKET)));
        script.remove(script.size() - 1);
        script.add(new RunEvent.RunFailed("NaN loss in round 1", "java.lang.ArithmeticException"));
        List<RunViewModel.Outcome> ends = new ArrayList<>();
        vm.addEndListener(ends::add);
        vm.apply(script);
        assertEquals(List.of(RunViewModel.Outcome.FAILED), ends);
        assertTrue(vm.errorMessageProperty().get().startsWith("NaN loss in round 1"));
        assertTrue(vm.errorMessageProperty().get().contains("1 finished round is kept"));
        assertEquals("java.lang.ArithmeticException", vm.errorDetailProperty().get());
        assertEquals(1, vm.results().size());
        assertTrue(vm.canRunProperty().get());
    }

    @Test
    void stopCancelsAndResumesAPausedRun() {
        vm.engineLoaded(TestRuns.BACKEND);
        FakeControl control = new FakeControl();
        vm.started(RunViewModel.Activity.RUNNING, control, TestRuns.spec(2));
        vm.pause();
        vm.stop();
        assertEquals(List.of("pause", "cancel", "resume"), control.calls);
    }

    @Test
    void durationsReadWell() {
        assertEquals("45 s", RunViewModel.duration(44.6));
        assertEquals("3 min 5 s", RunViewModel.duration(185));
        assertEquals("2 h 4 min", RunViewModel.duration(2 * 3600 + 4 * 60 + 10));
    }
}
