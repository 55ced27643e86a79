package org.lotterylab.app.ui;

import static org.lotterylab.app.ui.FxWait.onFx;

import static org.lotterylab.app.ui.FxWait.waitUntil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleErrorDataSet;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.store.Spread;
import org.lotterylab.visuals.chart.Charts;
import org.lotterylab.visuals.model.ErrorBars;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opening a replicate group and a sweep in the window (headless): error bars, the hover's replicates, grouping. */
@ExtendWith(ApplicationExtension.class)
class LabWindowGroupTest {

    @TempDir
    Path tmp;

    private LabWindow window;

    @Start
    void start(Stage stage) {
        ScriptedRunner runner = new ScriptedRunner(dir -> TestRuns.script(dir, 3, List.of(Branch.TICKET)), 2);
        LabOptions opts = LabOptions.parse(new String[]{"--out", tmp.resolve("runs").toString()});
        window = new LabWindow(stage, opts, () -> runner);
        window.show();
        stage.requestFocus();
    }

    private void open(FxRobot robot, Path what) throws Exception {
        robot.interact(() -> window.openRun(what));
        waitUntil("the group to open", 20, () -> window.views().group() != null && !window.hasPendingEvents()
                && window.runViewModel().activityProperty().get() == RunViewModel.Activity.IDLE);
        robot.sleep(400); // the charts redraw on the next pulses
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static DoubleErrorDataSet set(XYChart chart, String name) {
        return onFx(() -> (DoubleErrorDataSet) Charts.renderer(chart).getDatasets().stream()
                .filter(d -> d.getName().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no series " + name
                        + " in " + Charts.renderer(chart).getDatasets().stream().map(DataSet::getName).toList())));
    }

    private static int indexOfX(DataSet ds, double x) {
        for (int i = 0; i < ds.getDataCount(); i++) {
            if (Math.abs(ds.get(DataSet.DIM_X, i) - x) < 1e-6) {
                return i;
            }
        }
        throw new AssertionError("no point at x = " + x);
    }

    @Test
    void openingAGroupShowsMeansWithErrorBarsAndTheHoverListsTheReplicates(FxRobot robot) throws Exception {
        Path groupFile = GroupTestRuns.writeReplicates(tmp.resolve("runs"));
        open(robot, groupFile);
        XYChart acc = robot.lookup("#accuracy-chart").queryAs(XYChart.class);
        DoubleErrorDataSet ticket = set(acc, Branch.TICKET.label());
        double x1 = 100 * TestRuns.result(Branch.TICKET, 1, TestRuns.masks(1, Branch.TICKET)).weightsRemaining();
        int i = onFx(() -> indexOfX(ticket, x1));
        List<Double> values = List.of(5L, 6L, 7L).stream().map(s -> 100 * GroupTestRuns.accuracy(Branch.TICKET, 1, s)).toList();
        Spread s = Spread.of(values);
        assertEquals(s.mean(), onFx(() -> ticket.get(DataSet.DIM_Y, i)), 1e-9, "the mean over the 3 replicates");
        assertEquals(s.mean() - s.min(), onFx(() -> ticket.getErrorNegative(DataSet.DIM_Y, i)), 1e-9, "min-max by default");
        assertEquals(s.max() - s.mean(), onFx(() -> ticket.getErrorPositive(DataSet.DIM_Y, i)), 1e-9);
        assertTrue(onFx(() -> window.groupBar().isVisible()));

        // hover the point: every replicate's value and n
        Point2D p = onFx(() -> {
            var xAxis = (javafx.scene.Node) acc.getXAxis();
            var yAxis = (javafx.scene.Node) acc.getYAxis();
            return new Point2D(xAxis.localToScreen(acc.getXAxis().getDisplayPosition(x1), 0).getX(),
                    yAxis.localToScreen(0, acc.getYAxis().getDisplayPosition(s.mean())).getY());
        });
        String text = "";
        // a loaded machine can miss the first hover: move off and back, a few times at most
        for (int attempt = 0; attempt < 4 && text.isEmpty(); attempt++) {
            robot.moveTo(p.add(3, 0)).moveTo(p);
            robot.sleep(300 + 300L * attempt);
            text = onFx(() -> robot.lookup(".chart-datapoint-tooltip-label").queryAll().stream()
                    .filter(javafx.scene.Node::isVisible).map(n -> ((javafx.scene.control.Label) n).getText())
                    .filter(t -> t.contains("round 1")).findFirst().orElse(""));
        }
        String where = onFx(() -> "point " + p + ", stage " + window.stage().getX() + "," + window.stage().getY() + " "
                + window.stage().getWidth() + "x" + window.stage().getHeight() + ", chart " + acc.localToScreen(acc.getLayoutBounds())
                + ", labels " + robot.lookup(".chart-datapoint-tooltip-label").queryAll().stream()
                        .map(n -> n.isVisible() + ":" + ((javafx.scene.control.Label) n).getText()).toList());
        assertTrue(text.contains("(3 runs)") && text.contains("n = 3"), text + " / " + where);
        for (long seed = 5; seed <= 7; seed++) {
            String v = String.format(java.util.Locale.ROOT, "seed %d: %.2f%%", seed, 100 * GroupTestRuns.accuracy(Branch.TICKET, 1, seed));
            assertTrue(text.contains(v), v + " missing in: " + text);
        }

        // the toggle: one sample standard deviation
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<String> bars = (ComboBox<String>) robot.lookup("#error-bars").query();
            bars.setValue(ErrorBars.SD.label());
        });
        robot.sleep(300);
        assertEquals(s.std(), onFx(() -> ticket.getErrorNegative(DataSet.DIM_Y, i)), 1e-9);

        // the LMC view: instability vs weights remaining, mean over the replicates with error bars
        XYChart inst = robot.lookup("#lmc-instability-chart").queryAs(XYChart.class);
        DoubleErrorDataSet ti = set(inst, "ticket");
        assertEquals(3, (int) onFx(ti::getDataCount));
        int r2 = onFx(() -> indexOfX(ti, 100 * TestRuns.result(Branch.TICKET, 2, TestRuns.masks(2, Branch.TICKET)).weightsRemaining()));
        Spread is = Spread.of(List.of(5L, 6L, 7L).stream().map(seed -> 100 * GroupTestRuns.instability(2, seed, 0)).toList());
        assertEquals(is.mean(), onFx(() -> ti.get(DataSet.DIM_Y, r2)), 1e-9);
        assertEquals(is.std(), onFx(() -> ti.getErrorPositive(DataSet.DIM_Y, r2)), 1e-9, "the toggle applies to the LMC view too");
        assertTrue(onFx(() -> ti.getDataLabel(r2)).contains("seed 6:"), onFx(() -> ti.getDataLabel(r2)));
    }

    @Test
    void aSweepIsGroupedByTheChosenGridFieldsWithInstabilityVersusK(FxRobot robot) throws Exception {
        Path sweep = GroupTestRuns.writeSweep(tmp.resolve("sweep"));
        open(robot, sweep);
        XYChart acc = robot.lookup("#accuracy-chart").queryAs(XYChart.class);
        set(acc, "rewindIteration=0 · " + Branch.TICKET.label());
        DoubleErrorDataSet k5 = set(acc, "rewindIteration=5 · " + Branch.TICKET.label());
        assertTrue(onFx(() -> k5.getDataLabel(0)).contains("seed 1:") && onFx(() -> k5.getDataLabel(0)).contains("seed 2:"));
        XYChart kChart = robot.lookup("#lmc-k-chart").queryAs(XYChart.class);
        assertTrue(onFx(kChart::isVisible), "k is a grid axis: instability vs k");
        String r1Name = onFx(() -> Charts.renderer(kChart).getDatasets().stream().map(DataSet::getName)
                .filter(n -> n.startsWith("ticket r1 (")).findFirst().orElse("none"));
        DoubleErrorDataSet r1 = set(kChart, r1Name);
        assertEquals(List.of(0.0, 5.0), onFx(() -> List.of(r1.get(DataSet.DIM_X, 0), r1.get(DataSet.DIM_X, 1))));
        Spread at5 = Spread.of(List.of(100 * GroupTestRuns.instability(1, 1, 5), 100 * GroupTestRuns.instability(1, 2, 5)));
        assertEquals(at5.mean(), onFx(() -> r1.get(DataSet.DIM_Y, 1)), 1e-9);
        assertEquals(at5.max() - at5.mean(), onFx(() -> r1.getErrorPositive(DataSet.DIM_Y, 1)), 1e-9);

        // group by nothing: one curve over all four points
        robot.interact(() -> robot.lookup("#groupBy-rewindIteration").queryAs(CheckBox.class).setSelected(false));
        robot.sleep(300);
        DoubleErrorDataSet all = set(acc, Branch.TICKET.label());
        assertTrue(onFx(() -> all.getDataLabel(0)).contains("n = 4"), onFx(() -> all.getDataLabel(0)));
        assertEquals(1L, (long) onFx(() -> Charts.renderer(acc).getDatasets().stream()
                .filter(d -> d.getName().contains(Branch.TICKET.label())).count()));
    }

    @Test
    void runningReplicatesFillsTheCurvesAsEachReplicatesRoundLands(FxRobot robot) throws Exception {
        waitUntil("the engine", 60, () -> window.runViewModel().canRunProperty().get());
        robot.interact(() -> {
            @SuppressWarnings("unchecked") // the spinner of replicates holds integers
            javafx.scene.control.Spinner<Integer> spinner =
                    robot.lookup("#replicatesSpinner").queryAs(javafx.scene.control.Spinner.class);
            spinner.getValueFactory().setValue(3);
        });
        assertEquals(3, (int) onFx(() -> window.experimentViewModel().replicates()));
        robot.interact(window::run);
        waitUntil("a replicate's round in the group", 20, () -> window.views().group() != null
                && window.views().group().rounds() > 0);
        assertTrue(onFx(() -> window.runViewModel().activityProperty().get() == RunViewModel.Activity.RUNNING),
                "the curves fill while the replicates run");
        waitUntil("the replicates to end", 60, () -> window.runViewModel().activityProperty().get() == RunViewModel.Activity.IDLE
                && !window.hasPendingEvents());
        robot.sleep(400);
        assertEquals(RunViewModel.Outcome.FINISHED, onFx(() -> window.runViewModel().lastOutcomeProperty().get()));
        assertEquals(9, (int) onFx(() -> window.views().group().rounds()), "3 rounds of each of 3 replicates");
        XYChart acc = robot.lookup("#accuracy-chart").queryAs(XYChart.class);
        DoubleErrorDataSet ticket = set(acc, Branch.TICKET.label());
        assertEquals(3, (int) onFx(ticket::getDataCount));
        String label = onFx(() -> ticket.getDataLabel(0));
        assertTrue(label.contains("n = 3") && label.contains("seed 1:") && label.contains("seed 3:"), label);
        java.nio.file.Path out = tmp.resolve("runs");
        var group = org.lotterylab.api.store.ReplicateGroup.of(onFx(() -> window.experimentViewModel().spec()), 3);
        assertTrue(java.nio.file.Files.isRegularFile(out.resolve(group.fileName())), "the group file beside the replicates");
    }
}
