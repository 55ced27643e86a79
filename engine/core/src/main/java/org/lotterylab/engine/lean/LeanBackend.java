package org.lotterylab.engine.lean;

import org.lotterylab.engine.train.EvalSet;
import org.lotterylab.engine.train.StepBackend;

/**
 * The lean step backend: one {@link LeanMlp} with room for the largest batch (and at least {@link #EVAL_ROWS}
 * rows, the evaluation piece), reused by every {@link #load}.
 */
public final class LeanBackend implements StepBackend {

    /** Rows evaluated per GEMM when scoring a held-out set. */
    public static final int EVAL_ROWS = 500;
    private final MlpShape shape;
    private final LeanMlp net;

    /**
     * A backend for networks of {@code shape} trained by {@code update} (null = evaluation only) on batches of
     * at most {@code maxBatch} examples.
     */
    public LeanBackend(MlpShape shape, Update update, int maxBatch) {
        this.shape = shape;
        this.net = new LeanMlp(shape, update, Math.max(maxBatch, EVAL_ROWS));
    }

    @Override
    public String engine() {
        return "lean";
    }

    @Override
    public int paramCount() {
        return shape.paramCount();
    }

    @Override
    public void load(float[] params) {
        net.load(params);
    }

    @Override
    public void setParams(float[] params) {
        net.setParams(params);
    }

    @Override
    public void setMask(float[] flatMask) {
        net.setMask(flatMask);
    }

    @Override
    public double step(float[] x, float[] y, int batch) {
        return net.step(x, y, batch);
    }

    @Override
    public float[] params() {
        return net.params();
    }

    @Override
    public EvalSet.Result evaluate(EvalSet set) {
        return set.evaluate(net::probabilities);
    }

    @Override
    public void close() {
        net.close();
    }
}
