package org.lotterylab.app.ui;

import static org.lotterylab.app.ui.FxWait.onFx;

import static org.lotterylab.app.ui.FxWait.waitUntil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.DataSet;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.store.EdgePopupStore;
import org.lotterylab.api.store.RunLayout;
import org.lotterylab.api.store.RunStoreWriter;
import org.lotterylab.api.store.SupermaskRow;
import org.lotterylab.visuals.chart.Charts;
import org.lotterylab.visuals.chart.FrameCoalescer;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Strong tickets and supermasks stored in the run directory shown appear as their own point series on the IMP
 * dashboard's accuracy-vs-weights-remaining plot, after Open run… and Replay…; a run without them has none.
 */
@ExtendWith(ApplicationExtension.class)
class LabWindowStoredPointsTest {
    private static final String EDGE_POPUP = Branch.EDGE_POPUP.label();
    private static final String SUPERMASK = LabViews.supermaskSeries(Branch.TICKET);

    @TempDir
    Path tmp;

    private LabWindow window;

    @Start
    void start(Stage stage) {
        ScriptedRunner runner = new ScriptedRunner(dir -> TestRuns.script(dir, 2, List.of(Branch.TICKET)), 1);
        LabOptions opts = LabOptions.parse(new String[]{"--out", tmp.resolve("runs").toString()});
        window = new LabWindow(stage, opts, () -> runner);
        window.show();
        stage.requestFocus();
    }

    @Test
    void aRunWithoutStrongTicketsOrSupermasksHasNoPointSeries() throws Exception {
        Path dir = TestRuns.writeStoredRun(tmp.resolve("plain"), 3, 5);
        open(dir);
        List<String> names = accuracySeries().stream().map(DataSet::getName).toList();
        assertEquals(2, names.size(), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.equals(EDGE_POPUP) || n.startsWith("Supermask")), names.toString());
    }

    @Test
    void anEdgePopupResultAndASupermaskAreTheirOwnPointsAfterOpenAndReplay() throws Exception {
        Path dir = TestRuns.writeStoredRun(tmp.resolve("strong"), 3, 5);
        // an edge-popup point (the strong-ticket tab writes it as a round of the edge-popup branch) ...
        List<Mask> masks = TestRuns.masks(1, Branch.EDGE_POPUP);
        RunStoreWriter.open(dir).writeRound(TestRuns.result(Branch.EDGE_POPUP, 0, masks), masks, TestRuns.weights(masks),
                TestRuns.metrics(Branch.EDGE_POPUP, 0));
        double epRemaining = 100 * TestRuns.result(Branch.EDGE_POPUP, 0, masks).weightsRemaining();
        // ... and the supermasks of two ticket rounds (lth edge-popup --supermask)
        new EdgePopupStore(new RunLayout(dir)).writeSupermasks(Branch.TICKET,
                List.of(new SupermaskRow(1, 0.6, 0.41, 0.52, 0.88), new SupermaskRow(2, 0.36, 0.33, 0.47, 0.87)));

        open(dir);
        checkPoints(epRemaining);

        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> window.replaySpeed().setValue(0.5));
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> window.replayRun(dir));
        waitUntil("the replay to end", 60, () -> window.runViewModel().activityProperty().get() == RunViewModel.Activity.IDLE
                && !window.hasPendingEvents() && window.runViewModel().lastOutcomeProperty().get() != null);
        checkPoints(epRemaining);
    }

    private void checkPoints(double epRemaining) {
        List<DataSet> sets = accuracySeries();
        DataSet ep = sets.stream().filter(d -> d.getName().equals(EDGE_POPUP)).findFirst().orElseThrow(
                () -> new AssertionError("no edge-popup series in " + sets.stream().map(DataSet::getName).toList()));
        assertEquals(1, ep.getDataCount());
        assertEquals(epRemaining, ep.get(DataSet.DIM_X, 0), 1e-9);
        DataSet sm = sets.stream().filter(d -> d.getName().equals(SUPERMASK)).findFirst().orElseThrow(
                () -> new AssertionError("no supermask series in " + sets.stream().map(DataSet::getName).toList()));
        assertEquals(2, sm.getDataCount());
        assertEquals(36.0, sm.get(DataSet.DIM_X, 1), 1e-9, "x: weights remaining of the supermask (%)");
        assertEquals(33.0, sm.get(DataSet.DIM_Y, 1), 1e-9, "y: its test accuracy (%)");
        assertTrue(sm.getDataLabel(0).contains("no training"), sm.getDataLabel(0));
    }

    private void open(Path dir) throws Exception {
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> window.openRun(dir));
        waitUntil("the run to be shown", 30, () -> window.runViewModel().activityProperty().get() == RunViewModel.Activity.IDLE
                && !window.hasPendingEvents() && window.runViewModel().lastOutcomeProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<DataSet> accuracySeries() {
        return onFx(() -> {
            FrameCoalescer.flushAll();
            XYChart chart = (XYChart) window.views().accuracy().lookup("#accuracy-chart");
            return List.copyOf(Charts.renderer(chart).getDatasets());
        });
    }

}
