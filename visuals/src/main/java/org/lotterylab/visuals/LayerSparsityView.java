package org.lotterylab.visuals;

import java.util.List;
import javafx.scene.layout.BorderPane;
import org.lotterylab.api.mask.LayerSummary;

/** Bars of weights remaining per layer (stub; being filled in). */
public class LayerSparsityView extends BorderPane {
    /** Shows the layers. */
    public void show(List<LayerSummary> layers) {
    }

    /** Clears the view. */
    public void clear() {
    }
}
