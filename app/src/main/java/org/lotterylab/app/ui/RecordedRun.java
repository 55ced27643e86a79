package org.lotterylab.app.ui;

import java.nio.file.Path;
import java.util.List;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.run.BackendInfo;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.ExperimentSpec;

/**
 * Everything the window shows of a stored run, read once from its directory: the window's own snapshot
 * of a run store, so that opening and replaying share one path ({@link StoredRunEvents}).
 *
 * @param dir      the run directory
 * @param spec     the run's spec
 * @param backend  what it ran on (as recorded, or a placeholder)
 * @param layers   the prunable layers
 * @param theta0   their initial weights (may be empty when the file is missing)
 * @param rounds   the finished rounds, in the order they were committed
 * @param complete whether every round of every branch is there
 * @param seconds  wall-clock seconds of the finished rounds together
 * @param warnings problems found while reading (a truncated run, a missing file), for the status bar
 */
public record RecordedRun(Path dir, ExperimentSpec spec, BackendInfo backend, List<LayerInfo> layers,
                          List<Tensor> theta0, List<Round> rounds, boolean complete, double seconds,
                          List<String> warnings) {

    /** Copies the lists. */
    public RecordedRun {
        layers = List.copyOf(layers);
        theta0 = List.copyOf(theta0);
        rounds = List.copyOf(rounds);
        warnings = List.copyOf(warnings);
    }

    /**
     * One finished round of one branch.
     *
     * @param result  its summary row
     * @param masks   its masks (empty when the file is missing)
     * @param weights its trained weights (may be empty)
     * @param metrics its evaluation points (may be empty)
     */
    public record Round(RoundResult result, List<Mask> masks, List<Tensor> weights, List<MetricPoint> metrics) {
        /** Copies the lists. */
        public Round {
            masks = List.copyOf(masks);
            weights = List.copyOf(weights);
            metrics = List.copyOf(metrics);
        }
    }
}
