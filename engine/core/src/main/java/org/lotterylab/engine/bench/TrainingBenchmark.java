package org.lotterylab.engine.bench;

import java.util.Arrays;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.InitKind;
import org.lotterylab.api.spec.ModelKind;
import org.lotterylab.api.spec.OptimizerKind;
import org.lotterylab.engine.Backend;
import org.lotterylab.engine.data.ImageDataset;
import org.lotterylab.engine.model.InputShape;
import org.lotterylab.engine.model.Initializer;
import org.lotterylab.engine.model.ModelFactory;
import org.lotterylab.engine.model.ParamLayout;
import org.lotterylab.engine.prune.Pruner;
import org.lotterylab.engine.train.BatchStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures LeNet-300-100 training throughput (Adam, the engine's batch loop) with and without the
 * per-step parameter mask. Masked and unmasked blocks alternate so drift affects both alike; the median
 * of the blocks is reported.
 */
public final class TrainingBenchmark {

    private TrainingBenchmark() {
    }

    /**
     * Results in examples per second.
     *
     * @param masked      median masked throughput
     * @param unmasked    median unmasked throughput
     * @param maskedRuns  every masked block
     * @param unmaskedRuns every unmasked block
     * @param backend     backend description
     */
    public record Result(double masked, double unmasked, double[] maskedRuns, double[] unmaskedRuns, String backend) {

        /** Relative cost of masking, e.g. 0.01 = 1% slower. */
        public double maskingCost() {
            return 1 - masked / unmasked;
        }
    }

    /** Runs the benchmark on {@code data} (its training images). */
    public static Result run(ImageDataset data, int threads, int batch, int iterations, int blocks,
                             Consumer<String> log) {
        String backend = Backend.init(threads).describe();
        InputShape input = new InputShape(data.channels(), data.height(), data.width(), data.numClasses());
        MultiLayerNetwork net = ModelFactory.build(ModelKind.LENET_300_100, input, OptimizerKind.ADAM, 1.2e-3, 0);
        ParamLayout layout = ModelFactory.layout(net);
        net.setParams(Nd4j.createFromArray(Initializer.draw(layout, InitKind.GLOROT_NORMAL, 1)));
        ExperimentSpec spec = ExperimentSpec.defaults();
        float[] scores = Initializer.draw(layout, InitKind.GLOROT_NORMAL, 2);
        boolean[][] mask = Pruner.prune(layout, Pruner.dense(layout), scores, scores, spec, 3);
        INDArray flatMask = Nd4j.createFromArray(Pruner.flatMask(layout, mask));
        BatchStream stream = new BatchStream(data, 7);
        int f = data.featureSize();
        int c = data.numClasses();
        float[] x = new float[batch * f];
        float[] y = new float[batch * c];
        // warm-up
        loop(net, stream, batch, f, c, x, y, Math.max(50, iterations / 5), flatMask);
        loop(net, stream, batch, f, c, x, y, Math.max(50, iterations / 5), null);
        double[] m = new double[blocks];
        double[] u = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            u[b] = loop(net, stream, batch, f, c, x, y, iterations, null);
            m[b] = loop(net, stream, batch, f, c, x, y, iterations, flatMask);
            log.accept(String.format(java.util.Locale.ROOT, "block %d: unmasked %.0f ex/s, masked %.0f ex/s", b + 1, u[b],
                    m[b]));
        }
        return new Result(median(m), median(u), m, u, backend);
    }

    private static double loop(MultiLayerNetwork net, BatchStream stream, int batch, int f, int c, float[] x, float[] y,
                               int iterations, INDArray mask) {
        INDArray params = net.params();
        long t0 = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            stream.next(batch, x, y);
            net.fit(new DataSet(Nd4j.create(x, new long[] {batch, f}, 'c'), Nd4j.create(y, new long[] {batch, c}, 'c')));
            if (mask != null) {
                params.muli(mask);
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        return iterations * (double) batch / s;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
