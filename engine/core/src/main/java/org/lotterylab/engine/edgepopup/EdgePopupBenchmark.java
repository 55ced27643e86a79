package org.lotterylab.engine.edgepopup;

import java.util.Arrays;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lotterylab.api.spec.InitKind;
import org.lotterylab.api.spec.ModelKind;
import org.lotterylab.api.spec.OptimizerKind;
import org.lotterylab.engine.Backend;
import org.lotterylab.engine.data.ImageDataset;
import org.lotterylab.engine.model.InputShape;
import org.lotterylab.engine.model.Initializer;
import org.lotterylab.engine.model.ModelFactory;
import org.lotterylab.engine.model.ParamLayout;
import org.lotterylab.engine.train.BatchStream;
import org.lotterylab.engine.train.EvalSet;
import org.lotterylab.engine.train.RunGate;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training throughput of edge-popup next to plain training (Adam, {@code net.fit}) of the same model in the
 * same process, in alternating blocks so that load on the machine affects both alike; medians are reported.
 * Both loops include building the mini-batch; edge-popup's also the selection, score update and weight
 * copy. Evaluations are not timed.
 */
public final class EdgePopupBenchmark {

    private EdgePopupBenchmark() {
    }

    /**
     * Results in examples per second.
     *
     * @param edgePopup      median edge-popup throughput
     * @param plain          median plain training throughput
     * @param edgePopupRuns  every edge-popup block
     * @param plainRuns      every plain block
     * @param scoreMillis    median wall time per edge-popup step spent on scores, selection and mask (outside DL4J)
     * @param scoreCpuMillis the same in CPU time of the training thread (NaN when not measurable)
     * @param backend        backend description
     */
    public record Result(double edgePopup, double plain, double[] edgePopupRuns, double[] plainRuns,
                         double scoreMillis, double scoreCpuMillis, String backend) {
        /**
         * Extra time per step of edge-popup relative to plain training, e.g. 0.25 = 25% longer: the median over
         * the block pairs (each pair ran back to back, so a change in the machine's load affects both alike).
         */
        public double extraCostPerStep() {
            double[] r = new double[edgePopupRuns.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = plainRuns[i] / edgePopupRuns[i] - 1;
            }
            return median(r);
        }
    }

    /** Runs the benchmark for {@code model} on {@code data}'s training images with {@code keep} kept. */
    public static Result run(ImageDataset data, ModelKind model, double keep, int threads, int batch, int iterations,
                             int blocks, Consumer<String> log) {
        String backend = Backend.init(threads).describe();
        InputShape input = new InputShape(data.channels(), data.height(), data.width(), data.numClasses());
        MultiLayerNetwork plain = ModelFactory.build(model, input, OptimizerKind.ADAM, 1.2e-3, 0);
        ParamLayout layout = ModelFactory.layout(plain);
        float[] w0 = Initializer.draw(layout, InitKind.KAIMING_NORMAL, 1);
        plain.setParams(Nd4j.createFromArray(w0));
        MultiLayerNetwork ep = ModelFactory.build(model, input, OptimizerKind.SGD, 0.1, 0);
        // a tiny evaluation set: the trainer evaluates at the start and end of every block (not timed)
        ImageDataset few = new ImageDataset(Arrays.copyOf(data.pixels(), data.featureSize() * 10),
                Arrays.copyOf(data.labels(), 10), 10, data.channels(), data.height(), data.width(), data.numClasses(),
                "benchmark");
        EvalSet tiny = new EvalSet(few);
        EdgePopupTrainer trainer = new EdgePopupTrainer(layout, data, tiny, tiny);
        EdgePopupOptions options = EdgePopupOptions.defaults();
        BatchStream stream = new BatchStream(data, 7);
        int f = data.featureSize();
        int c = data.numClasses();
        float[] x = new float[batch * f];
        float[] y = new float[batch * c];
        int warm = Math.max(50, iterations);
        plainLoop(plain, stream, batch, f, c, x, y, warm);
        edgePopupBlock(trainer, ep, w0, keep, batch, warm, options);
        double[] e = new double[blocks];
        double[] p = new double[blocks];
        double[] s = new double[blocks];
        double[] sc = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            p[b] = plainLoop(plain, stream, batch, f, c, x, y, iterations);
            EdgePopupTrainer.Outcome o = edgePopupBlock(trainer, ep, w0, keep, batch, iterations, options);
            e[b] = o.examplesPerSecond();
            s[b] = o.scoreMillisPerStep();
            sc[b] = o.scoreCpuMillisPerStep();
            log.accept(String.format(java.util.Locale.ROOT, "block %d: plain %.0f ex/s, edge-popup %.0f ex/s "
                    + "(scores, selection and mask: %.3f ms per step, %.3f ms CPU)", b + 1, p[b], e[b], s[b], sc[b]));
        }
        return new Result(median(e), median(p), e, p, median(s), median(sc), backend);
    }

    private static EdgePopupTrainer.Outcome edgePopupBlock(EdgePopupTrainer trainer, MultiLayerNetwork net,
                                                           float[] w0, double keep, int batch, int iterations,
                                                           EdgePopupOptions options) {
        EdgePopupTrainer.Config cfg = new EdgePopupTrainer.Config(keep, batch, iterations, iterations, 3, 4,
                iterations, options);
        return trainer.train(net, w0, cfg, new RunGate(), new EdgePopupTrainer.Callback() { }, "benchmark");
    }

    private static double plainLoop(MultiLayerNetwork net, BatchStream stream, int batch, int f, int c, float[] x,
                                     float[] y, int iterations) {
        long t0 = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            stream.next(batch, x, y);
            net.fit(new DataSet(Nd4j.create(x, new long[] {batch, f}, 'c'), Nd4j.create(y, new long[] {batch, c}, 'c')));
        }
        return iterations * (double) batch / ((System.nanoTime() - t0) / 1e9);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
