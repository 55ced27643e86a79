package org.lotterylab.engine.model;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The engine's one view of a DL4J network, whether a layer stack ({@link MultiLayerNetwork}: the MLPs and
 * Conv-2/4/6) or a graph ({@link ComputationGraph}: ResNet-20's residual adds, VGG-16). It offers only what
 * the engine needs: the flat parameter vector (a view; writing it changes the network), one optimiser step,
 * inference, the prunable layers and batch-norm layers ({@link #layout}), and per-layer activations in
 * training mode for recomputing batch-norm statistics ({@link BatchNormStats}).
 */
public sealed interface Net extends AutoCloseable permits Net.Layered, Net.Graph {

    /** The flat parameter vector (DL4J's own view, not a copy). */
    INDArray params();

    /** Copies {@code flat} into the parameters. */
    void setParams(INDArray flat);

    /** One optimiser step on a mini-batch ({@code x}: batch x features, {@code y}: one-hot). */
    void fit(INDArray x, INDArray y);

    /** The mean loss of the last {@link #fit} batch (before its step). */
    double score();

    /** Class probabilities in inference mode (batch-norm layers use their stored statistics). */
    INDArray output(INDArray x);

    /** The prunable layers, their biases and the batch-norm layers in the flat parameter vector. */
    ParamLayout layout();

    /**
     * The input of every batch-norm layer for a mini-batch, in {@link ParamLayout#batchNorms()} order, computed
     * in training mode (earlier batch-norm layers normalise with the batch's own statistics); empty when the
     * network has no batch norm.
     */
    List<INDArray> batchNormInputs(INDArray x);

    /** Whether the network has batch-norm layers. */
    boolean hasBatchNorm();

    /** The DL4J layer stack, for code that only works on one (pruning at init, edge-popup). */
    MultiLayerNetwork multiLayer();

    @Override
    void close();

    /** A layer stack. */
    static Net of(MultiLayerNetwork net) {
        return new Layered(net);
    }

    /** A layer stack (every model but ResNet-20 and VGG-16). */
    record Layered(MultiLayerNetwork net) implements Net {
        @Override
        public INDArray params() {
            return net.params();
        }

        @Override
        public void setParams(INDArray flat) {
            net.setParams(flat);
        }

        @Override
        public void fit(INDArray x, INDArray y) {
            net.fit(new org.nd4j.linalg.dataset.DataSet(x, y));
        }

        @Override
        public double score() {
            return net.score();
        }

        @Override
        public INDArray output(INDArray x) {
            return net.output(x, false);
        }

        @Override
        public ParamLayout layout() {
            return ModelFactory.layout(net);
        }

        @Override
        public List<INDArray> batchNormInputs(INDArray x) {
            return List.of();
        }

        @Override
        public boolean hasBatchNorm() {
            return false;
        }

        @Override
        public MultiLayerNetwork multiLayer() {
            return net;
        }

        @Override
        public void close() {
            net.close();
        }
    }

    /**
     * A graph network with its prunable layers and batch-norm layers named in network order.
     *
     * @param net        the graph
     * @param prunable   names of the prunable layers' vertices, in network order (their layout order)
     * @param batchNorms names of the batch-norm vertices, in network order
     */
    record Graph(ComputationGraph net, List<String> prunable, List<String> batchNorms) implements Net {
        /** Copies the lists. */
        public Graph {
            prunable = List.copyOf(prunable);
            batchNorms = List.copyOf(batchNorms);
        }

        @Override
        public INDArray params() {
            return net.params();
        }

        @Override
        public void setParams(INDArray flat) {
            net.setParams(flat);
        }

        @Override
        public void fit(INDArray x, INDArray y) {
            net.fit(new org.nd4j.linalg.dataset.DataSet(x, y));
        }

        @Override
        public double score() {
            return net.score();
        }

        @Override
        public INDArray output(INDArray x) {
            return net.outputSingle(false, x);
        }

        @Override
        public ParamLayout layout() {
            return GraphModels.layout(this);
        }

        @Override
        public List<INDArray> batchNormInputs(INDArray x) {
            java.util.Map<String, INDArray> acts = net.feedForward(x, true);
            List<INDArray> out = new java.util.ArrayList<>();
            for (String bn : batchNorms) {
                String[] inputs = net.getConfiguration().getVertexInputs().get(bn).toArray(new String[0]);
                out.add(acts.get(inputs[0]));
            }
            return out;
        }

        @Override
        public boolean hasBatchNorm() {
            return !batchNorms.isEmpty();
        }

        @Override
        public MultiLayerNetwork multiLayer() {
            throw new UnsupportedOperationException("this network is a graph (residual or batch-norm model); "
                    + "this feature needs a layer stack (mlp-small, lenet-300-100, conv-2/4/6)");
        }

        @Override
        public void close() {
            net.close();
        }
    }
}
