package org.lotterylab.visuals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.dataset.DataSet;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.visuals.chart.Charts;
import org.lotterylab.visuals.chart.FrameCoalescer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class TrainingCurveViewTest {
    private TrainingCurveView view;

    @Start
    void start(Stage stage) {
        view = new TrainingCurveView();
        Scene scene = new Scene(view, 900, 700);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
        stage.requestFocus();
    }

    private List<DataSet> lossSets() {
        return Fx.call(() -> List.copyOf(Charts.renderer(view.lossChart()).getDatasets()));
    }

    private List<DataSet> accSets() {
        return Fx.call(() -> List.copyOf(Charts.renderer(view.accuracyChart()).getDatasets()));
    }

    @Test
    void aPlannedRoundLengthHoldsTheIterationAxesStillUntilDataGoesBeyondIt(FxRobot robot) {
        Fx.run(() -> {
            view.setIterationRange(400);
            view.startRound(Branch.TICKET, 0);
            view.addLoss(Branch.TICKET, 0, 10, 2.0);
            view.addPoint(Branch.TICKET, 0, new MetricPoint(50, 1.0, 0.9, 0.91, 0.90));
            view.flush();
        });
        robot.sleep(200);
        for (XYChartAxes a : axes()) {
            assertEquals(0.0, a.min, 1e-9, a.name);
            assertEquals(440.0, a.max, 1e-9, a.name + ": the whole round from the first point on, 10% margin");
        }
        Fx.run(() -> {
            view.addLoss(Branch.TICKET, 0, 800, 0.5); // a longer round than planned (a replay of another spec)
            view.flush();
        });
        robot.sleep(200);
        assertTrue(axes().get(0).max >= 800, "the loss axis follows the data again: " + axes().get(0).max);
        assertTrue(axes().get(1).max < 400, "and so does the accuracy axis (its last point at 50): " + axes().get(1).max);
        Fx.run(() -> {
            view.clear();
            view.setIterationRange(400);
            view.clear();
            view.addLoss(Branch.TICKET, 0, 100, 1.0);
            view.addLoss(Branch.TICKET, 0, 200, 0.9);
            view.flush();
        });
        robot.sleep(200);
        assertTrue(axes().get(0).max < 400, "cleared: ranged by the data: " + axes().get(0).max);
    }

    @Test
    void aNewPointRedrawsTheLossChartInOnePulseAndTheAccuracyChartInTheNext() {
        // one chart's redraw per pulse: under software rendering two in one pulse made the window's longest frames
        List<Integer> sets = Fx.call(() -> {
            FrameCoalescer.flushAll();
            view.clear();
            view.startRound(Branch.TICKET, 0);
            view.addLoss(Branch.TICKET, 0, 10, 2.0);
            view.addPoint(Branch.TICKET, 0, new MetricPoint(50, 1.0, 0.9, 0.91, 0.90));
            FrameCoalescer.runPulse();
            int loss = Charts.renderer(view.lossChart()).getDatasets().size();
            int acc = Charts.renderer(view.accuracyChart()).getDatasets().size();
            FrameCoalescer.runPulse();
            return List.of(loss, acc, Charts.renderer(view.accuracyChart()).getDatasets().size());
        });
        assertEquals(List.of(2, 0, 2), sets, "pulse 1: training and validation loss; pulse 2: test and validation"
                + " accuracy");
    }

    @Test
    void aNewIterationRangeReachesEachAxisWithItsChartsRedrawNotAtOnce() {
        // a run's start sets the range in the pulse of its batch; the axes change in the pulses after it
        List<Boolean> auto = Fx.call(() -> {
            view.clear();
            FrameCoalescer.flushAll();
            view.setIterationRange(300);
            List<Boolean> a = new java.util.ArrayList<>(List.of(view.lossChart().getXAxis().isAutoRanging(),
                    view.accuracyChart().getXAxis().isAutoRanging()));
            FrameCoalescer.runPulse();
            a.add(view.lossChart().getXAxis().isAutoRanging());
            a.add(view.accuracyChart().getXAxis().isAutoRanging());
            FrameCoalescer.runPulse();
            a.add(view.accuracyChart().getXAxis().isAutoRanging());
            return a;
        });
        assertEquals(List.of(true, true, false, true, false), auto);
    }

    @Test
    void aLossSampleRedrawsOnlyTheLossChart() {
        int queued = Fx.call(() -> {
            view.startRound(Branch.TICKET, 3);
            FrameCoalescer.flushAll();
            view.addLoss(Branch.TICKET, 3, 10, 2.0);
            return FrameCoalescer.queued();
        });
        assertEquals(1, queued);
    }

    private record XYChartAxes(String name, double min, double max) {
    }

    private List<XYChartAxes> axes() {
        return Fx.call(() -> List.of(view.lossChart(), view.accuracyChart()).stream()
                .map(c -> new XYChartAxes(c.getId(), c.getXAxis().getMin(), c.getXAxis().getMax())).toList());
    }

    @Test
    void bufferedLossReachesTheChartOncePerFrame(FxRobot robot) {
        Fx.run(() -> {
            view.startRound(Branch.TICKET, 0);
            assertEquals(0, Charts.renderer(view.lossChart()).getDatasets().size(), "nothing attached before data");
            for (int i = 1; i <= 500; i++) {
                view.addLoss(Branch.TICKET, 0, i * 10, 2.0 / i);
            }
            view.addLoss(Branch.TICKET, 0, 5010, Double.NaN);
            assertEquals(0, Charts.renderer(view.lossChart()).getDatasets().size(), "no work before the frame");
        });
        robot.sleep(200);
        List<DataSet> loss = lossSets();
        assertEquals(1, loss.size());
        assertEquals(500, loss.get(0).getDataCount());
        Fx.run(() -> {
            view.addPoint(Branch.TICKET, 0, new MetricPoint(100, 1.0, 0.9, 0.91, 0.90));
            view.addPoint(Branch.TICKET, 0, new MetricPoint(200, 0.8, 0.7, 0.95, 0.94));
            view.flush();
        });
        assertEquals(2, lossSets().size(), "training and validation loss");
        List<DataSet> acc = accSets();
        assertEquals(2, acc.size(), "test and validation accuracy");
        DataSet test = acc.stream().filter(d -> d.getName().startsWith("test")).findFirst().orElseThrow();
        assertEquals(94.0, test.get(DataSet.DIM_Y, 1), 1e-9);
    }

    @Test
    void earlierRoundsFadeAndAreBounded(FxRobot robot) {
        Fx.run(() -> {
            for (int r = 0; r < 12; r++) {
                view.startRound(Branch.TICKET, r);
                view.addLoss(Branch.TICKET, r, 10, 1.0);
                view.addPoint(Branch.TICKET, r, new MetricPoint(100, 1, 1, 0.9, 0.9));
                view.flush();
            }
        });
        assertEquals(TrainingCurveView.MAX_FADED, view.fadedCount());
        // current round: train + val loss; faded: train loss only
        assertEquals(2 + TrainingCurveView.MAX_FADED, lossSets().size());
        assertEquals(2 + TrainingCurveView.MAX_FADED, accSets().size());
        DataSet oldest = lossSets().get(0);
        assertTrue(oldest.getStyle().contains("rgba("), oldest.getStyle());
        assertTrue(oldest.getStyle().contains("-fx-show-in-legend: false"), oldest.getStyle());
    }

    @Test
    void pointsForAnEarlierHeldRoundGoToThatRound(FxRobot robot) {
        Fx.run(() -> {
            view.startRound(Branch.TICKET, 1);
            view.startRound(Branch.RANDOM_REINIT, 1);
            view.addLoss(Branch.TICKET, 1, 10, 0.5);
            view.addLoss(Branch.RANDOM_REINIT, 1, 10, 0.7);
            view.flush();
        });
        assertEquals(1, view.fadedCount());
        String csv = view.toCsv();
        assertTrue(csv.startsWith("branch,round,series,iteration,value\n"), csv);
        assertTrue(csv.contains("ticket,1,train_loss,10,0.5\n"), csv);
        assertTrue(csv.contains("random-reinit,1,train_loss,10,0.7\n"), csv);
        Fx.run(view::clear);
        assertEquals(0, lossSets().size());
        assertEquals("branch,round,series,iteration,value\n", view.toCsv());
    }
}
