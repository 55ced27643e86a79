package org.lotterylab.visuals;

import javafx.scene.layout.BorderPane;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.api.spec.Branch;

/** Live loss and accuracy curves of the current round (stub; being filled in). */
public class TrainingCurveView extends BorderPane {
    /** Starts a new round's curves. */
    public void startRound(Branch branch, int round) {
    }

    /** Adds an evaluation point. */
    public void addPoint(Branch branch, int round, MetricPoint p) {
    }

    /** Adds a training-loss sample. */
    public void addLoss(Branch branch, int round, int iteration, double loss) {
    }

    /** Clears the view. */
    public void clear() {
    }

    /** The data behind the plots as CSV. */
    public String toCsv() {
        return "";
    }
}
