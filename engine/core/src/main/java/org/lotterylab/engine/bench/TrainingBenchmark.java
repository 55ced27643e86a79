package org.lotterylab.engine.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.InitKind;
import org.lotterylab.engine.Backend;
import org.lotterylab.engine.data.ImageDataset;
import org.lotterylab.engine.lean.Engines;
import org.lotterylab.engine.lean.LeanMlp;
import org.lotterylab.engine.lean.MlpShape;
import org.lotterylab.engine.lean.Update;
import org.lotterylab.engine.lmc.Interpolation;
import org.lotterylab.engine.model.InputShape;
import org.lotterylab.engine.model.Initializer;
import org.lotterylab.engine.model.ModelFactory;
import org.lotterylab.engine.model.ParamLayout;
import org.lotterylab.engine.prune.Pruner;
import org.lotterylab.engine.train.BatchStream;
import org.lotterylab.engine.train.EvalSet;
import org.lotterylab.engine.train.StepBackend;

/**
 * Measures LeNet-300-100 training throughput (Adam, batches from the engine's {@link BatchStream}) side by
 * side in one run: the lean path masked and unmasked, the DL4J path masked and unmasked, and the GEMM-only
 * limit (the step's GEMMs alone through the same OpenBLAS, same thread count), then the time of a 30-point
 * LMC curve on both paths. Blocks of every kind alternate so drift affects all alike; medians of the blocks
 * are reported.
 */
public final class TrainingBenchmark {

    private TrainingBenchmark() {
    }

    /**
     * Results in examples per second (medians over blocks).
     *
     * @param leanMasked    lean path, masked
     * @param leanUnmasked  lean path, unmasked
     * @param dl4jMasked    DL4J path, masked
     * @param dl4jUnmasked  DL4J path, unmasked
     * @param limit         the step's GEMMs alone
     * @param leanLmcSeconds a 30-point LMC curve (test and training subsets of 1,000 examples each), lean path
     * @param dl4jLmcSeconds the same on the DL4J path
     * @param engine        the default engine (what {@link #masked} and {@link #unmasked} report)
     * @param backend       backend description
     * @param trainings     concurrent trainings of the aggregate figure
     * @param aggregate     examples/s summed over {@code trainings} concurrent masked trainings (default engine)
     */
    public record Result(double leanMasked, double leanUnmasked, double dl4jMasked, double dl4jUnmasked, double limit,
                         double leanLmcSeconds, double dl4jLmcSeconds, String engine, String backend, int trainings,
                         double aggregate) {

        /** Masked throughput of the default engine. */
        public double masked() {
            return Engines.LEAN.equals(engine) ? leanMasked : dl4jMasked;
        }

        /** Unmasked throughput of the default engine. */
        public double unmasked() {
            return Engines.LEAN.equals(engine) ? leanUnmasked : dl4jUnmasked;
        }

        /** Relative cost of masking on the default engine, e.g. 0.01 = 1% slower. */
        public double maskingCost() {
            return 1 - masked() / unmasked();
        }

        /** Lean masked throughput as a fraction of the GEMM-only limit. */
        public double leanShareOfLimit() {
            return leanMasked / limit;
        }

        /**
         * The summary lines, machine-readable {@code name value}: the default engine's masking cost, masked and
         * unmasked throughput, the DL4J masking cost, the lean share of the limit, and last
         * {@code lean_examples_per_s}, {@code dl4j_examples_per_s} and {@code limit_examples_per_s} (all masked
         * training but the limit).
         */
        public java.util.List<String> lines() {
            return java.util.List.of(
                    "engine " + engine,
                    String.format(Locale.ROOT, "masking_cost_percent %.2f", 100 * maskingCost()),
                    String.format(Locale.ROOT, "dl4j_masking_cost_percent %.2f", 100 * (1 - dl4jMasked / dl4jUnmasked)),
                    String.format(Locale.ROOT, "lean_share_of_limit_percent %.1f", 100 * leanShareOfLimit()),
                    String.format(Locale.ROOT, "lmc_curve_30x1000_seconds lean %.3f dl4j %.3f", leanLmcSeconds,
                            dl4jLmcSeconds),
                    String.format(Locale.ROOT, "masked_examples_per_s %.0f", masked()),
                    String.format(Locale.ROOT, "unmasked_examples_per_s %.0f", unmasked()),
                    String.format(Locale.ROOT, "lean_examples_per_s %.0f", leanMasked),
                    String.format(Locale.ROOT, "dl4j_examples_per_s %.0f", dl4jMasked),
                    String.format(Locale.ROOT, "limit_examples_per_s %.0f", limit),
                    String.format(Locale.ROOT, "aggregate_trainings %d", trainings),
                    String.format(Locale.ROOT, "aggregate_examples_per_s %.0f", aggregate));
        }
    }

    /** Runs the benchmark on {@code data} (its training images). */
    public static Result run(ImageDataset data, int threads, int batch, int iterations, int blocks,
                             Consumer<String> log) {
        return run(data, threads, batch, iterations, blocks, Runtime.getRuntime().availableProcessors(), log);
    }

    /**
     * Runs the benchmark; the aggregate figure runs {@code trainings} masked trainings of the default engine
     * at once, each with its own network and data order (the data set shared, read-only).
     */
    public static Result run(ImageDataset data, int threads, int batch, int iterations, int blocks, int trainings,
                             Consumer<String> log) {
        String backend = Backend.init(threads).describe();
        InputShape input = new InputShape(data.channels(), data.height(), data.width(), data.numClasses());
        ExperimentSpec spec = ExperimentSpec.defaults().with("batchSize", Integer.toString(batch));
        ParamLayout layout = ModelFactory.layout(ModelFactory.build(spec.model(), input, spec.optimizer(),
                spec.learningRate(), spec.momentum()));
        float[] theta0 = Initializer.draw(layout, InitKind.GLOROT_NORMAL, 1);
        float[] scores = Initializer.draw(layout, InitKind.GLOROT_NORMAL, 2);
        float[] mask = Pruner.flatMask(layout, Pruner.prune(layout, Pruner.dense(layout), scores, scores, spec, 3));
        String engine = Engines.resolve(spec, layout);
        BatchStream stream = new BatchStream(data, 7);
        float[] x = new float[batch * data.featureSize()];
        float[] y = new float[batch * data.numClasses()];
        int warm = Math.max(50, iterations / 5);
        try (StepBackend lean = Engines.backend(Engines.LEAN, spec, input, layout);
             StepBackend dl4j = Engines.backend(Engines.DL4J, spec, input, layout);
             LeanMlp gemms = new LeanMlp(MlpShape.of(layout), Update.of(ModelFactory.updater(spec.optimizer(),
                     spec.learningRate(), spec.momentum())), batch)) {
            lean.load(theta0);
            dl4j.load(theta0);
            gemms.setParams(theta0);
            StepBackend[] nets = {lean, lean, dl4j, dl4j};
            float[][] masks = {mask, null, mask, null};
            for (int k = 0; k < nets.length; k++) {
                loop(nets[k], masks[k], stream, batch, x, y, warm);
            }
            limit(gemms, batch, warm);
            double[][] runs = new double[5][blocks];
            for (int b = 0; b < blocks; b++) {
                for (int k = 0; k < nets.length; k++) {
                    runs[k][b] = loop(nets[k], masks[k], stream, batch, x, y, iterations);
                }
                runs[4][b] = limit(gemms, batch, iterations);
                log.accept(String.format(Locale.ROOT, "block %d: lean masked %.0f, lean unmasked %.0f, dl4j masked %.0f,"
                        + " dl4j unmasked %.0f, GEMM-only limit %.0f ex/s", b + 1, runs[0][b], runs[1][b], runs[2][b],
                        runs[3][b], runs[4][b]));
            }
            int n = Math.min(1000, data.count() / 2);
            EvalSet a = new EvalSet(data.subset(0, n));
            EvalSet b = new EvalSet(data.subset(n, 2 * n));
            float[] trained = lean.params();
            double leanLmc = lmcSeconds(lean, a, b, trained, theta0);
            double dl4jLmc = lmcSeconds(dl4j, a, b, trained, theta0);
            log.accept(String.format(Locale.ROOT, "LMC curve, 30 points on %d + %d examples: lean %.3f s, dl4j %.3f s", n,
                    n, leanLmc, dl4jLmc));
            double aggregate = aggregate(spec, input, layout, engine, theta0, mask, data, batch, iterations, trainings);
            log.accept(String.format(Locale.ROOT, "%d concurrent masked %s trainings: %.0f ex/s in all", trainings, engine,
                    aggregate));
            return new Result(median(runs[0]), median(runs[1]), median(runs[2]), median(runs[3]), median(runs[4]),
                    leanLmc, dl4jLmc, engine, backend, trainings, aggregate);
        }
    }

    /** Examples/s summed over {@code n} concurrent masked trainings, each on its own thread and backend. */
    private static double aggregate(ExperimentSpec spec, InputShape input, ParamLayout layout, String engine,
                                    float[] theta0, float[] mask, ImageDataset data, int batch, int iterations, int n) {
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(n + 1);
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        for (int i = 0; i < n; i++) {
            long seed = 100 + i;
            Thread t = new Thread(() -> {
                try (StepBackend net = Engines.backend(engine, spec, input, layout)) {
                    net.load(theta0);
                    BatchStream stream = new BatchStream(data, seed);
                    float[] x = new float[batch * data.featureSize()];
                    float[] y = new float[batch * data.numClasses()];
                    loop(net, mask, stream, batch, x, y, Math.max(50, iterations / 5));
                    start.await();
                    loop(net, mask, stream, batch, x, y, iterations);
                } catch (Exception | Error e) {
                    failure.compareAndSet(null, e);
                    start.reset();
                }
            }, "lth-bench-" + i);
            threads.add(t);
            t.start();
        }
        long t0;
        try {
            start.await();
            t0 = System.nanoTime();
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException | java.util.concurrent.BrokenBarrierException e) {
            throw new IllegalStateException("aggregate benchmark interrupted", failure.get() != null ? failure.get() : e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("aggregate benchmark failed", failure.get());
        }
        double s = (System.nanoTime() - t0) / 1e9;
        return n * (double) iterations * batch / s;
    }

    /** Seconds of the fastest of three evaluations of a 30-point path between {@code w1} and {@code w2}. */
    private static double lmcSeconds(StepBackend net, EvalSet test, EvalSet train, float[] w1, float[] w2) {
        Interpolation path = new Interpolation(net, test, train);
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 3; i++) {
            best = Math.min(best, path.evaluate(w1, w2, null, 30, null, null).seconds());
        }
        return best;
    }

    private static double loop(StepBackend net, float[] mask, BatchStream stream, int batch, float[] x, float[] y,
                               int iterations) {
        net.setMask(mask);
        long t0 = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            stream.next(batch, x, y);
            net.step(x, y, batch);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        return iterations * (double) batch / s;
    }

    private static double limit(LeanMlp gemms, int batch, int iterations) {
        long t0 = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            gemms.gemmsOfOneStep(batch);
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
