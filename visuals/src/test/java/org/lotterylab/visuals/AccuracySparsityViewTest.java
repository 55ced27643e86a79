package org.lotterylab.visuals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleErrorDataSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.visuals.chart.Charts;
import org.lotterylab.visuals.chart.FrameCoalescer;
import org.lotterylab.visuals.chart.PercentLogAxis;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class AccuracySparsityViewTest {
    private AccuracySparsityView view;

    @Start
    void start(Stage stage) {
        view = new AccuracySparsityView();
        Scene scene = new Scene(view, 1000, 800);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
    }

    private static RoundResult r(Branch b, int round, double acc, int it) {
        return new RoundResult(b, round, Math.pow(0.8, round), acc - 0.002, it, acc, 1, List.of());
    }

    private static List<RoundResult> twoBranchesTwoSeeds() {
        List<RoundResult> all = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            all.add(r(Branch.TICKET, round, 0.980 + round * 0.001, 9000 - round * 1000));
            all.add(r(Branch.TICKET, round, 0.982 + round * 0.001, 9400 - round * 1000));
            all.add(r(Branch.RANDOM_REINIT, round, 0.979 - round * 0.002, 9000 + round * 500));
            all.add(r(Branch.RANDOM_REINIT, round, 0.977 - round * 0.002, 9200 + round * 500));
        }
        return all;
    }

    @Test
    void onePointSeriesPerBranchWithErrorBars(FxRobot robot) {
        Fx.run(() -> {
            twoBranchesTwoSeeds().forEach(view::addResult);
            view.flush();
        });
        List<DataSet> acc = Fx.call(() -> List.copyOf(Charts.renderer(view.accuracyChart()).getDatasets()));
        List<DataSet> it = Fx.call(() -> List.copyOf(Charts.renderer(view.iterationChart()).getDatasets()));
        assertEquals(2, acc.size());
        assertEquals(2, it.size());
        assertEquals(Branch.TICKET.label(), acc.get(0).getName());
        assertEquals(Branch.RANDOM_REINIT.label(), acc.get(1).getName());
        DoubleErrorDataSet ticket = view.accuracySet(Branch.TICKET);
        assertEquals(3, ticket.getDataCount());
        // ascending x: the sparsest round first; the dense round last at 100%
        assertEquals(64.0, ticket.get(DataSet.DIM_X, 0), 1e-9);
        assertEquals(100.0, ticket.get(DataSet.DIM_X, 2), 1e-9);
        assertEquals(98.1, ticket.get(DataSet.DIM_Y, 2), 1e-9);
        assertEquals(0.1, ticket.getErrorNegative(DataSet.DIM_Y, 2), 1e-9);
        assertEquals(0.1, ticket.getErrorPositive(DataSet.DIM_Y, 2), 1e-9);
        assertTrue(ticket.getDataLabel(2).contains("round 0 (2 runs)"), ticket.getDataLabel(2));
        assertTrue(ticket.getDataLabel(2).contains("test accuracy at early stop 98.10%"), ticket.getDataLabel(2));
        assertEquals(9200, view.iterationSet(Branch.TICKET).get(DataSet.DIM_Y, 2), 1e-9);
        assertTrue(ticket.getStyle().contains(BranchColors.hex(Branch.TICKET)));
    }

    @Test
    void aNewResultRedrawsTheAccuracyChartInOnePulseAndTheIterationChartInTheNext() {
        List<Integer> sets = Fx.call(() -> {
            FrameCoalescer.flushAll();
            twoBranchesTwoSeeds().forEach(view::addResult);
            FrameCoalescer.runPulse();
            int acc = Charts.renderer(view.accuracyChart()).getDatasets().size();
            int iter = Charts.renderer(view.iterationChart()).getDatasets().size();
            FrameCoalescer.runPulse();
            return List.of(acc, iter, Charts.renderer(view.iterationChart()).getDatasets().size());
        });
        assertEquals(List.of(2, 0, 2), sets);
    }

    @Test
    void aBranchThatIsGoneLeavesBothChartsWhenTheyRedrawOneAfterTheOther() {
        List<Integer> sets = Fx.call(() -> {
            view.setResults(twoBranchesTwoSeeds());
            view.flush();
            view.setResults(twoBranchesTwoSeeds().stream().filter(r -> r.branch() == Branch.TICKET).toList());
            FrameCoalescer.flushAll();
            return List.of(Charts.renderer(view.accuracyChart()).getDatasets().size(),
                    Charts.renderer(view.iterationChart()).getDatasets().size());
        });
        assertEquals(List.of(1, 1), sets);
    }

    @Test
    void xAxisIsAnInvertedLogAxisOfWeightsRemaining(FxRobot robot) {
        Fx.run(() -> {
            view.setResults(twoBranchesTwoSeeds());
            view.flush();
        });
        DefaultNumericAxis x = (DefaultNumericAxis) view.accuracyChart().getXAxis();
        assertTrue(x instanceof PercentLogAxis);
        assertTrue(x.isLogAxis());
        assertTrue(x.isInvertedAxis(), "100% on the left");
        assertEquals("weights remaining (%)", x.getName());
        double left = Fx.call(() -> x.getDisplayPosition(100));
        double right = Fx.call(() -> x.getDisplayPosition(64));
        assertTrue(left < right, "100% left of 64%: " + left + " vs " + right);
        assertEquals("100%", x.getTickMarkLabel(100));
        assertEquals("test accuracy (%)", view.accuracyChart().getYAxis().getName());
    }

    @Test
    void hoveringAPointShowsItsNumbers(FxRobot robot) {
        Fx.run(() -> {
            view.setResults(twoBranchesTwoSeeds());
            view.flush();
        });
        robot.sleep(500);
        Point2D p = Fx.call(() -> {
            var chart = view.accuracyChart();
            var xAxis = (javafx.scene.Node) chart.getXAxis();
            var yAxis = (javafx.scene.Node) chart.getYAxis();
            double sx = xAxis.localToScreen(chart.getXAxis().getDisplayPosition(80.0), 0).getX();
            double sy = yAxis.localToScreen(0, chart.getYAxis().getDisplayPosition(98.2)).getY();
            return new Point2D(sx, sy);
        });
        robot.moveTo(p.add(3, 0)).moveTo(p);
        robot.sleep(200);
        String text = Fx.call(() -> robot.lookup(".chart-datapoint-tooltip-label").queryAll().stream()
                .filter(javafx.scene.Node::isVisible).map(n -> ((javafx.scene.control.Label) n).getText())
                .findFirst().orElse(""));
        assertTrue(text.contains("round 1 (2 runs)") && text.contains("weights remaining 80%")
                && text.contains("98.20%"), text);
    }

    @Test
    void denseBaselineDefaultsToTicketRoundZero(FxRobot robot) {
        Fx.run(() -> {
            view.setResults(twoBranchesTwoSeeds());
            view.flush();
        });
        assertTrue(view.baselineShown());
        assertEquals(98.1, view.baselineValue(), 1e-9);
        Fx.run(() -> {
            view.setDenseBaseline(0.975);
            view.flush();
        });
        assertEquals(97.5, view.baselineValue(), 1e-9);
        Fx.run(() -> {
            view.clear();
            view.flush();
        });
        assertFalse(view.baselineShown());
    }

    @Test
    void emptyViewAttachesNoDataSetAndPointsAppearAsAdded(FxRobot robot) {
        assertEquals(0, (int) Fx.call(() -> Charts.renderer(view.accuracyChart()).getDatasets().size()));
        Fx.run(() -> {
            view.addResult(r(Branch.TICKET, 0, 0.98, 9000));
            view.flush();
        });
        assertEquals(1, (int) Fx.call(() -> Charts.renderer(view.accuracyChart()).getDatasets().size()));
        assertNull(view.accuracySet(Branch.RANDOM_REINIT));
        Fx.run(() -> view.addResult(r(Branch.TICKET, 1, 0.981, 8000)));
        robot.sleep(200); // the frame coalescer redraws on the next pulse
        assertEquals(2, view.accuracySet(Branch.TICKET).getDataCount());
    }

    @Test
    void exportsPngAndCsv(FxRobot robot, @TempDir Path dir) throws Exception {
        Fx.run(() -> {
            view.setResults(twoBranchesTwoSeeds());
            view.flush();
        });
        robot.sleep(300);
        Path png = dir.resolve("acc.png");
        Fx.call(() -> {
            Exports.savePng(view, png);
            return null;
        });
        assertTrue(Files.size(png) > 1000);
        var img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(1000, img.getWidth());
        Path csv = dir.resolve("acc.csv");
        Exports.saveText(csv, view.toCsv());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(7, lines.size());
        assertTrue(lines.get(1).startsWith("ticket,0,2,100,98.1,98,98.2,"), lines.get(1));
    }

    @Test
    void errorBarToggleSwitchesBetweenRangeAndStandardDeviation(FxRobot robot) {
        Fx.run(() -> {
            view.addResult(r(Branch.TICKET, 1, 0.80, 100), "", "seed 1");
            view.addResult(r(Branch.TICKET, 1, 0.80, 100), "", "seed 2");
            view.addResult(r(Branch.TICKET, 1, 0.86, 100), "", "seed 3");
            view.flush();
        });
        DoubleErrorDataSet t = view.accuracySet(Branch.TICKET);
        assertEquals(82.0, t.get(DataSet.DIM_Y, 0), 1e-9);
        assertEquals(2.0, t.getErrorNegative(DataSet.DIM_Y, 0), 1e-9);
        assertEquals(4.0, t.getErrorPositive(DataSet.DIM_Y, 0), 1e-9);
        // the toolbar's toggle, as the user picks it
        Fx.run(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<String> bars = (javafx.scene.control.ComboBox<String>) view.lookup("#error-bars");
            bars.setValue(org.lotterylab.visuals.model.ErrorBars.SD.label());
            view.flush();
        });
        assertEquals(org.lotterylab.visuals.model.ErrorBars.SD, view.errorBarsProperty().get());
        assertEquals(Math.sqrt(12), t.getErrorNegative(DataSet.DIM_Y, 0), 1e-9);
        assertEquals(Math.sqrt(12), t.getErrorPositive(DataSet.DIM_Y, 0), 1e-9);
        String label = t.getDataLabel(0);
        assertTrue(label.contains("n = 3") && label.contains("seed 1: 80.00%") && label.contains("seed 3: 86.00%"), label);
    }

    @Test
    void groupedResultsGiveOneCurvePerGroupAndBranchAndForeignDataSetsStay(FxRobot robot) {
        DoubleErrorDataSet foreign = new DoubleErrorDataSet("supermask", 4);
        foreign.add(50, 80, 0, 0);
        Fx.run(() -> {
            Charts.renderer(view.accuracyChart()).getDatasets().add(foreign);
            view.addResult(r(Branch.TICKET, 0, 0.98, 100), "rewindIteration=0", "seed 1");
            view.addResult(r(Branch.TICKET, 0, 0.97, 100), "rewindIteration=50", "seed 1");
            view.addResult(r(Branch.RANDOM_REINIT, 1, 0.95, 100), "rewindIteration=50", "seed 1");
            view.flush();
        });
        List<String> names = Fx.call(() -> Charts.renderer(view.accuracyChart()).getDatasets().stream()
                .map(DataSet::getName).toList());
        assertEquals(List.of("supermask", "rewindIteration=0 · " + Branch.TICKET.label(),
                "rewindIteration=50 · " + Branch.TICKET.label(), "rewindIteration=50 · " + Branch.RANDOM_REINIT.label()), names);
        assertTrue(view.accuracySet("rewindIteration=50", Branch.TICKET).getDataLabel(0).startsWith("rewindIteration=50 · "));
        assertTrue(!view.accuracySet("rewindIteration=0", Branch.TICKET).getStyle()
                .equals(view.accuracySet("rewindIteration=50", Branch.TICKET).getStyle()), "groups differ in colour");
        Fx.run(() -> {
            view.clear();
            view.flush();
        });
        assertEquals(List.of(foreign), Fx.call(() -> List.copyOf(Charts.renderer(view.accuracyChart()).getDatasets())));
    }
}
