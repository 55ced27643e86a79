package org.lotterylab.engine.pai;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lotterylab.engine.model.ParamLayout;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossWasserstein;

/**
 * The saliency score of every prunable weight (higher = keep), per layer, for each method. Biases are never
 * scored (they are never pruned).
 */
final class Saliency {

    /** Length of GraSP's finite-difference step in parameter space. */
    static final double HVP_STEP = 1e-2;

    private Saliency() {
    }

    /** |theta|. */
    static double[][] magnitude(ParamLayout layout, float[] theta) {
        double[][] s = perLayer(layout);
        forEach(layout, (l, i, flat) -> s[l][i] = Math.abs(theta[flat]));
        return s;
    }

    /** SNIP: |g * theta|. */
    static double[][] snip(ParamLayout layout, float[] theta, double[] gradient) {
        double[][] s = perLayer(layout);
        forEach(layout, (l, i, flat) -> s[l][i] = Math.abs(gradient[flat] * theta[flat]));
        return s;
    }

    /** GraSP, as a keep-score: theta * (H g), i.e. minus Wang et al.'s removal score -theta * (H g). */
    static double[][] grasp(ParamLayout layout, float[] theta, double[] hessianTimesGradient) {
        double[][] s = perLayer(layout);
        forEach(layout, (l, i, flat) -> s[l][i] = theta[flat] * hessianTimesGradient[flat]);
        return s;
    }

    /**
     * SynFlow's scores for the current mask: the network linearised (every parameter replaced by its absolute
     * value, pruned weights zero), R = sum of the outputs (pre-softmax) for an all-ones input, and the score
     * of each weight (dR/dtheta) * |theta|. With non-negative parameters and input every ReLU passes its
     * input through, so R = 1'(prod |W_l|)1 plus the (non-negative) bias paths.
     *
     * @param template a network of the right architecture (its configuration is copied, not changed)
     */
    static double[][] synflow(MultiLayerNetwork template, ParamLayout layout, float[] theta, boolean[][] mask) {
        MultiLayerNetwork linear = linearised(template);
        float[] abs = new float[theta.length];
        for (int i = 0; i < theta.length; i++) {
            abs[i] = Math.abs(theta[i]);
        }
        forEach(layout, (l, i, flat) -> {
            if (!mask[l][i]) {
                abs[flat] = 0f;
            }
        });
        linear.setParams(Nd4j.createFromArray(abs));
        long inputs = linear.layerInputSize(0);
        long outputs = linear.layerSize(linear.getnLayers() - 1);
        INDArray ones = Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, inputs);
        linear.setInput(ones);
        linear.setLabels(Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, outputs));
        linear.computeGradientAndScore();
        float[] g = linear.gradient().gradient().toFloatVector();
        double[][] s = perLayer(layout);
        // LossWasserstein is mean(labels * out): its gradient is dR/dtheta divided by the number of outputs,
        // a constant factor that leaves the ranking unchanged; undo it so scores are dR/dtheta * |theta|.
        forEach(layout, (l, i, flat) -> s[l][i] = (double) g[flat] * outputs * abs[flat]);
        return s;
    }

    /** A copy of {@code template}'s architecture whose output is linear and whose loss is mean(out). */
    private static MultiLayerNetwork linearised(MultiLayerNetwork template) {
        MultiLayerConfiguration conf = template.getLayerWiseConfigurations().clone();
        int last = conf.getConfs().size() - 1;
        BaseOutputLayer out = (BaseOutputLayer) conf.getConf(last).getLayer();
        out.setActivationFn(new ActivationIdentity());
        out.setLossFn(new LossWasserstein());
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static double[][] perLayer(ParamLayout layout) {
        double[][] s = new double[layout.size()][];
        for (int l = 0; l < layout.size(); l++) {
            s[l] = new double[layout.layers().get(l).size()];
        }
        return s;
    }

    /** Visits every prunable weight: layer, index within the layer, index in the flat vector. */
    private static void forEach(ParamLayout layout, WeightVisitor v) {
        for (int l = 0; l < layout.size(); l++) {
            int off = (int) layout.offset(l);
            int n = layout.layers().get(l).size();
            for (int i = 0; i < n; i++) {
                v.visit(l, i, off + i);
            }
        }
    }

    @FunctionalInterface
    private interface WeightVisitor {
        void visit(int layer, int index, int flat);
    }
}
