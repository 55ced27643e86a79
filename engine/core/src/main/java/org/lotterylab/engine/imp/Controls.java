package org.lotterylab.engine.imp;

import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.SignSource;
import org.lotterylab.engine.model.Initializer;
import org.lotterylab.engine.model.ParamLayout;
import org.lotterylab.engine.prune.Pruner;
import org.lotterylab.engine.util.Seeds;

/**
 * What each control of an IMP round starts from and which mask it trains under, given the ticket's. One
 * place for the definitions (Frankle and Carbin 2019; Zhou et al. 2019):
 * <ul>
 *   <li>random re-init: the ticket's mask; fresh weights from the spec's initialiser ({@code reinit} seed);</li>
 *   <li>same-sign re-init: the ticket's mask; fresh magnitudes ({@code same-sign} seed) with the signs of
 *       theta_0 ({@code sameSignSource=theta-0}, the default, as Zhou et al.) or of theta_k;</li>
 *   <li>random pruning: the ticket's start; a uniformly random mask with the ticket's per-layer counts;</li>
 *   <li>one-shot: the ticket's start; the dense round's final weights pruned straight to this round's target.</li>
 * </ul>
 * Every control starts from the same biases as the ticket it is compared with: theta_k's.
 */
final class Controls {

    private Controls() {
    }

    /** Fresh weights drawn for the round, with the biases of {@code ticketStart}. */
    static float[] randomReinit(ParamLayout layout, ExperimentSpec spec, int round, float[] ticketStart) {
        float[] fresh = Initializer.draw(layout, spec.init(), Seeds.derive(spec.seed(), "reinit", round));
        return withWeights(layout, ticketStart, fresh);
    }

    /** Fresh magnitudes with the signs of theta_0 or theta_k (per the spec), biases of {@code thetaK}. */
    static float[] sameSign(ParamLayout layout, ExperimentSpec spec, int round, float[] theta0, float[] thetaK) {
        float[] fresh = Initializer.draw(layout, spec.init(), Seeds.derive(spec.seed(), "same-sign", round));
        float[] signs = spec.sameSignSource() == SignSource.THETA_0 ? theta0 : thetaK;
        float[] out = thetaK.clone();
        for (int i = 0; i < layout.size(); i++) {
            int off = (int) layout.offset(i);
            int n = layout.layers().get(i).size();
            for (int j = off; j < off + n; j++) {
                float mag = Math.abs(fresh[j]);
                out[j] = signs[j] < 0 ? -mag : mag;
            }
        }
        return out;
    }

    /** A random mask with the ticket mask's per-layer counts ({@code random-pruning} seed). */
    static boolean[][] randomPruning(ParamLayout layout, ExperimentSpec spec, int round, boolean[][] ticketMask) {
        return Pruner.random(layout, Pruner.counts(ticketMask), Seeds.derive(spec.seed(), "random-pruning", round));
    }

    /** The dense round's final weights pruned in one step to round {@code round}'s target. */
    static boolean[][] oneShot(ParamLayout layout, ExperimentSpec spec, int round, float[] denseFinal,
                               float[] thetaK) {
        return Pruner.prune(layout, Pruner.dense(layout), denseFinal, thetaK, spec, round);
    }

    /** {@code base} with the prunable weights of {@code weights}. */
    private static float[] withWeights(ParamLayout layout, float[] base, float[] weights) {
        float[] out = base.clone();
        for (int i = 0; i < layout.size(); i++) {
            int off = (int) layout.offset(i);
            System.arraycopy(weights, off, out, off, layout.layers().get(i).size());
        }
        return out;
    }
}
