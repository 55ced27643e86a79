package org.lotterylab.engine.pai;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The gradient of the training loss (mean over a fixed set of mini-batches) at any flat parameter vector,
 * computed by the network's own backpropagation. The same batches are used for every call, so differences
 * of gradients (GraSP's Hessian-vector product) see no sampling noise.
 */
final class GradientProbe {

    private final MultiLayerNetwork net;
    private final List<DataSet> batches;

    /** A probe over {@code batches}; {@code net} is used as scratch (its parameters are overwritten). */
    GradientProbe(MultiLayerNetwork net, List<DataSet> batches) {
        if (batches.isEmpty()) {
            throw new IllegalArgumentException("no batches to compute a gradient on");
        }
        this.net = net;
        this.batches = List.copyOf(batches);
    }

    /** dL/dtheta at {@code params}, L the mean loss per example over all batches, in double. */
    double[] gradient(float[] params) {
        net.setParams(Nd4j.createFromArray(params));
        double[] acc = new double[params.length];
        for (DataSet ds : batches) {
            net.setInput(ds.getFeatures());
            net.setLabels(ds.getLabels());
            net.computeGradientAndScore();
            // DL4J's backprop gives the gradient summed over the batch (its updater divides by the batch size)
            float[] g = net.gradient().gradient().toFloatVector();
            double perExample = 1.0 / ds.numExamples();
            for (int i = 0; i < g.length; i++) {
                acc[i] += g[i] * perExample;
            }
        }
        for (int i = 0; i < acc.length; i++) {
            acc[i] /= batches.size();
        }
        return acc;
    }

    /**
     * The Hessian-vector product H v at {@code params} by a central difference of gradients:
     * (g(theta + eps v) - g(theta - eps v)) / (2 eps), with eps chosen so that the step eps*v has length
     * {@code stepNorm}. Exact for a quadratic loss; the error is O(eps^2) elsewhere (and ReLU kinks crossed by
     * the step add a little more).
     */
    double[] hessianTimes(float[] params, double[] v, double stepNorm) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        double[] out = new double[params.length];
        if (norm == 0) {
            return out;
        }
        double eps = stepNorm / norm;
        float[] plus = new float[params.length];
        float[] minus = new float[params.length];
        for (int i = 0; i < params.length; i++) {
            plus[i] = (float) (params[i] + eps * v[i]);
            minus[i] = (float) (params[i] - eps * v[i]);
        }
        double[] gp = gradient(plus);
        double[] gm = gradient(minus);
        for (int i = 0; i < out.length; i++) {
            // divide by the step actually taken in float, not the nominal one
            out[i] = (gp[i] - gm[i]) / (2 * eps);
        }
        return out;
    }
}
