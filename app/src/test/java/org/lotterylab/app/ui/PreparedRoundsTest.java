package org.lotterylab.app.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lotterylab.app.ui.FxWait.onFx;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.Presets;
import org.lotterylab.visuals.model.Bits;
import org.testfx.api.FxToolkit;

/**
 * A finished round's masks are packed by the thread that sends the event, not by the JavaFX thread, and the
 * heatmap stores what was packed there.
 */
class PreparedRoundsTest {

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void theSendersThreadPacksEachRoundAndTheViewsStoreIt() throws Exception {
        LabViews views = onFx(LabViews::new);
        List<String> preparedOn = new CopyOnWriteArrayList<>();
        RunViewModel vm = onFx(() -> new RunViewModel(new ExperimentViewModel(
                Presets.QUICK, java.util.Map.of(), p -> true)));
        onFx(() -> {
            vm.setSink(views);
            return null;
        });
        LiveUpdatePump pump = new LiveUpdatePump(vm::apply);
        pump.setPreparer(e -> {
            if (e instanceof RunEvent.RoundFinished) {
                preparedOn.add(Thread.currentThread().getName() + (javafx.application.Platform.isFxApplicationThread()
                        ? " (JavaFX)" : ""));
            }
            views.prepare(e);
        });
        List<RunEvent> script = TestRuns.script(Path.of("run"), 3, List.of(Branch.TICKET));
        Thread engine = new Thread(() -> script.forEach(pump::onEvent), "lth-engine-test");
        engine.start();
        engine.join();
        assertEquals(List.of("lth-engine-test", "lth-engine-test", "lth-engine-test"), preparedOn);
        assertTrue(views.preparedRounds() > 0, "packed ahead, waiting for the JavaFX thread");
        FxWait.waitUntil("the rounds to reach the views", 20, () -> !pump.hasPending() && views.preparedRounds() == 0);
        RunEvent.RoundFinished last = (RunEvent.RoundFinished) script.stream()
                .filter(e -> e instanceof RunEvent.RoundFinished).reduce((a, b) -> b).orElseThrow();
        Mask first = last.masks().get(0);
        boolean[] stored = onFx(() -> views.heatmap().storedMask(Branch.TICKET, last.result().round(), 0).orElseThrow().keep());
        assertArrayEquals(first.keep(), stored, "the heatmap holds the round's mask");
        assertFalse(Bits.count(Bits.pack(stored)) == first.size(), "a pruned round, not the dense one");
    }
}
