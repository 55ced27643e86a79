package org.lotterylab.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.api.NeuralNetwork;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The engine's one view of a DL4J network, whether a layer stack ({@link MultiLayerNetwork}: the MLPs and
 * Conv-2/4/6) or a graph ({@link ComputationGraph}: ResNet-20's residual adds, VGG-16). It offers only what
 * the engine needs: the flat parameter vector (a view; writing it changes the network), one optimiser step,
 * inference, the prunable layers and batch-norm layers ({@link #layout}), and per-layer activations in
 * training mode for recomputing batch-norm statistics ({@link BatchNormStats}). What both kinds do alike goes
 * through DL4J's own common interfaces ({@link Model}, {@link NeuralNetwork}); the kinds differ only in
 * inference, layout and batch norm.
 */
public abstract sealed class Net implements AutoCloseable permits Net.Layered, Net.Graph {

    /** The one network through DL4J's two interfaces that both kinds implement (parameters and score; fit). */
    private final Model model;
    private final NeuralNetwork network;

    private <N extends Model & NeuralNetwork> Net(N net) {
        this.model = net;
        this.network = net;
    }

    /** The flat parameter vector (DL4J's own view, not a copy). */
    public INDArray params() {
        return model.params();
    }

    /** Copies {@code flat} into the parameters. */
    public void setParams(INDArray flat) {
        model.setParams(flat);
    }

    /** One optimiser step on a mini-batch ({@code x}: batch x features, {@code y}: one-hot). */
    public void fit(INDArray x, INDArray y) {
        network.fit(new DataSet(x, y));
    }

    /** The mean loss of the last {@link #fit} batch (before its step). */
    public double score() {
        return model.score();
    }

    /** Class probabilities in inference mode (batch-norm layers use their stored statistics). */
    public abstract INDArray output(INDArray x);

    /** The prunable layers, their biases and the batch-norm layers in the flat parameter vector. */
    public abstract ParamLayout layout();

    /**
     * The input of every batch-norm layer for a mini-batch, in {@link ParamLayout#batchNorms()} order, computed
     * in training mode (earlier batch-norm layers normalise with the batch's own statistics); empty when the
     * network has no batch norm.
     */
    public abstract List<INDArray> batchNormInputs(INDArray x);

    /** Whether the network has batch-norm layers. */
    public abstract boolean hasBatchNorm();

    /** The DL4J layer stack, for code that only works on one (pruning at init, edge-popup). */
    public abstract MultiLayerNetwork multiLayer();

    /**
     * Frees the network's native buffers (parameters, gradients, optimiser state). Not DL4J's own
     * {@code close()}: that also destroys the calling thread's workspaces (which the thread's next network would
     * allocate again) and calls {@code System.gc()} twice, a full collection each under G1, which stopped the
     * window's frames for 100 to 200 ms at the start of every run.
     */
    @Override
    public void close() {
        free(model.params());
        free(model.getGradientsViewArray());
        free(updaterState());
    }

    /** The optimiser's state vector, or null before the first step. */
    abstract INDArray updaterState();

    private static void free(INDArray a) {
        if (a != null && a.closeable()) {
            a.close();
        }
    }

    /** A layer stack. */
    public static Net of(MultiLayerNetwork net) {
        return new Layered(net);
    }

    /** A layer stack (every model but ResNet-20 and VGG-16). */
    public static final class Layered extends Net {
        private final MultiLayerNetwork net;

        Layered(MultiLayerNetwork net) {
            super(net);
            this.net = net;
        }

        /** The layer stack. */
        public MultiLayerNetwork net() {
            return net;
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
        INDArray updaterState() {
            return net.getUpdater(false) == null ? null : net.getUpdater(false).getStateViewArray();
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
    }

    /** A graph network with its prunable layers and batch-norm layers named in network order. */
    public static final class Graph extends Net {
        private final ComputationGraph net;
        private final List<String> prunable;
        private final List<String> batchNorms;

        /**
         * @param net        the graph
         * @param prunable   names of the prunable layers' vertices, in network order (their layout order)
         * @param batchNorms names of the batch-norm vertices, in network order
         */
        public Graph(ComputationGraph net, List<String> prunable, List<String> batchNorms) {
            super(net);
            this.net = net;
            this.prunable = List.copyOf(prunable);
            this.batchNorms = List.copyOf(batchNorms);
        }

        /** The graph. */
        public ComputationGraph net() {
            return net;
        }

        /** Names of the prunable layers' vertices, in network order. */
        public List<String> prunable() {
            return prunable;
        }

        /** Names of the batch-norm vertices, in network order. */
        public List<String> batchNorms() {
            return batchNorms;
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
        INDArray updaterState() {
            return net.getUpdater(false) == null ? null : net.getUpdater(false).getStateViewArray();
        }

        @Override
        public List<INDArray> batchNormInputs(INDArray x) {
            Map<String, INDArray> acts = net.feedForward(x, true);
            List<INDArray> out = new ArrayList<>();
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
    }
}
