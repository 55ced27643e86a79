package org.lotterylab.app.cli;

import java.util.Locale;
import org.lotterylab.api.spec.ModelKind;
import org.lotterylab.engine.model.GraphModels;
import org.lotterylab.engine.model.InputShape;
import org.lotterylab.engine.model.ModelFactory;
import org.lotterylab.engine.model.Net;
import org.lotterylab.engine.model.ParamLayout;

/** One line of {@code lth info} per model: its input, prunable weights, batch norm and default pruning. */
final class ModelLine {

    private ModelLine() {
    }

    static String describe(ModelKind m) {
        InputShape in = m.convolutional() ? new InputShape(3, 32, 32, 10) : new InputShape(1, 28, 28, 10);
        try (Net n = ModelFactory.create(m, in, org.lotterylab.api.spec.OptimizerKind.SGD, 0.1, 0)) {
            ParamLayout l = n.layout();
            String pruning = m.fieldDefaults().getOrDefault("pruning", "layerwise");
            return String.format(Locale.ROOT, "%,d prunable weights in %d layers on %dx%dx%d inputs%s; %s pruning by "
                            + "default%s", l.prunableWeights(), l.size(), in.height(), in.width(), in.channels(),
                    l.hasBatchNorm() ? ", " + l.batchNorms().size() + " batch norms (never pruned)" : "", pruning,
                    GraphModels.builds(m) ? " (open_lth's cifar_" + m.id().replace("-", "_") + ")" : "");
        } catch (RuntimeException e) {
            return "(" + e.getMessage() + ")";
        }
    }
}
