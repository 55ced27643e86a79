package org.lotterylab.engine.lean;

import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * An optimiser rule of the lean path with its hyperparameters, applied element-wise in float exactly as
 * DL4J M2.1's native updaters compute it (the gradient is the mini-batch sum divided by the batch size):
 * <ul>
 * <li>ADAM: {@code m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2; w -= m * a_t / (sqrt(v) + eps)} with
 * {@code a_t = lr sqrt(1 - b2^(t+1)) / (1 - b1^(t+1))} (t = steps taken before this one);</li>
 * <li>SGD: {@code w -= lr g};</li>
 * <li>NESTEROV (DL4J's Nesterovs): {@code v' = mu v - lr g; w -= mu v - (1 + mu) v'};</li>
 * <li>HEAVY_BALL: {@code v = mu v + g; w -= lr v}.</li>
 * </ul>
 *
 * @param kind     the rule
 * @param lr       learning rate
 * @param momentum momentum (NESTEROV, HEAVY_BALL)
 * @param beta1    Adam's first-moment decay
 * @param beta2    Adam's second-moment decay
 * @param epsilon  Adam's epsilon
 */
public record Update(Kind kind, float lr, float momentum, float beta1, float beta2, float epsilon) {

    /** The rules. */
    public enum Kind {
        /** Adam. */
        ADAM,
        /** Plain SGD. */
        SGD,
        /** SGD with DL4J's Nesterov momentum. */
        NESTEROV,
        /** SGD with heavy-ball momentum. */
        HEAVY_BALL
    }

    /** The rule and hyperparameters of a DL4J updater configuration (Adam, HeavyBall, Nesterovs or Sgd). */
    public static Update of(IUpdater u) {
        if (u instanceof Adam a) {
            return new Update(Kind.ADAM, (float) a.getLearningRate(), 0f, (float) a.getBeta1(), (float) a.getBeta2(),
                    (float) a.getEpsilon());
        }
        if (u instanceof org.lotterylab.engine.model.HeavyBall h) {
            return new Update(Kind.HEAVY_BALL, (float) h.getLearningRate(), (float) h.getMomentum(), 0f, 0f, 0f);
        }
        if (u instanceof Nesterovs n) {
            return new Update(Kind.NESTEROV, (float) n.getLearningRate(), (float) n.getMomentum(), 0f, 0f, 0f);
        }
        if (u instanceof Sgd s) {
            return new Update(Kind.SGD, (float) s.getLearningRate(), 0f, 0f, 0f, 0f);
        }
        throw new IllegalArgumentException("the lean path has no rule for the updater " + u);
    }

    /** Whether the rule keeps a first state vector (m or the velocity). */
    boolean hasFirstState() {
        return kind != Kind.SGD;
    }

    /** Whether the rule keeps a second state vector (Adam's v). */
    boolean hasSecondState() {
        return kind == Kind.ADAM;
    }

    /**
     * Applies one step to {@code w[0..n)} from the batch-sum gradient {@code g}, then multiplies by {@code mask}
     * when it is not null.
     *
     * @param t     steps taken before this one
     * @param batch batch size (the gradient is divided by it)
     */
    void apply(float[] w, float[] g, float[] s1, float[] s2, float[] mask, int n, int t, int batch) {
        float bf = batch;
        switch (kind) {
            case ADAM -> {
                float b1t = (float) Math.pow(beta1, t + 1);
                float b2t = (float) Math.pow(beta2, t + 1);
                float at = lr * (float) Math.sqrt(1f - b2t) / (1f - b1t);
                if (Float.isNaN(at) || at == 0f || Float.isInfinite(at)) {
                    at = epsilon;
                }
                adam(w, g, s1, s2, mask, n, bf, at);
            }
            case SGD -> sgd(w, g, mask, n, bf);
            case NESTEROV -> nesterov(w, g, s1, mask, n, bf);
            case HEAVY_BALL -> heavyBall(w, g, s1, mask, n, bf);
            default -> throw new IllegalStateException("unhandled " + kind);
        }
    }

    private void adam(float[] w, float[] g, float[] m, float[] v, float[] mask, int n, float bf, float at) {
        float b1 = beta1;
        float b2 = beta2;
        float c1 = 1f - b1;
        float c2 = 1f - b2;
        float eps = epsilon;
        for (int i = 0; i < n; i++) {
            float gi = g[i] / bf;
            float mi = b1 * m[i] + gi * c1;
            float vi = b2 * v[i] + gi * gi * c2;
            m[i] = mi;
            v[i] = vi;
            float wi = w[i] - mi * at / ((float) Math.sqrt(vi) + eps);
            w[i] = mask == null ? wi : wi * mask[i];
        }
    }

    private void sgd(float[] w, float[] g, float[] mask, int n, float bf) {
        float a = lr;
        for (int i = 0; i < n; i++) {
            float wi = w[i] - (g[i] / bf) * a;
            w[i] = mask == null ? wi : wi * mask[i];
        }
    }

    private void nesterov(float[] w, float[] g, float[] vel, float[] mask, int n, float bf) {
        float mu = momentum;
        float a = lr;
        float mt = -mu - 1f;
        for (int i = 0; i < n; i++) {
            float prev = vel[i];
            float vi = mu * prev - a * (g[i] / bf);
            vel[i] = vi;
            float wi = w[i] - (mu * prev + mt * vi);
            w[i] = mask == null ? wi : wi * mask[i];
        }
    }

    private void heavyBall(float[] w, float[] g, float[] vel, float[] mask, int n, float bf) {
        float mu = momentum;
        float a = lr;
        for (int i = 0; i < n; i++) {
            float vi = mu * vel[i] + g[i] / bf;
            vel[i] = vi;
            float wi = w[i] - a * vi;
            w[i] = mask == null ? wi : wi * mask[i];
        }
    }
}
