package org.lotterylab.engine.edgepopup;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.engine.data.ImageDataset;
import org.lotterylab.engine.model.ParamLayout;
import org.lotterylab.engine.train.EvalSet;
import org.lotterylab.engine.train.RunGate;
import org.lotterylab.engine.train.StepBackend;
import org.lotterylab.engine.train.Trainer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One edge-popup sweep point (Ramanujan et al. 2020) on an ordinary DL4J {@link MultiLayerNetwork}: the weights
 * stay frozen at w0, every prunable weight has a score s, and each step the network computes with w0 masked to
 * the top-k |s| of each layer. There is no training loop here: the point runs on the one loop,
 * {@link Trainer}, with {@link EdgePopupBackend} as its step (the score-to-mask step in place of an optimiser
 * step under a fixed mask); this class adds the mask-flip counts at every evaluation point (a loop callback)
 * and collects the scores, the mask and the timings.
 *
 * <p>Not thread-safe; one trainer call per thread.
 */
public final class EdgePopupTrainer {

    private final ParamLayout layout;
    private final ImageDataset train;
    private final Trainer loop;

    /** A trainer for networks with {@code layout} over the given data. */
    public EdgePopupTrainer(ParamLayout layout, ImageDataset train, EvalSet validation, EvalSet test) {
        if (layout.size() == 0) {
            throw new IllegalArgumentException("edge-popup needs a model with prunable layers (weights to choose "
                    + "edges from); this model has none");
        }
        this.layout = layout;
        this.train = train;
        this.loop = new Trainer(train, validation, test);
    }

    /**
     * Settings of one sweep point.
     *
     * @param keep          fraction of edges KEPT in every prunable layer, in (0, 1]
     * @param batchSize     mini-batch size
     * @param iterations    score updates
     * @param evalInterval  evaluate and count mask flips every N updates (and at 0 and at the end)
     * @param orderSeed     seed of the data order
     * @param scoreSeed     seed of the score init
     * @param progressEvery report progress every N updates
     * @param options       optimiser and score init
     */
    public record Config(double keep, int batchSize, int iterations, int evalInterval, long orderSeed,
                         long scoreSeed, int progressEvery, EdgePopupOptions options) {
        /** Checks the values. */
        public Config {
            if (!(keep > 0 && keep <= 1)) {
                throw new IllegalArgumentException("the fraction of edges kept must be in (0, 1] (got " + keep + ")");
            }
            if (batchSize < 1 || iterations < 1 || evalInterval < 1 || progressEvery < 1) {
                throw new IllegalArgumentException("batchSize, iterations, evalInterval and progressEvery must be >= 1");
            }
        }
    }

    /**
     * Mask changes between two reports.
     *
     * @param iteration score updates so far
     * @param epoch     passes over the training set so far
     * @param entered   edges in the mask now but not at the previous report
     * @param left      edges in the mask at the previous report but not now
     * @param kept      edges in the mask
     */
    public record FlipPoint(int iteration, double epoch, int entered, int left, long kept) {
    }

    /**
     * What a sweep point produced.
     *
     * @param mask                  final mask per prunable layer (numpy layout)
     * @param scores                final scores per prunable layer
     * @param metrics               evaluation points
     * @param flips                 mask changes per evaluation interval
     * @param earlyStopIteration    iteration of minimum validation loss
     * @param earlyStopTestAccuracy test accuracy there
     * @param finalTestAccuracy     test accuracy at the end
     * @param examplesPerSecond     training throughput over the whole run (evaluations excluded)
     * @param scoreMillisPerStep    mean wall time per step spent outside DL4J's forward and backward pass: reading
     *                              the gradient, the score update, the selections, the mask and writing w_eff
     * @param scoreCpuMillisPerStep the same as CPU time of the training thread (robust to a busy machine), or
     *                              NaN where the JVM cannot measure thread CPU time
     */
    public record Outcome(boolean[][] mask, float[][] scores, List<MetricPoint> metrics, List<FlipPoint> flips,
                          int earlyStopIteration, double earlyStopTestAccuracy, double finalTestAccuracy,
                          double examplesPerSecond, double scoreMillisPerStep, double scoreCpuMillisPerStep) {
    }

    /** Receives progress on the training thread. */
    public interface Callback {
        /** Called every {@code progressEvery} updates with the latest mini-batch loss. */
        default void progress(int iteration, double loss, double examplesPerSecond) {
        }

        /** Called at each evaluation point. */
        default void evaluation(MetricPoint point) {
        }

        /** Called at each evaluation point after the first, with the mask changes since the previous one. */
        default void flips(FlipPoint point) {
        }

        /**
         * Called after every update once the new masked weights are in the network (only when
         * {@link #wantsSteps()}); {@code params} is live: read it, do not keep it.
         */
        default void afterStep(int iteration, INDArray params) {
        }

        /** Whether {@link #afterStep} should be called. */
        default boolean wantsSteps() {
            return false;
        }
    }

    /** The number of edges each prunable layer keeps at {@code keep} ({@link TopK#keptCount}). */
    public int[] keptCounts(double keep) {
        return ScoreState.keptCounts(layout, keep);
    }

    /**
     * Trains the scores of {@code net} (built for this trainer's layout; its updater is never used) over the
     * frozen flat parameters {@code w0}.
     *
     * @param where a phrase for error messages, e.g. "keep 0.5"
     */
    public Outcome train(MultiLayerNetwork net, float[] w0, Config cfg, RunGate gate, Callback cb, String where) {
        EdgePopupBackend backend = new EdgePopupBackend(net, layout, cfg.keep(), cfg.iterations(), cfg.scoreSeed(),
                cfg.options());
        List<FlipPoint> flips = new ArrayList<>();
        Trainer.Config loopCfg = new Trainer.Config(cfg.batchSize(), cfg.iterations(), cfg.evalInterval(), -1,
                cfg.orderSeed(), cfg.progressEvery());
        Trainer.Outcome out = loop.train(backend, w0, null, loopCfg, gate, new Trainer.Callback() {
            @Override
            public void progress(int iteration, double loss, double examplesPerSecond) {
                cb.progress(iteration, loss, examplesPerSecond);
            }

            @Override
            public void evaluation(MetricPoint point) {
                cb.evaluation(point);
            }

            @Override
            public void evaluatedAt(int iteration, StepBackend n) {
                if (iteration > 0) {
                    FlipPoint fp = backend.state().flipsSinceReport(iteration,
                            iteration * (double) cfg.batchSize() / train.count());
                    flips.add(fp);
                    cb.flips(fp);
                }
            }

            @Override
            public void afterStep(int iteration, StepBackend n) {
                cb.afterStep(iteration, backend.liveParams());
            }

            @Override
            public boolean wantsSteps() {
                return cb.wantsSteps();
            }
        }, where);
        ScoreState st = backend.state();
        return new Outcome(st.masks(), st.scoresPerLayer(), out.metrics(), flips, out.earlyStopIteration(),
                out.earlyStopTestAccuracy(), out.finalTestAccuracy(), out.examplesPerSecond(),
                backend.scoreMillisPerStep(), backend.scoreCpuMillisPerStep());
    }
}
