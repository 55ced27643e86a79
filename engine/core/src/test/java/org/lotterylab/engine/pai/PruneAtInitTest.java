package org.lotterylab.engine.pai;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.spec.InitKind;
import org.lotterylab.api.spec.ModelKind;
import org.lotterylab.api.spec.OptimizerKind;
import org.lotterylab.engine.data.DataSplits;
import org.lotterylab.engine.data.DatasetLocator;
import org.lotterylab.engine.model.InputShape;
import org.lotterylab.engine.model.Initializer;
import org.lotterylab.engine.model.ModelFactory;
import org.lotterylab.engine.model.ParamLayout;
import org.lotterylab.engine.prune.Pruner;
import org.lotterylab.engine.testdata.TinyData;

class PruneAtInitTest {

    @TempDir
    static Path tmp;
    static DataSplits data;
    static InputShape input;
    static ParamLayout layout;
    static float[] theta0;

    @BeforeAll
    static void setUp() throws Exception {
        data = DatasetLocator.locate(TinyData.write(tmp.resolve("tiny"), 200, 5).toString());
        input = new InputShape(1, 28, 28, 10);
        layout = ModelFactory.layout(net().get());
        theta0 = Initializer.draw(layout, InitKind.GLOROT_NORMAL, 42);
    }

    static Supplier<MultiLayerNetwork> net() {
        return () -> ModelFactory.build(ModelKind.MLP_SMALL, input, OptimizerKind.ADAM, 1e-3, 0);
    }

    static PruneAtInit pai() {
        return new PruneAtInit(layout, theta0, net(), data.train(), 20, 7);
    }

    @Test
    void everyMethodKeepsExactlyTheRequestedTotal() {
        PruneAtInit pai = pai();
        long total = layout.prunableWeights();
        for (SaliencyMethod m : SaliencyMethod.values()) {
            for (long keep : new long[] {total, total / 5, 100}) {
                boolean[][] mask = pai.mask(m, keep);
                assertEquals(keep, java.util.Arrays.stream(Pruner.counts(mask)).asLongStream().sum(),
                        m + " keeping " + keep);
            }
        }
    }

    @Test
    void magnitudeAtInitKeepsTheLargestInitialWeightsGlobally() {
        long keep = layout.prunableWeights() / 10;
        boolean[][] mask = pai().mask(SaliencyMethod.MAGNITUDE_AT_INIT, keep);
        float smallestKept = Float.MAX_VALUE;
        float largestPruned = 0;
        for (int l = 0; l < layout.size(); l++) {
            int off = (int) layout.offset(l);
            for (int i = 0; i < mask[l].length; i++) {
                float a = Math.abs(theta0[off + i]);
                if (mask[l][i]) {
                    smallestKept = Math.min(smallestKept, a);
                } else {
                    largestPruned = Math.max(largestPruned, a);
                }
            }
        }
        assertTrue(smallestKept >= largestPruned, smallestKept + " < " + largestPruned);
    }

    @Test
    void sameInputsGiveTheSameMasksAndMethodsDiffer() {
        long keep = layout.prunableWeights() / 10;
        for (SaliencyMethod m : SaliencyMethod.values()) {
            assertTrue(java.util.Arrays.deepEquals(pai().mask(m, keep), pai().mask(m, keep)), m + " not deterministic");
        }
        boolean[][] snip = pai().mask(SaliencyMethod.SNIP, keep);
        boolean[][] magnitude = pai().mask(SaliencyMethod.MAGNITUDE_AT_INIT, keep);
        boolean[][] grasp = pai().mask(SaliencyMethod.GRASP, keep);
        assertFalse(java.util.Arrays.deepEquals(snip, magnitude));
        assertFalse(java.util.Arrays.deepEquals(snip, grasp));
    }

    @Test
    void synflowPrunesIterativelyAndKeepsEveryLayerAlive() {
        // at 0.2% of the weights a one-shot ranking may empty a layer; SynFlow's iterative
        // conservation of synaptic flow keeps a path through every layer (Tanaka et al. 2020)
        long keep = layout.prunableWeights() / 500;
        boolean[][] mask = pai().mask(SaliencyMethod.SYNFLOW, keep);
        int[] counts = Pruner.counts(mask);
        for (int l = 0; l < counts.length; l++) {
            assertTrue(counts[l] > 0, "layer " + layout.layers().get(l).name() + " collapsed");
        }
        // and the iteration matters: a single SynFlow step at the final target ranks differently
        double[][] once = Saliency.synflow(net().get(), layout, theta0, Pruner.dense(layout));
        assertFalse(java.util.Arrays.deepEquals(GlobalTopK.keep(once, keep), mask));
        assertArrayEquals(counts, Pruner.counts(pai().mask(SaliencyMethod.SYNFLOW, keep)));
    }
}
