package org.lotterylab.engine.train;

import java.util.function.Supplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lotterylab.engine.model.BatchNormStats;
import org.lotterylab.engine.model.Net;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The DL4J step backend: {@code fit} on each mini-batch, then the flat parameters multiplied in place by the
 * mask. {@link #load} builds a fresh network, so optimiser state never carries over between trainings. Any
 * {@link Net} works: a layer stack or a graph (ResNet-20, VGG-16, whose batch-norm statistics
 * {@link #recomputeBatchNorm} can recompute).
 */
public final class Dl4jBackend implements StepBackend {

    private final Supplier<? extends Net> factory;
    private Net net;
    private INDArray mask;

    /** A backend whose networks come from {@code factory} (each call a freshly built network). */
    public Dl4jBackend(Supplier<? extends Net> factory) {
        this.factory = factory;
    }

    /** A backend over layer stacks from {@code factory}. */
    public static Dl4jBackend ofLayers(Supplier<MultiLayerNetwork> factory) {
        return new Dl4jBackend(() -> Net.of(factory.get()));
    }

    /** The network in use (built on first use; {@link #load} replaces it). */
    public Net network() {
        if (net == null) {
            net = factory.get();
        }
        return net;
    }

    @Override
    public String engine() {
        return "dl4j";
    }

    @Override
    public int paramCount() {
        return (int) network().params().length();
    }

    @Override
    public void load(float[] params) {
        if (net != null) {
            net.close(); // a fresh network per load; free the old one's native buffers now, not at some GC
        }
        net = factory.get();
        setFlat(net, params);
        if (mask != null) {
            net.params().muli(mask);
        }
    }

    @Override
    public void setParams(float[] params) {
        setFlat(network(), params);
        if (mask != null) {
            net.params().muli(mask);
        }
    }

    @Override
    public void setMask(float[] flatMask) {
        if (mask != null) {
            mask.close();
        }
        mask = flatMask == null ? null : Nd4j.createFromArray(flatMask);
        if (mask != null) {
            network().params().muli(mask);
        }
    }

    @Override
    public double step(float[] x, float[] y, int batch) {
        int f = x.length / batch;
        int c = y.length / batch;
        INDArray xa = Nd4j.create(x, new long[] {batch, f}, 'c');
        INDArray ya = Nd4j.create(y, new long[] {batch, c}, 'c');
        network().fit(xa, ya);
        // free the batch now: left to the garbage collector, off-heap buffers pile up round after round
        xa.close();
        ya.close();
        if (mask != null) {
            net.params().muli(mask);
        }
        return net.score();
    }

    @Override
    public float[] params() {
        return network().params().toFloatVector();
    }

    @Override
    public EvalSet.Result evaluate(EvalSet set) {
        return set.evaluate(network());
    }

    @Override
    public boolean hasBatchNorm() {
        return network().hasBatchNorm();
    }

    @Override
    public void recomputeBatchNorm(BatchNormStats.Batches batches) {
        BatchNormStats.recompute(network(), batches);
    }

    @Override
    public void close() {
        if (net != null) {
            net.close();
            net = null;
        }
        if (mask != null) {
            mask.close();
            mask = null;
        }
    }

    private static void setFlat(Net n, float[] params) {
        INDArray a = Nd4j.createFromArray(params);
        n.setParams(a);
        a.close();
    }
}
