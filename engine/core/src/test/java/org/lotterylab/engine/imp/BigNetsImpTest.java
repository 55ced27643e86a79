package org.lotterylab.engine.imp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.PruningSchedule;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.ModelKind;
import org.lotterylab.api.spec.PruningStyle;
import org.lotterylab.api.store.Npz;
import org.lotterylab.api.store.RunLayout;
import org.lotterylab.engine.model.BatchNormSlot;
import org.lotterylab.engine.model.InputShape;
import org.lotterylab.engine.model.ModelFactory;
import org.lotterylab.engine.model.Net;
import org.lotterylab.engine.model.ParamLayout;
import org.lotterylab.engine.testdata.TinyCifar;

/**
 * A tiny IMP run of ResNet-20 and of VGG-16 on generated CIFAR-10 files (36 training, 4 validation, 20 test
 * images; batch 2, rewinding to k = 1; ResNet-20 4 iterations and 2 rounds, VGG-16 3 and 1): masks stored
 * with the global schedule (open_lth's default for these models), pruned weights exactly zero after every
 * step, batch norm never masked, rewound weights equal to theta_k bit for bit.
 */
class BigNetsImpTest {

    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void data() throws Exception {
        data = TinyCifar.write(tmp.resolve("cifar"), 40, 20, 5);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"resnet-20", "vgg-16"})
    void tinyRunStoresGlobalMasksKeepsBatchNormAndRewindsToThetaK(String model) throws Exception {
        // VGG-16 has 14.7M parameters: one round of 3 - 1 steps keeps it to a few seconds' worth of steps
        int rounds = model.equals("vgg-16") ? 1 : 2;
        int iterations = model.equals("vgg-16") ? 3 : 4;
        ExperimentSpec spec = ExperimentSpec.defaults().with(Map.ofEntries(Map.entry("name", "big"),
                Map.entry("dataset", data.toString()), Map.entry("model", model), Map.entry("init", "kaiming-normal"),
                Map.entry("optimizer", "sgd"), Map.entry("momentum", "0.9"), Map.entry("learningRate", "0.05"),
                Map.entry("batchSize", "2"), Map.entry("iterations", "" + iterations),
                Map.entry("evalInterval", "" + iterations), Map.entry("rounds", "" + rounds),
                Map.entry("globalRate", "0.5"), Map.entry("rewindIteration", "1"),
                Map.entry("normalize", "train"), Map.entry("branches", "ticket")));
        assertEquals(PruningStyle.GLOBAL, spec.pruning(), "global pruning by default, as open_lth");
        ModelKind kind = spec.model();
        ParamLayout layout;
        try (Net n = ModelFactory.create(kind, new InputShape(3, 32, 32, 10), spec.optimizer(), 0.1, 0.9)) {
            layout = n.layout();
        }
        AtomicInteger steps = new AtomicInteger();
        AtomicReference<String> violation = new AtomicReference<>();
        List<float[]> ticketStarts = Collections.synchronizedList(new ArrayList<>());
        StepObserver obs = new StepObserver() {
            @Override
            public void beforeFirstStep(Branch b, int round, float[] params, boolean[][] mask) {
                if (round > 0) {
                    ticketStarts.add(params);
                }
            }

            @Override
            public void afterStep(Branch b, int round, int it, float[] p, boolean[][] mask) {
                steps.incrementAndGet();
                for (int l = 0; l < mask.length; l++) {
                    int off = (int) layout.offset(l);
                    for (int j = 0; j < mask[l].length; j++) {
                        if (!mask[l][j] && p[off + j] != 0f) {
                            violation.compareAndSet(null, "round " + round + " it " + it + " layer " + l + " weight " + j
                                    + " = " + p[off + j]);
                        }
                    }
                }
                for (BatchNormSlot bn : layout.batchNorms()) {
                    for (int c = 0; c < bn.channels(); c++) {
                        if (p[(int) bn.gammaOffset() + c] == 0f || !(p[(int) bn.varOffset() + c] > 0f)) {
                            violation.compareAndSet(null, bn.name() + " channel " + c + " zeroed in round " + round);
                        }
                    }
                }
            }
        };
        Path out = tmp.resolve("run-" + model);
        List<RunEvent> events = ImpRunnerTest.run(new ImpRunner(2, obs), spec, out);
        assertNull(violation.get());
        assertEquals(iterations + rounds * (iterations - 1), steps.get(), "every step observed: dense T, rounds T - k");
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.RunFinished), "the run finished");

        RunLayout files = new RunLayout(RunLayout.runDir(out, spec));
        float[] thetaK = Npz.readArrays(files.thetaKParams()).get(0).asFloats();
        assertEquals(layout.totalParams(), thetaK.length, "theta_k holds every parameter, batch norm included");
        boolean outputIgnored = kind == ModelKind.VGG_16;
        long prunable = layout.prunableWeights() - (outputIgnored ? layout.layers().get(layout.size() - 1).size() : 0);
        for (int r = 1; r <= rounds; r++) {
            List<Mask> masks = Npz.readMasks(files.masks(Branch.TICKET, r));
            assertEquals(kind.layerNames(), masks.stream().map(Mask::name).toList());
            long kept = 0;
            for (int l = 0; l < masks.size(); l++) {
                boolean output = l == masks.size() - 1;
                if (output && outputIgnored) {
                    assertEquals(masks.get(l).size(), masks.get(l).kept(), "vgg-16 never prunes its output layer");
                } else {
                    kept += masks.get(l).kept();
                }
            }
            assertEquals(PruningSchedule.keptAfter(Math.toIntExact(prunable), 0.5, r), kept, "global target, round " + r);
            // the ticket restarts at theta_k: kept weights, biases and batch norm bit for bit, pruned weights zero
            float[] start = ticketStarts.get(r - 1);
            boolean[] prunedAt = new boolean[start.length];
            for (int l = 0; l < masks.size(); l++) {
                int off = (int) layout.offset(l);
                for (int j = 0; j < masks.get(l).size(); j++) {
                    prunedAt[off + j] = !masks.get(l).keep()[j];
                }
            }
            for (int j = 0; j < start.length; j++) {
                if (prunedAt[j]) {
                    assertEquals(0f, start[j], 0f, "pruned entry " + j);
                } else {
                    assertEquals(Float.floatToIntBits(thetaK[j]), Float.floatToIntBits(start[j]), "round " + r + " entry " + j);
                }
            }
            List<Tensor> w = Npz.readWeights(files.weightsFinal(Branch.TICKET, r));
            for (int l = 0; l < w.size(); l++) {
                for (int j = 0; j < w.get(l).size(); j++) {
                    if (!masks.get(l).keep()[j]) {
                        assertEquals(0f, w.get(l).data()[j], 0f, "stored final weight " + l + "/" + j);
                    }
                }
            }
        }
    }
}
