package org.lotterylab.engine.train;

/**
 * One network and its optimiser, as the {@link Trainer} loop drives it: load parameters (with fresh optimiser
 * state), take one optimiser step on a mini-batch, read the parameters back, evaluate a held-out set. Two
 * implementations: {@link Dl4jBackend} (DL4J's MultiLayerNetwork, every model) and the lean BLAS path for
 * fully-connected models ({@code org.lotterylab.engine.lean.LeanBackend}).
 *
 * <p>Masking is part of the step: after every optimiser update the flat parameters are multiplied by the
 * flat mask set with {@link #setMask}, so pruned weights are exactly zero after every step whatever the
 * optimiser state. A backend is used by one thread at a time.
 */
public interface StepBackend extends AutoCloseable {

    /** The engine's id as shown to users: {@code lean} or {@code dl4j}. */
    String engine();

    /** What this backend trains, for messages such as "training diverged: ..."; {@code training} unless it says. */
    default String trainingLabel() {
        return "training";
    }

    /** Number of flat parameters. */
    int paramCount();

    /** Loads the flat parameters (DL4J's layout) and resets the optimiser state and its step count. */
    void load(float[] params);

    /** Replaces the flat parameters (times the mask, if set) without touching the optimiser state. */
    void setParams(float[] params);

    /**
     * The flat multiplicative mask (1 = kept or bias, 0 = pruned) applied after every step, or null for none.
     * Setting a mask also multiplies the current parameters by it.
     */
    void setMask(float[] flatMask);

    /**
     * One optimiser step on a mini-batch (then the mask multiply).
     *
     * @param x     {@code batch} x features, row-major
     * @param y     one-hot labels, {@code batch} x classes, row-major
     * @param batch examples in the batch
     * @return the mini-batch's mean cross-entropy before the step
     */
    double step(float[] x, float[] y, int batch);

    /** A copy of the flat parameters. */
    float[] params();

    /** Evaluates the current parameters on {@code set}. */
    EvalSet.Result evaluate(EvalSet set);

    /** Whether the network has batch-norm layers (whose running statistics {@link #recomputeBatchNorm} sets). */
    default boolean hasBatchNorm() {
        return false;
    }

    /**
     * Replaces the batch-norm running statistics of the current parameters by those of {@code batches} of
     * training data, in training mode, without changing any other parameter (see
     * {@link org.lotterylab.engine.model.BatchNormStats}). Only for backends with {@link #hasBatchNorm}.
     */
    default void recomputeBatchNorm(org.lotterylab.engine.model.BatchNormStats.Batches batches) {
        throw new UnsupportedOperationException(engine() + " networks have no batch norm");
    }

    /** Frees native buffers; the backend is unusable afterwards. */
    @Override
    void close();
}
