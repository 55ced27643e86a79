package org.lotterylab.engine.imp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.engine.context.ImpContext;
import org.lotterylab.api.mask.PruningSchedule;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.Npz;
import org.lotterylab.api.store.RunLayout;
import org.lotterylab.engine.model.ParamLayout;
import org.lotterylab.engine.prune.Pruner;
import org.lotterylab.engine.testdata.TinyData;

/**
 * Pins what each control of an IMP run is, by watching the start of every round of a real run: random re-init,
 * same-sign re-init, random pruning and one-shot are each compared with their definition, not only with the
 * ticket. Rewinding to k = 5 makes theta_k differ from theta_0, so "from theta_0" and "from theta_k" differ.
 */
class ControlsTest {

    @TempDir
    static Path tmp;
    static ExperimentSpec spec;
    static ImpContext ctx;
    static RunLayout run;
    /** branch/round -> [masked start params, mask as flat 0/1]. */
    static final Map<String, float[]> starts = new ConcurrentHashMap<>();
    static final Map<String, boolean[][]> masks = new ConcurrentHashMap<>();

    @BeforeAll
    static void runAllControls() throws Exception {
        Path data = TinyData.write(tmp.resolve("tiny"), 400, 3);
        spec = ExperimentSpec.defaults().with(Map.ofEntries(Map.entry("name", "c"),
                Map.entry("dataset", data.toString()), Map.entry("model", "mlp-small"), Map.entry("iterations", "16"),
                Map.entry("evalInterval", "8"), Map.entry("batchSize", "20"), Map.entry("rounds", "2"),
                Map.entry("hiddenRate", "0.5"), Map.entry("outputRate", "0.3"), Map.entry("learningRate", "0.01"),
                Map.entry("rewindIteration", "5"),
                Map.entry("branches", "ticket,random-reinit,random-pruning,same-sign-reinit,one-shot")));
        StepObserver obs = new StepObserver() {
            @Override
            public void beforeFirstStep(Branch b, int round, float[] params, boolean[][] mask) {
                starts.put(b.id() + "/" + round, params.clone());
                boolean[][] copy = new boolean[mask.length][];
                for (int i = 0; i < mask.length; i++) {
                    copy[i] = mask[i].clone();
                }
                masks.put(b.id() + "/" + round, copy);
            }
        };
        ImpRunnerTest.run(new ImpRunner(2, obs), spec, tmp.resolve("out"));
        ctx = ImpContext.prepare(spec, null);
        run = new RunLayout(RunLayout.runDir(tmp.resolve("out"), spec));
    }

    private static float[] thetaKParams() throws Exception {
        return Npz.readArrays(run.dir().resolve(ImpExperiment.THETA_K_PARAMS)).get(0).asFloats();
    }

    @Test
    void randomReinitHasFreshWeightsWithTheInitialisersVarianceAndTheTicketsBiases() throws Exception {
        ParamLayout layout = ctx.layout();
        float[] theta0 = ctx.theta0();
        float[] thetaK = thetaKParams();
        for (int round = 1; round <= 2; round++) {
            float[] start = starts.get("random-reinit/" + round);
            boolean[][] mask = masks.get("random-reinit/" + round);
            assertTrue(java.util.Arrays.deepEquals(masks.get("ticket/" + round), mask), "the ticket's mask");
            for (int l = 0; l < layout.size(); l++) {
                int off = (int) layout.offset(l);
                int[] s = layout.layers().get(l).shape();
                double glorotVar = 2.0 / (s[0] + s[1]);
                double sq = 0;
                int n = 0;
                int sameAsTheta0 = 0;
                for (int j = 0; j < mask[l].length; j++) {
                    if (mask[l][j]) {
                        float w = start[off + j];
                        sq += (double) w * w;
                        n++;
                        sameAsTheta0 += w == theta0[off + j] || w == thetaK[off + j] ? 1 : 0;
                    }
                }
                assertEquals(0, sameAsTheta0, "round " + round + " layer " + l + ": survivors are redrawn");
                double var = sq / n;
                double tol = l == 0 ? 0.1 : 0.25; // about 39,000 and 700 survivors
                assertEquals(glorotVar, var, tol * glorotVar, "round " + round + " layer " + l
                        + ": the variance of the Glorot-normal initialiser");
            }
            assertBiasesEqual(layout, thetaK, start, "random-reinit round " + round);
        }
    }

    @Test
    void sameSignCarriesTheSignsOfTheta0WithFreshMagnitudes() throws Exception {
        ParamLayout layout = ctx.layout();
        float[] theta0 = ctx.theta0();
        float[] thetaK = thetaKParams();
        int signDiffersK = 0;
        for (int round = 1; round <= 2; round++) {
            float[] start = starts.get("same-sign-reinit/" + round);
            boolean[][] mask = masks.get("same-sign-reinit/" + round);
            assertTrue(java.util.Arrays.deepEquals(masks.get("ticket/" + round), mask), "the ticket's mask");
            for (int l = 0; l < layout.size(); l++) {
                int off = (int) layout.offset(l);
                int[] s = layout.layers().get(l).shape();
                double glorotVar = 2.0 / (s[0] + s[1]);
                double sq = 0;
                int n = 0;
                int sameMagnitude = 0;
                for (int j = 0; j < mask[l].length; j++) {
                    if (!mask[l][j]) {
                        continue;
                    }
                    float w = start[off + j];
                    assertEquals(theta0[off + j] < 0, w < 0, "round " + round + " layer " + l + " weight " + j
                            + ": the sign of theta_0");
                    if ((thetaK[off + j] < 0) != (theta0[off + j] < 0)) {
                        signDiffersK++;
                    }
                    sameMagnitude += Math.abs(w) == Math.abs(theta0[off + j]) ? 1 : 0;
                    sq += (double) w * w;
                    n++;
                }
                assertEquals(0, sameMagnitude, "magnitudes are fresh");
                assertEquals(glorotVar, sq / n, (l == 0 ? 0.1 : 0.25) * glorotVar, "fresh magnitudes have the "
                        + "initialiser's variance (layer " + l + ")");
            }
            assertBiasesEqual(layout, thetaK, start, "same-sign round " + round);
        }
        assertTrue(signDiffersK > 0, "k = 5 flipped some signs, so theta_0 and theta_k signs are told apart");
    }

    @Test
    void sameSignFromThetaKIsTheNamedAlternative() {
        ParamLayout layout = ctx.layout();
        float[] theta0 = ctx.theta0();
        float[] thetaK = theta0.clone();
        for (int j = 0; j < thetaK.length; j += 3) {
            thetaK[j] = -thetaK[j];
        }
        float[] a = Controls.sameSign(layout, spec, 1, theta0, thetaK);
        float[] b = Controls.sameSign(layout, spec.with("sameSignSource", "theta-k"), 1, theta0, thetaK);
        for (int l = 0; l < layout.size(); l++) {
            int off = (int) layout.offset(l);
            for (int j = off; j < off + layout.layers().get(l).size(); j++) {
                assertEquals(theta0[j] < 0, a[j] < 0);
                assertEquals(thetaK[j] < 0, b[j] < 0);
                assertEquals(Math.abs(a[j]), Math.abs(b[j]), 0f, "same fresh magnitudes");
            }
        }
    }

    @Test
    void randomReinitDirectlyRedrawsEveryWeightAndKeepsEveryBias() {
        ParamLayout layout = ctx.layout();
        float[] ticketStart = new float[(int) layout.totalParams()];
        java.util.Arrays.fill(ticketStart, 0.25f);
        float[] r = Controls.randomReinit(layout, spec, 1, ticketStart);
        float[] fresh = org.lotterylab.engine.model.Initializer.draw(layout, spec.init(),
                org.lotterylab.engine.util.Seeds.derive(spec.seed(), "reinit", 1));
        for (int l = 0; l < layout.size(); l++) {
            int off = (int) layout.offset(l);
            for (int j = off; j < off + layout.layers().get(l).size(); j++) {
                assertEquals(fresh[j], r[j], 0f, "weight " + j + " from the round's reinit draw");
            }
            int b = (int) layout.biasOffset(l);
            for (int j = b; j < b + layout.biasSize(l); j++) {
                assertEquals(0.25f, r[j], 0f, "bias " + j + " from the ticket's start");
            }
        }
        assertFalse(java.util.Arrays.equals(r, Controls.randomReinit(layout, spec, 2, ticketStart)),
                "each round draws afresh");
    }

    @Test
    void randomPruningHasTheSchedulesCountsButNotTheTicketsMaskAndTheTicketsStart() throws Exception {
        for (int round = 1; round <= 2; round++) {
            boolean[][] m = masks.get("random-pruning/" + round);
            boolean[][] ticket = masks.get("ticket/" + round);
            int[] c = Pruner.counts(m);
            assertEquals(PruningSchedule.keptAfter(78_400, 0.5, round), c[0]);
            assertEquals(PruningSchedule.keptAfter(1_000, 0.3, round), c[1]);
            assertFalse(java.util.Arrays.deepEquals(ticket, m), "a random mask, not the ticket's");
            float[] expected = thetaKParams();
            float[] flat = Pruner.flatMask(ctx.layout(), m);
            for (int j = 0; j < expected.length; j++) {
                expected[j] *= flat[j];
            }
            assertArrayEquals(expected, starts.get("random-pruning/" + round), "theta_k under the random mask");
        }
    }

    @Test
    void oneShotPrunesTheDenseFinalWeightsStraightToTheRoundsTarget() throws Exception {
        float[] denseFinal = thetaKParams();
        Pruner.writeTensors(ctx.layout(), Npz.readWeights(run.weightsFinal(Branch.TICKET, 0)), denseFinal);
        for (int round = 1; round <= 2; round++) {
            boolean[][] expected = Pruner.prune(ctx.layout(), Pruner.dense(ctx.layout()), denseFinal, thetaKParams(),
                    spec, round);
            boolean[][] m = masks.get("one-shot/" + round);
            assertTrue(java.util.Arrays.deepEquals(expected, m), "round " + round);
            assertEquals(List.of(Npz.readMasks(run.masks(Branch.ONE_SHOT, round))),
                    List.of(Pruner.toMasks(ctx.layout(), m)));
        }
        assertFalse(java.util.Arrays.deepEquals(masks.get("ticket/2"), masks.get("one-shot/2")),
                "round 2: one-shot differs from iterative pruning");
    }

    @Test
    void everyRoundStoresItsBiasesInWeightsFinal() throws Exception {
        List<String> names = Npz.readArrays(run.weightsFinal(Branch.TICKET, 1)).stream()
                .map(org.lotterylab.api.store.NpyArray::name).toList();
        assertEquals(List.of("fc1", "output", "fc1.bias", "output.bias"), names);
        assertEquals(100, Npz.readBiases(run.weightsFinal(Branch.TICKET, 1)).get(0).size());
    }

    private static void assertBiasesEqual(ParamLayout layout, float[] expected, float[] actual, String what) {
        boolean anyNonZero = false;
        for (int l = 0; l < layout.size(); l++) {
            int b = (int) layout.biasOffset(l);
            for (int j = b; j < b + layout.biasSize(l); j++) {
                assertEquals(Float.floatToIntBits(expected[j]), Float.floatToIntBits(actual[j]), what + " bias " + j);
                anyNonZero |= expected[j] != 0f;
            }
        }
        assertTrue(anyNonZero, "theta_k's biases are not all zero (k > 0), so the check means something");
    }
}
