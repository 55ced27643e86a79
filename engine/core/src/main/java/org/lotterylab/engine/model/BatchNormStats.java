package org.lotterylab.engine.model;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Recomputes the running statistics of a network's batch-norm layers for its current weights, as Frankle et
 * al. (2020) do before evaluating a point on a linear interpolation path: a point's interpolated running
 * means and variances are not the statistics of the interpolated network's own activations.
 *
 * <p>The given training batches are fed forward in training mode (each batch-norm layer normalises with the
 * batch's own statistics, exactly as in training; no weight changes, no optimiser step). For each layer and
 * channel the new running mean is the average over the batches of the batch means, and the new running
 * variance the average of the batch variances (biased, as training normalises with), stored as is: DL4J's
 * inference divides by {@code sqrt(var + eps)}, so inference on a batch whose own statistics were stored
 * reproduces the training-mode output (tested). Gamma, beta and every other parameter stay as they were.
 */
public final class BatchNormStats {

    /** Training batches (of the run's batch size) fed forward per recomputation by default. */
    public static final int DEFAULT_BATCHES = 10;

    private BatchNormStats() {
    }

    /**
     * Input batches, each {@code batchSize} rows of {@code features} values, row-major.
     *
     * @param inputs    the batches' pixels
     * @param batchSize rows per batch
     */
    public record Batches(List<float[]> inputs, int batchSize) {
        /** Copies the list and checks the sizes. */
        public Batches {
            inputs = List.copyOf(inputs);
            if (inputs.isEmpty() || batchSize < 2) {
                throw new IllegalArgumentException("batch-norm statistics need at least one batch of 2 or more examples");
            }
            for (float[] x : inputs) {
                if (x.length % batchSize != 0) {
                    throw new IllegalArgumentException("a batch of " + x.length + " values is not " + batchSize
                            + " rows");
                }
            }
        }
    }

    /** Replaces {@code net}'s running statistics by those of {@code batches}; no-op without batch norm. */
    public static void recompute(Net net, Batches batches) {
        if (!net.hasBatchNorm()) {
            return;
        }
        List<BatchNormSlot> slots = net.layout().batchNorms();
        double[][] meanSum = new double[slots.size()][];
        double[][] varSum = new double[slots.size()][];
        for (int i = 0; i < slots.size(); i++) {
            meanSum[i] = new double[slots.get(i).channels()];
            varSum[i] = new double[slots.get(i).channels()];
        }
        for (float[] x : batches.inputs()) {
            int b = batches.batchSize();
            INDArray xa = Nd4j.create(x, new long[] {b, x.length / b}, 'c');
            List<INDArray> inputs = net.batchNormInputs(xa);
            for (int i = 0; i < slots.size(); i++) {
                INDArray a = inputs.get(i);
                int[] dims = a.rank() == 4 ? new int[] {0, 2, 3} : new int[] {0};
                float[] m = a.mean(dims).toFloatVector();
                float[] v = a.var(false, dims).toFloatVector();
                for (int c = 0; c < m.length; c++) {
                    meanSum[i][c] += m[c];
                    varSum[i][c] += v[c];
                }
            }
            xa.close();
        }
        float[] p = net.params().toFloatVector();
        int n = batches.inputs().size();
        for (int i = 0; i < slots.size(); i++) {
            BatchNormSlot s = slots.get(i);
            for (int c = 0; c < s.channels(); c++) {
                p[(int) s.meanOffset() + c] = (float) (meanSum[i][c] / n);
                p[(int) s.varOffset() + c] = (float) (varSum[i][c] / n);
            }
        }
        INDArray flat = Nd4j.createFromArray(p);
        net.setParams(flat);
        flat.close();
    }
}
