package org.lotterylab.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.InitKind;
import org.lotterylab.api.spec.ModelKind;
import org.lotterylab.api.spec.OptimizerKind;
import org.lotterylab.engine.data.ImageDataset;
import org.lotterylab.engine.model.InputShape;
import org.lotterylab.engine.model.Initializer;
import org.lotterylab.engine.model.ModelFactory;
import org.lotterylab.engine.model.ParamLayout;
import org.lotterylab.engine.lean.Engines;

/** The one training loop, on both step backends (lean and DL4J). */
class TrainerTest {

    private static StepBackend backend(String engine, OptimizerKind optimizer, double lr) {
        ExperimentSpec spec = ExperimentSpec.defaults().with(java.util.Map.of("model", "mlp-small", "optimizer",
                optimizer.id(), "learningRate", Double.toString(lr), "batchSize", "20"));
        InputShape input = new InputShape(1, 28, 28, 10);
        return Engines.backend(engine, spec, input, layout());
    }

    private static ParamLayout layout() {
        return ModelFactory.layout(ModelFactory.build(ModelKind.MLP_SMALL, new InputShape(1, 28, 28, 10),
                OptimizerKind.SGD, 0.1, 0));
    }

    private static ImageDataset data(int n, float scale) {
        float[] px = new float[n * 784];
        int[] labels = new int[n];
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            for (int j = 0; j < 784; j++) {
                px[i * 784 + j] = (j % 10 == labels[i] ? 1f : r.nextFloat() * 0.2f) * scale;
            }
        }
        return new ImageDataset(px, labels, n, 1, 28, 28, 10, "synthetic");
    }

    @ParameterizedTest(name = "engine {0}")
    @ValueSource(strings = {"lean", "dl4j"})
    void divergingTrainingStopsWithAClearMessage(String engine) {
        ImageDataset d = data(100, 1e30f);
        Trainer t = new Trainer(d, new EvalSet(d), new EvalSet(d));
        StepBackend net = backend(engine, OptimizerKind.SGD, 0.1);
        ParamLayout layout = layout();
        float[] start = Initializer.draw(layout, InitKind.GLOROT_NORMAL, 1);
        DivergedException e = assertThrows(DivergedException.class, () -> t.train(net, start, null,
                new Trainer.Config(10, 20, 5, -1, 1, 1), new RunGate(), noop(), "round 2 of ticket"));
        assertTrue(e.getMessage().contains("diverged") && e.getMessage().contains("round 2 of ticket"), e.getMessage());
    }

    @ParameterizedTest(name = "engine {0}")
    @ValueSource(strings = {"lean", "dl4j"})
    void earlyStoppingPicksTheMinimumValidationLossAndLearningHappens(String engine) {
        ImageDataset d = data(300, 1f);
        Trainer t = new Trainer(d, new EvalSet(d.subset(0, 100)), new EvalSet(d.subset(100, 200)));
        StepBackend net = backend(engine, OptimizerKind.ADAM, 1e-3);
        float[] start = Initializer.draw(layout(), InitKind.GLOROT_NORMAL, 1);
        Trainer.Outcome o = t.train(net, start, null, new Trainer.Config(20, 60, 10, 0, 1, 10), new RunGate(), noop(),
                "test");
        List<MetricPoint> m = o.metrics();
        assertEquals(7, m.size(), "evaluated at 0, 10, ..., 60");
        MetricPoint best = m.stream().min((a, b) -> Double.compare(a.valLoss(), b.valLoss())).orElseThrow();
        assertEquals(best.iteration(), o.earlyStopIteration());
        assertEquals(best.testAccuracy(), o.earlyStopTestAccuracy(), 0.0);
        assertTrue(o.finalTestAccuracy() > 0.5, "learns the synthetic task: " + o.finalTestAccuracy());
        assertTrue(Arrays.equals(start, o.snapshot()), "snapshot at 0 is the start");
    }

    @ParameterizedTest(name = "engine {0}")
    @ValueSource(strings = {"lean", "dl4j"})
    void aRunStartingAtKTrainsKPlus1ToTOnTheDenseRunsAxis(String engine) {
        ImageDataset d = data(300, 1f);
        Trainer t = new Trainer(d, new EvalSet(d.subset(0, 100)), new EvalSet(d.subset(100, 200)));
        StepBackend net = backend(engine, OptimizerKind.ADAM, 1e-3);
        float[] start = Initializer.draw(layout(), InitKind.GLOROT_NORMAL, 1);
        int[] steps = new int[3];
        Trainer.Callback cb = new Trainer.Callback() {
            @Override
            public void progress(int iteration, double loss, double eps) {
            }

            @Override
            public void evaluation(MetricPoint point) {
            }

            @Override
            public void afterStep(int iteration, StepBackend params) {
                steps[0]++;
                steps[1] = steps[1] == 0 ? iteration : steps[1];
                steps[2] = iteration;
            }

            @Override
            public boolean wantsSteps() {
                return true;
            }
        };
        Trainer.Outcome o = t.train(net, start, null, new Trainer.Config(20, 60, 10, 25, 1, 10, 25), new RunGate(), cb,
                "rewound");
        assertEquals(35, steps[0], "T - k = 60 - 25 optimiser steps");
        assertEquals(26, steps[1], "the first step is iteration k + 1");
        assertEquals(60, steps[2], "the last step is iteration T");
        List<Integer> its = o.metrics().stream().map(MetricPoint::iteration).toList();
        assertEquals(List.of(25, 30, 40, 50, 60), its, "first evaluation labelled k, then the multiples of 10");
        assertTrue(o.earlyStopIteration() >= 25 && o.earlyStopIteration() <= 60, "" + o.earlyStopIteration());
        assertTrue(Arrays.equals(start, o.snapshot()), "a snapshot at the start iteration is the start");
        assertThrows(IllegalArgumentException.class, () -> new Trainer.Config(20, 60, 10, -1, 1, 10, 61));
    }

    @ParameterizedTest(name = "engine {0}")
    @ValueSource(strings = {"lean", "dl4j"})
    void cancelStopsBetweenIterations(String engine) {
        ImageDataset d = data(100, 1f);
        Trainer t = new Trainer(d, new EvalSet(d), new EvalSet(d));
        StepBackend net = backend(engine, OptimizerKind.ADAM, 1e-3);
        float[] start = Initializer.draw(layout(), InitKind.GLOROT_NORMAL, 1);
        RunGate gate = new RunGate();
        int[] seen = new int[1];
        Trainer.Callback cb = new Trainer.Callback() {
            @Override
            public void progress(int iteration, double loss, double eps) {
                seen[0] = iteration;
                if (iteration == 5) {
                    gate.cancel();
                }
            }

            @Override
            public void evaluation(MetricPoint p) {
            }
        };
        assertThrows(RunGate.CancelledException.class, () -> t.train(net, start, null,
                new Trainer.Config(10, 1000, 100, -1, 1, 1), gate, cb, "test"));
        assertEquals(5, seen[0]);
    }

    @ParameterizedTest(name = "engine {0}")
    @ValueSource(strings = {"lean", "dl4j"})
    void pauseHoldsTrainingBetweenIterationsAndResumeContinues(String engine) throws Exception {
        ImageDataset d = data(100, 1f);
        Trainer t = new Trainer(d, new EvalSet(d), new EvalSet(d));
        StepBackend net = backend(engine, OptimizerKind.ADAM, 1e-3);
        float[] start = Initializer.draw(layout(), InitKind.GLOROT_NORMAL, 1);
        RunGate gate = new RunGate();
        java.util.concurrent.atomic.AtomicInteger last = new java.util.concurrent.atomic.AtomicInteger();
        Trainer.Callback cb = new Trainer.Callback() {
            @Override
            public void progress(int iteration, double loss, double eps) {
                last.set(iteration);
                if (iteration == 10) {
                    gate.pause();
                }
            }

            @Override
            public void evaluation(MetricPoint p) {
            }
        };
        Thread th = new Thread(() -> t.train(net, start, null, new Trainer.Config(10, 40, 40, -1, 1, 1), gate, cb, "t"));
        th.start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (last.get() < 10 && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(300);
        assertEquals(10, last.get(), "no step while paused");
        assertTrue(gate.isPaused());
        gate.resume();
        th.join(30_000);
        assertEquals(40, last.get(), "resumed to the end");
    }

    private static Trainer.Callback noop() {
        return new Trainer.Callback() {
            @Override
            public void progress(int iteration, double loss, double eps) {
            }

            @Override
            public void evaluation(MetricPoint p) {
            }
        };
    }
}
