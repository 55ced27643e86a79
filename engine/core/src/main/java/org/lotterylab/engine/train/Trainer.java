package org.lotterylab.engine.train;

import java.util.ArrayList;
import java.util.List;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.engine.data.ImageDataset;

/**
 * The one training loop. It owns batching (a seeded {@link BatchStream}), the evaluation schedule,
 * early-stop tracking (iteration of minimum validation loss), divergence checks, pause/cancel through the
 * {@link RunGate} and throughput; the network and what a step does are a pluggable {@link StepBackend} (DL4J or
 * the lean BLAS path under a mask, or edge-popup's score-to-mask step), and progress, evaluations and per-step
 * observation go to a {@link Callback}.
 *
 * <p>After every optimiser step the backend multiplies the flat parameters by the flat mask (1 for biases and
 * kept weights, 0 for pruned weights), so pruned weights are exactly 0.0 after every step whatever the
 * optimiser's state. Each call loads the start parameters with fresh optimiser state, so nothing carries over
 * between rounds.
 *
 * @param trainSet   the training set
 * @param validation the validation set
 * @param test       the test set
 */
public record Trainer(ImageDataset trainSet, EvalSet validation, EvalSet test) {

    /**
     * Settings of one training run.
     *
     * Iterations are counted on one axis for every run of an experiment, the dense run's: a network rewound
     * to theta_k trains iterations {@code startIteration + 1 .. iterations} (T - k steps), its first evaluation
     * is labelled {@code startIteration}, and evaluation points, snapshots and the early-stop iteration use
     * that axis.
     *
     * @param batchSize      mini-batch size
     * @param iterations     the last iteration T (the run trains {@code iterations - startIteration} steps)
     * @param evalInterval   evaluate at every multiple of N (and at the start and at the end)
     * @param snapshotAt     copy the parameters at this iteration (-1 = never)
     * @param orderSeed      seed of the data order (the stream starts at its first batch whatever the start)
     * @param progressEvery  report progress every N steps
     * @param startIteration the iteration the start parameters belong to (k after rewinding, else 0)
     */
    public record Config(int batchSize, int iterations, int evalInterval, int snapshotAt, long orderSeed,
                         int progressEvery, int startIteration) {
        /** Checks the start. */
        public Config {
            if (startIteration < 0 || startIteration > iterations) {
                throw new IllegalArgumentException("start iteration " + startIteration + " is not in [0, " + iterations
                        + "]");
            }
        }

        /** A run from iteration 0. */
        public Config(int batchSize, int iterations, int evalInterval, int snapshotAt, long orderSeed,
                      int progressEvery) {
            this(batchSize, iterations, evalInterval, snapshotAt, orderSeed, progressEvery, 0);
        }
    }

    /** Receives progress on the training thread. */
    public interface Callback {
        /**
         * Called every {@code progressEvery} steps with the latest mini-batch loss and the throughput since the
         * previous call (examples over the time spent drawing batches and stepping; evaluations excluded).
         */
        void progress(int iteration, double loss, double examplesPerSecond);

        /** Called at each evaluation point. */
        void evaluation(MetricPoint point);

        /** Called after {@link #evaluation} with the network evaluated there (read it, don't change it). */
        default void evaluatedAt(int iteration, StepBackend net) {
        }

        /** Called once the masked start parameters are loaded, before the first step. */
        default void beforeFirstStep(StepBackend net) {
        }

        /** Called after every optimiser step and mask application (only when {@link #wantsSteps()}). */
        default void afterStep(int iteration, StepBackend net) {
        }

        /** Whether {@link #afterStep} should be called (it costs a call per step). */
        default boolean wantsSteps() {
            return false;
        }
    }

    /**
     * What a training run produced.
     *
     * @param finalParams           flat parameters at the end
     * @param snapshot              flat parameters after {@code snapshotAt} steps, or null
     * @param metrics               evaluation points
     * @param earlyStopIteration    iteration of minimum validation loss
     * @param earlyStopTestAccuracy test accuracy there
     * @param finalTestAccuracy     test accuracy at the end
     * @param examplesPerSecond     training throughput over the whole run: examples over the time spent drawing
     *                              batches and stepping (evaluations and callbacks excluded)
     */
    public record Outcome(float[] finalParams, float[] snapshot, List<MetricPoint> metrics, int earlyStopIteration,
                          double earlyStopTestAccuracy, double finalTestAccuracy, double examplesPerSecond) {
    }

    /**
     * Trains {@code net} from {@code start} under {@code mask} (null = dense).
     *
     * @param where a phrase for error messages, e.g. "round 3 of ticket"
     */
    public Outcome train(StepBackend net, float[] start, float[] mask, Config cfg, RunGate gate, Callback cb,
                         String where) {
        net.setMask(null);
        net.load(start);
        net.setMask(mask);
        cb.beforeFirstStep(net);
        boolean steps = cb.wantsSteps();

        int b = cfg.batchSize();
        float[] xb = new float[b * trainSet.featureSize()];
        float[] yb = new float[b * trainSet.numClasses()];
        BatchStream stream = new BatchStream(trainSet, cfg.orderSeed());
        List<MetricPoint> metrics = new ArrayList<>();
        int first = cfg.startIteration();
        float[] snapshot = cfg.snapshotAt() == first ? net.params() : null;
        EarlyStop best = new EarlyStop();
        double lossSum = 0;
        int lossCount = 0;

        MetricPoint p0 = evaluate(net, first, Double.NaN);
        metrics.add(p0);
        cb.evaluation(p0);
        cb.evaluatedAt(first, net);
        best.offer(p0);

        long trainNanos = 0;
        long progressNanos = 0;
        int sinceProgress = 0;
        for (int it = first + 1; it <= cfg.iterations(); it++) {
            gate.checkpoint();
            long s0 = System.nanoTime();
            stream.next(b, xb, yb);
            double loss = net.step(xb, yb, b);
            long dt = System.nanoTime() - s0;
            trainNanos += dt;
            progressNanos += dt;
            if (!Double.isFinite(loss)) {
                throw new DivergedException(net.trainingLabel() + " diverged: loss is " + loss + " at iteration " + it
                        + " of " + where + "; try a lower learning rate");
            }
            if (steps) {
                cb.afterStep(it, net);
            }
            lossSum += loss;
            lossCount++;
            sinceProgress++;
            if (it == cfg.snapshotAt()) {
                snapshot = net.params();
            }
            if (it % cfg.progressEvery() == 0 || it == cfg.iterations()) {
                double secs = progressNanos / 1e9;
                cb.progress(it, loss, secs > 0 ? sinceProgress * (double) b / secs : 0);
                progressNanos = 0;
                sinceProgress = 0;
            }
            if (it % cfg.evalInterval() == 0 || it == cfg.iterations()) {
                MetricPoint p = evaluate(net, it, lossSum / Math.max(1, lossCount));
                lossSum = 0;
                lossCount = 0;
                metrics.add(p);
                cb.evaluation(p);
                cb.evaluatedAt(it, net);
                if (!Double.isFinite(p.valLoss())) {
                    throw new DivergedException(net.trainingLabel() + " diverged: validation loss is " + p.valLoss()
                            + " at iteration " + it + " of " + where + "; try a lower learning rate");
                }
                best.offer(p);
            }
        }
        float[] fin = net.params();
        double finalTest = metrics.get(metrics.size() - 1).testAccuracy();
        int trained = cfg.iterations() - first;
        double exs = trainNanos > 0 ? trained * (double) b / (trainNanos / 1e9) : 0;
        return new Outcome(fin, snapshot, metrics, best.iteration, best.testAccuracy, finalTest, exs);
    }

    /** The evaluation point of minimum validation loss so far (the first one on ties). */
    private static final class EarlyStop {
        private double valLoss = Double.POSITIVE_INFINITY;
        private int iteration;
        private double testAccuracy;
        private boolean any;

        void offer(MetricPoint p) {
            if (!any || p.valLoss() < valLoss) {
                any = true;
                valLoss = p.valLoss();
                iteration = p.iteration();
                testAccuracy = p.testAccuracy();
            }
        }
    }

    private MetricPoint evaluate(StepBackend net, int it, double trainLoss) {
        EvalSet.Result v = net.evaluate(validation);
        EvalSet.Result t = net.evaluate(test);
        return new MetricPoint(it, trainLoss, v.loss(), v.accuracy(), t.accuracy(), t.loss());
    }
}
