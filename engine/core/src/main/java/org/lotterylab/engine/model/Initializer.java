package org.lotterylab.engine.model;

import java.util.Random;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.spec.InitKind;

/**
 * Draws initial parameters in Java from a seed (independent of ND4J's RNG and backend): weights of every
 * prunable layer from the chosen initialiser, biases zero; batch norm as open_lth's {@code uniform} batch-norm
 * init (scale gamma uniform in [0, 1), drawn after all weights, shift beta 0) with running mean 0 and variance
 * 1. The result is a flat vector in the network's parameter order (see {@link ParamLayout}).
 */
public final class Initializer {

    private Initializer() {
    }

    /** A full flat parameter vector for {@code layout}. */
    public static float[] draw(ParamLayout layout, InitKind kind, long seed) {
        float[] flat = new float[Math.toIntExact(layout.totalParams())];
        Random rng = new Random(seed);
        for (int i = 0; i < layout.size(); i++) {
            LayerInfo l = layout.layers().get(i);
            int off = (int) layout.offset(i);
            int[] s = l.shape();
            int receptive = s.length == 4 ? s[2] * s[3] : 1;
            int fanIn = s[1] * receptive;
            int fanOut = s[0] * receptive;
            double std = switch (kind) {
                case GLOROT_NORMAL -> Math.sqrt(2.0 / (fanIn + fanOut));
                case KAIMING_NORMAL, SIGNED_KAIMING_CONSTANT -> Math.sqrt(2.0 / fanIn);
            };
            for (int j = 0; j < l.size(); j++) {
                if (kind == InitKind.SIGNED_KAIMING_CONSTANT) {
                    flat[off + j] = (float) (rng.nextBoolean() ? std : -std);
                } else {
                    flat[off + j] = (float) (rng.nextGaussian() * std);
                }
            }
        }
        for (BatchNormSlot bn : layout.batchNorms()) {
            for (int c = 0; c < bn.channels(); c++) {
                flat[(int) bn.gammaOffset() + c] = rng.nextFloat();
                flat[(int) bn.varOffset() + c] = 1f;
            }
        }
        return flat;
    }
}
