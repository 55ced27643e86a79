package org.lotterylab.engine.train;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.engine.data.ImageDataset;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The masked training loop. After every optimiser step the flat parameter vector is multiplied by the flat
 * mask (1 for biases and kept weights, 0 for pruned weights), so pruned weights are exactly 0.0 after every
 * step whatever the optimiser's state. Each call trains a freshly built network, so optimiser state never
 * carries over between rounds.
 */
public final class Trainer {

    private final ImageDataset train;
    private final EvalSet validation;
    private final EvalSet test;

    /** A trainer over the given data. */
    public Trainer(ImageDataset train, EvalSet validation, EvalSet test) {
        this.train = train;
        this.validation = validation;
        this.test = test;
    }

    /** The test set. */
    public EvalSet test() {
        return test;
    }

    /** The validation set. */
    public EvalSet validation() {
        return validation;
    }

    /** The training set. */
    public ImageDataset trainSet() {
        return train;
    }

    /**
     * Settings of one training run.
     *
     * @param batchSize     mini-batch size
     * @param iterations    optimiser steps
     * @param evalInterval  evaluate every N steps (and at 0 and at the end)
     * @param snapshotAt    copy the parameters after this many steps (-1 = never)
     * @param orderSeed     seed of the data order
     * @param progressEvery report progress every N steps
     */
    public record Config(int batchSize, int iterations, int evalInterval, int snapshotAt, long orderSeed,
                         int progressEvery) {
    }

    /** Receives progress on the training thread. */
    public interface Callback {
        /** Called every {@code progressEvery} steps with the latest mini-batch loss. */
        void progress(int iteration, double loss, double examplesPerSecond);

        /** Called at each evaluation point. */
        void evaluation(MetricPoint point);

        /** Called once the masked start parameters are in the network, before the first step. */
        default void beforeFirstStep(INDArray params) {
        }

        /** Called after every optimiser step and mask application (only when {@link #wantsSteps()}). */
        default void afterStep(int iteration, INDArray params) {
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
     */
    public record Outcome(float[] finalParams, float[] snapshot, List<MetricPoint> metrics, int earlyStopIteration,
                          double earlyStopTestAccuracy, double finalTestAccuracy) {
    }

    /**
     * Trains {@code net} from {@code start} under {@code mask} (null = dense).
     *
     * @param where a phrase for error messages, e.g. "round 3 of ticket"
     */
    public Outcome train(MultiLayerNetwork net, float[] start, float[] mask, Config cfg, RunGate gate, Callback cb,
                         String where) {
        INDArray maskArr = mask == null ? null : Nd4j.createFromArray(mask);
        INDArray params = net.params();
        INDArray startArr = Nd4j.createFromArray(start);
        if (maskArr != null) {
            startArr.muli(maskArr);
        }
        net.setParams(startArr);
        startArr.close();
        params = net.params();
        cb.beforeFirstStep(params);
        boolean steps = cb.wantsSteps();

        int f = train.featureSize();
        int c = train.numClasses();
        int b = cfg.batchSize();
        float[] xb = new float[b * f];
        float[] yb = new float[b * c];
        BatchStream stream = new BatchStream(train, cfg.orderSeed());
        List<MetricPoint> metrics = new ArrayList<>();
        float[] snapshot = cfg.snapshotAt() == 0 ? params.toFloatVector() : null;
        double bestVal = Double.POSITIVE_INFINITY;
        int bestIt = 0;
        double bestTest = 0;
        double lossSum = 0;
        int lossCount = 0;

        MetricPoint p0 = evaluate(net, 0, Double.NaN);
        metrics.add(p0);
        cb.evaluation(p0);
        bestVal = p0.valLoss();
        bestTest = p0.testAccuracy();

        long t0 = System.nanoTime();
        int sinceProgress = 0;
        for (int it = 1; it <= cfg.iterations(); it++) {
            gate.checkpoint();
            stream.next(b, xb, yb);
            INDArray xArr = Nd4j.create(xb, new long[] {b, f}, 'c');
            INDArray yArr = Nd4j.create(yb, new long[] {b, c}, 'c');
            net.fit(new DataSet(xArr, yArr));
            // free the batch now: left to the garbage collector, off-heap buffers pile up round after round
            xArr.close();
            yArr.close();
            if (maskArr != null) {
                params.muli(maskArr);
            }
            if (steps) {
                cb.afterStep(it, params);
            }
            double loss = net.score();
            if (!Double.isFinite(loss)) {
                throw new DivergedException("training diverged: loss is " + loss + " at iteration " + it + " of " + where
                        + "; try a lower learning rate");
            }
            lossSum += loss;
            lossCount++;
            sinceProgress++;
            if (it == cfg.snapshotAt()) {
                snapshot = params.toFloatVector();
            }
            if (it % cfg.progressEvery() == 0 || it == cfg.iterations()) {
                double secs = (System.nanoTime() - t0) / 1e9;
                cb.progress(it, loss, secs > 0 ? sinceProgress * (double) b / secs : 0);
                t0 = System.nanoTime();
                sinceProgress = 0;
            }
            if (it % cfg.evalInterval() == 0 || it == cfg.iterations()) {
                MetricPoint p = evaluate(net, it, lossSum / Math.max(1, lossCount));
                lossSum = 0;
                lossCount = 0;
                metrics.add(p);
                cb.evaluation(p);
                if (!Double.isFinite(p.valLoss())) {
                    throw new DivergedException("training diverged: validation loss is " + p.valLoss() + " at iteration "
                            + it + " of " + where + "; try a lower learning rate");
                }
                if (p.valLoss() < bestVal) {
                    bestVal = p.valLoss();
                    bestIt = it;
                    bestTest = p.testAccuracy();
                }
            }
        }
        float[] fin = params.toFloatVector();
        if (maskArr != null) {
            maskArr.close();
        }
        double finalTest = metrics.get(metrics.size() - 1).testAccuracy();
        return new Outcome(fin, snapshot, metrics, bestIt, bestTest, finalTest);
    }

    private MetricPoint evaluate(MultiLayerNetwork net, int it, double trainLoss) {
        EvalSet.Result v = validation.evaluate(net);
        EvalSet.Result t = test.evaluate(net);
        return new MetricPoint(it, trainLoss, v.loss(), v.accuracy(), t.accuracy());
    }
}
