package org.lotterylab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lotterylab.app.ui.FxWait.onFx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.visuals.chart.FrameCoalescer;
import org.lotterylab.visuals.chart.PulseBudget;
import org.testfx.api.FxToolkit;

/**
 * The window's schedulers share one unit of work per pulse: a pulse that a view's redraw took applies no batch of
 * engine events and no deferred side-view work, and a pulse the batch took redraws no view.
 */
class PulseBudgetSharingTest {
    // stamps far from any real pulse's System.nanoTime() value
    private static final long PULSE = 1_000_000_000_000_000_001L;

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aPulseIsClaimedOnce() {
        assertTrue(PulseBudget.tryClaim(PULSE - 100));
        assertFalse(PulseBudget.tryClaim(PULSE - 100), "the same pulse again");
        assertTrue(PulseBudget.tryClaim(PULSE - 99), "the next pulse");
    }

    @Test
    void aPulseTakenByARedrawAppliesNoBatchAndTheNextPulseDoes() throws Exception {
        List<Integer> applied = new ArrayList<>();
        LiveUpdatePump pump = onFx(() -> new LiveUpdatePump(batch -> applied.add(batch.size())));
        List<RunEvent> script = TestRuns.script(Path.of("run"), 1, List.of(Branch.TICKET));
        List<Integer> seen = onFx(() -> {
            script.forEach(pump::onEvent);
            List<Integer> sizes = new ArrayList<>();
            PulseBudget.tryClaim(PULSE); // a view's redraw took this pulse
            pump.pulse(PULSE);
            sizes.add(applied.size());
            pump.pulse(PULSE + 1);
            sizes.add(applied.size());
            pump.discardPending();
            return sizes;
        });
        assertEquals(List.of(0, 1), seen, "no batch in the taken pulse, one in the next");
    }

    @Test
    void aPulseTakenByTheBatchRedrawsNoViewAndTheNextPulseDoes() throws Exception {
        List<String> ran = new ArrayList<>();
        List<Integer> seen = onFx(() -> {
            FrameCoalescer.flushAll();
            new FrameCoalescer(() -> ran.add("redraw")).request();
            List<Integer> sizes = new ArrayList<>();
            PulseBudget.tryClaim(PULSE + 10); // the pump applied a batch in this pulse
            FrameCoalescer.pulse(PULSE + 10);
            sizes.add(ran.size());
            FrameCoalescer.pulse(PULSE + 11);
            sizes.add(ran.size());
            return sizes;
        });
        assertEquals(List.of(0, 1), seen, "no redraw in the taken pulse, one in the next");
    }
}
