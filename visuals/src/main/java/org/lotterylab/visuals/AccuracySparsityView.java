package org.lotterylab.visuals;

import java.util.List;
import javafx.scene.layout.BorderPane;
import org.lotterylab.api.run.RoundResult;

/** Test accuracy and early-stop iteration versus weights remaining (stub; being filled in). */
public class AccuracySparsityView extends BorderPane {
    /** Adds one round result. */
    public void addResult(RoundResult r) {
    }

    /** Replaces all results. */
    public void setResults(List<RoundResult> all) {
    }

    /** Sets the dense baseline accuracy (fraction in [0, 1]). */
    public void setDenseBaseline(double accuracy) {
    }

    /** Clears the view. */
    public void clear() {
    }

    /** The data behind the plots as CSV. */
    public String toCsv() {
        return "";
    }
}
