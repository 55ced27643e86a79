package org.lotterylab.engine.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.LayerKind;
import org.lotterylab.engine.model.ParamLayout;

class PrunerTest {

    /** Two layers: fc1 (4x5 = 20 weights) at offset 0, a bias of 4, output (2x4 = 8) at offset 24, bias 2. */
    private static final ParamLayout LAYOUT = new ParamLayout(List.of(
            new LayerInfo("fc1", LayerKind.HIDDEN, new int[] {4, 5}),
            new LayerInfo("output", LayerKind.OUTPUT, new int[] {2, 4})), new long[] {0, 24}, 34);

    private static float[] params() {
        float[] p = new float[34];
        for (int i = 0; i < 20; i++) {
            p[i] = (i % 2 == 0 ? -1 : 1) * (i + 1) / 10f; // |w| grows with index, signs alternate
        }
        for (int i = 20; i < 24; i++) {
            p[i] = 0.001f; // biases: tiny, but never pruned
        }
        for (int i = 24; i < 32; i++) {
            p[i] = (i - 23) / 10f;
        }
        return p;
    }

    @Test
    void layerwiseKeepsTheLargestMagnitudesPerScheduleAndNeverTouchesBiases() {
        ExperimentSpec spec = ExperimentSpec.defaults().with(Map.of("hiddenRate", "0.5", "outputRate", "0.25"));
        boolean[][] m = Pruner.prune(LAYOUT, Pruner.dense(LAYOUT), params(), params(), spec, 1);
        assertEquals(10, Pruner.counts(m)[0]);
        assertEquals(6, Pruner.counts(m)[1]);
        for (int j = 0; j < 20; j++) {
            assertEquals(j >= 10, m[0][j], "fc1 weight " + j + " (negative weights are ranked by |w|)");
        }
        float[] flat = Pruner.flatMask(LAYOUT, m);
        for (int j = 20; j < 24; j++) {
            assertEquals(1f, flat[j], "bias entries of the flat mask are always 1");
        }
        boolean[][] m2 = Pruner.prune(LAYOUT, m, params(), params(), spec, 2);
        assertEquals(5, Pruner.counts(m2)[0], "round 2 keeps round(20 * 0.5^2)");
        assertEquals(5, Pruner.counts(m2)[1], "round 2 keeps round(8 * 0.75^2) = round(4.5)");
    }

    @Test
    void tiesAreBrokenByIndexSoMasksAreDeterministic() {
        float[] p = new float[34];
        java.util.Arrays.fill(p, 0.5f);
        ExperimentSpec spec = ExperimentSpec.defaults().with("hiddenRate", "0.5");
        boolean[][] m = Pruner.prune(LAYOUT, Pruner.dense(LAYOUT), p, p, spec, 1);
        for (int j = 0; j < 20; j++) {
            assertEquals(j < 10, m[0][j]);
        }
    }

    @Test
    void globalPruningIgnoresTheOutputLayer() {
        ExperimentSpec spec = ExperimentSpec.defaults().with(Map.of("pruning", "global", "globalRate", "0.5"));
        boolean[][] m = Pruner.prune(LAYOUT, Pruner.dense(LAYOUT), params(), params(), spec, 1);
        assertEquals(10, Pruner.counts(m)[0]);
        assertEquals(8, Pruner.counts(m)[1]);
        ExperimentSpec all = spec.with("globalIgnore", "");
        boolean[][] g = Pruner.prune(LAYOUT, Pruner.dense(LAYOUT), params(), params(), all, 1);
        assertEquals(14, Pruner.counts(g)[0] + Pruner.counts(g)[1]);
    }

    @Test
    void globalPruningRanksAllLayersTogetherAndSplitsPerLayerByMagnitude() {
        float[] p = params();
        for (int i = 0; i < 8; i++) {
            p[24 + i] = 1.5f + 0.1f * i; // output |w| 1.5 .. 2.2 against fc1's 0.1 .. 2.0
        }
        ExperimentSpec spec = ExperimentSpec.defaults().with(Map.of("pruning", "global", "globalRate", "0.5",
                "globalIgnore", ""));
        boolean[][] m = Pruner.prune(LAYOUT, Pruner.dense(LAYOUT), p, p, spec, 1);
        // the 14 largest of all 28: fc1 1.5 .. 2.0 (indices 14..19) and all of output; layerwise would be 10 / 4
        assertArrayEquals(new int[] {6, 8}, Pruner.counts(m));
        for (int j = 0; j < 20; j++) {
            assertEquals(j >= 14, m[0][j], "fc1 weight " + j);
        }
        // round 2 continues from the round-1 mask: 7 of the 14 survivors, again the largest overall
        // (2.2, 2.1, 2.0, 1.9 of output; 2.0, 1.9, 1.8 of fc1); layerwise would be 5 / 2
        boolean[][] m2 = Pruner.prune(LAYOUT, m, p, p, spec, 2);
        assertArrayEquals(new int[] {3, 4}, Pruner.counts(m2));
        for (int j = 0; j < 8; j++) {
            assertEquals(j >= 4, m2[1][j], "output weight " + j);
        }
    }

    @Test
    void magnitudeIncreaseRanksByGrowth() {
        float[] init = params();
        float[] trained = params();
        trained[0] = 5f; // smallest at init, grew the most
        ExperimentSpec spec = ExperimentSpec.defaults().with(Map.of("hiddenRate", "0.95", "maskCriterion",
                "magnitude-increase"));
        boolean[][] m = Pruner.prune(LAYOUT, Pruner.dense(LAYOUT), trained, init, spec, 1);
        assertEquals(1, Pruner.counts(m)[0]);
        assertTrue(m[0][0]);
    }

    @Test
    void randomMasksHaveExactCountsAndDependOnTheSeed() {
        boolean[][] a = Pruner.random(LAYOUT, new int[] {7, 3}, 11);
        assertArrayEquals(new int[] {7, 3}, Pruner.counts(a));
        boolean[][] b = Pruner.random(LAYOUT, new int[] {7, 3}, 11);
        assertTrue(java.util.Arrays.deepEquals(a, b));
        boolean[][] c = Pruner.random(LAYOUT, new int[] {7, 3}, 12);
        assertFalse(java.util.Arrays.deepEquals(a, c));
    }

    @Test
    void flatMaskIsZeroExactlyAtPrunedWeightsAndOneElsewhere() {
        boolean[][] m = Pruner.dense(LAYOUT);
        m[0][3] = false;
        m[1][7] = false;
        float[] flat = Pruner.flatMask(LAYOUT, m);
        assertEquals(34, flat.length);
        for (int j = 0; j < 34; j++) {
            assertEquals(j == 3 || j == 24 + 7 ? 0f : 1f, flat[j], 0f, "entry " + j);
        }
        assertEquals(26.0 / 28, Pruner.fractionRemaining(m), 1e-12);
        assertEquals(1.0, Pruner.fractionRemaining(new boolean[0][]), 0.0);
        var sums = Pruner.summaries(LAYOUT, m);
        assertEquals(new org.lotterylab.api.mask.LayerSummary("fc1", 20, 19), sums.get(0));
        assertEquals(new org.lotterylab.api.mask.LayerSummary("output", 8, 7), sums.get(1));
    }

    @Test
    void globalIgnoreByLayerNameAndLayerTargets() {
        ExperimentSpec spec = ExperimentSpec.defaults().with(Map.of("pruning", "global", "globalRate", "0.5",
                "model", "mlp-small", "globalIgnore", "fc1"));
        boolean[][] m = Pruner.prune(LAYOUT, Pruner.dense(LAYOUT), params(), params(), spec, 1);
        assertArrayEquals(new int[] {20, 4}, Pruner.counts(m), "fc1 ignored by name, output halved");
        assertArrayEquals(new int[] {20, -1}, Pruner.layerTargets(LAYOUT, spec, 1));
        assertEquals(4, Pruner.globalTarget(LAYOUT, spec, 1));
        ExperimentSpec lw = ExperimentSpec.defaults().with(Map.of("hiddenRate", "0.5", "outputRate", "0.25"));
        assertArrayEquals(new int[] {5, 5}, Pruner.layerTargets(LAYOUT, lw, 2));
    }

    @Test
    void aRateOfZeroKeepsEverythingAndAFullRandomMaskIsDense() {
        ExperimentSpec spec = ExperimentSpec.defaults().with(Map.of("hiddenRate", "0", "outputRate", "0"));
        boolean[][] m = Pruner.prune(LAYOUT, Pruner.dense(LAYOUT), params(), params(), spec, 3);
        assertArrayEquals(new int[] {20, 8}, Pruner.counts(m));
        boolean[][] r = Pruner.random(LAYOUT, new int[] {20, 8}, 3);
        assertTrue(java.util.Arrays.deepEquals(Pruner.dense(LAYOUT), r));
        assertThrows(IllegalStateException.class, () -> Pruner.keepTop(new float[][] {{1f, 2f}},
                new boolean[][] {{true, false}}, 2), "cannot keep more than remain");
    }

    @Test
    void magnitudeIncreaseRanksShrinkingWeightsBelowGrowingOnes() {
        float[] init = new float[34];
        float[] trained = new float[34];
        for (int j = 0; j < 20; j++) {
            init[j] = 2f - j / 20f; // |w_final| is 1.5 for every weight: only the growth ranks them
            trained[j] = init[j] + (j - 10) / 20f; // growth -0.5 .. +0.45: negative scores for j < 10
        }
        ExperimentSpec spec = ExperimentSpec.defaults().with(Map.of("hiddenRate", "0.75", "maskCriterion",
                "magnitude-increase"));
        boolean[][] m = Pruner.prune(LAYOUT, Pruner.dense(LAYOUT), trained, init, spec, 1);
        for (int j = 0; j < 20; j++) {
            assertEquals(j >= 15, m[0][j], "weight " + j);
        }
        ExperimentSpec shrink = spec.with("hiddenRate", "0.25");
        boolean[][] s = Pruner.prune(LAYOUT, Pruner.dense(LAYOUT), trained, init, shrink, 1);
        for (int j = 0; j < 20; j++) {
            assertEquals(j >= 5, s[0][j], "among shrinking weights the least shrunk survive: weight " + j);
        }
    }

    @Test
    void tensorsMasksAndBiasesRoundTripAndRejectMismatches() {
        ParamLayout withBiases = new ParamLayout(LAYOUT.layers(), new long[] {0, 24}, 34, new long[] {20, 32});
        float[] p = params();
        p[32] = 7f;
        p[33] = -7f;
        var t = Pruner.tensors(withBiases, p);
        assertEquals(List.of("fc1", "output"), t.stream().map(org.lotterylab.api.mask.Tensor::name).toList());
        assertArrayEquals(java.util.Arrays.copyOfRange(p, 24, 32), t.get(1).data());
        var b = Pruner.biases(withBiases, p);
        assertEquals(List.of("fc1.bias", "output.bias"), b.stream().map(org.lotterylab.api.mask.Tensor::name).toList());
        assertArrayEquals(new float[] {0.001f, 0.001f, 0.001f, 0.001f}, b.get(0).data());
        assertArrayEquals(new float[] {7f, -7f}, b.get(1).data());
        float[] q = new float[34];
        Pruner.writeTensors(withBiases, t, q);
        Pruner.writeBiases(withBiases, b, q);
        assertArrayEquals(p, q);
        assertEquals(List.of(), Pruner.biases(LAYOUT, p), "a layout without bias positions has none to give");
        assertThrows(IllegalArgumentException.class, () -> Pruner.writeTensors(withBiases, List.of(t.get(1), t.get(0)),
                q));
        assertThrows(IllegalArgumentException.class, () -> Pruner.writeBiases(withBiases, List.of(b.get(1), b.get(0)),
                q));

        boolean[][] m = Pruner.random(LAYOUT, new int[] {5, 3}, 4);
        var masks = Pruner.toMasks(LAYOUT, m);
        assertEquals(5, masks.get(0).kept());
        assertTrue(java.util.Arrays.deepEquals(m, Pruner.fromMasks(LAYOUT, masks)));
        assertThrows(IllegalArgumentException.class, () -> Pruner.fromMasks(LAYOUT, List.of(masks.get(0))));
        assertThrows(IllegalArgumentException.class, () -> Pruner.fromMasks(LAYOUT, List.of(masks.get(1),
                masks.get(0))));
    }
}
