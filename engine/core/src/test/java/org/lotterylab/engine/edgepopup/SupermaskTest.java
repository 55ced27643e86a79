package org.lotterylab.engine.edgepopup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.Tensor;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.RunStoreWriter;
import org.lotterylab.engine.context.ImpContext;
import org.lotterylab.engine.model.ParamLayout;
import org.lotterylab.engine.prune.Pruner;
import org.lotterylab.engine.testdata.TinyData;

/**
 * A supermask is the mask on the UNTRAINED theta_0. On {@link TinyData} (class c lights one 6x5 block) a mask
 * that wires hidden unit c to class c's block and output c to hidden unit c classifies every image, while the
 * same theta_0 unmasked (its other weights are random and large) is near chance: the reported supermask accuracy
 * must be the masked one, well above chance.
 */
class SupermaskTest {

    @TempDir
    Path tmp;

    @Test
    void aMaskThatWiresEachClassToItsBlockClassifiesWithoutTraining() throws Exception {
        Path data = TinyData.write(tmp.resolve("tiny"), 400, 3);
        ExperimentSpec spec = ExperimentSpec.defaults().with(Map.of("name", "sm", "dataset", data.toString(),
                "model", "mlp-small", "iterations", "10", "evalInterval", "10", "rounds", "1", "branches", "ticket"));
        ImpContext ctx = ImpContext.prepare(spec, null);
        ParamLayout layout = ctx.layout();
        Random rng = new Random(1);
        float[] fc1 = new float[100 * 784];
        boolean[] keep1 = new boolean[fc1.length];
        for (int j = 0; j < fc1.length; j++) {
            fc1[j] = (float) rng.nextGaussian(); // large random weights: unmasked, the net is near chance
        }
        for (int c = 0; c < 10; c++) {
            int by = 2 + (c / 5) * 12;
            int bx = 1 + (c % 5) * 5;
            for (int y = by; y < by + 6; y++) {
                for (int x = bx; x < bx + 5; x++) {
                    int j = c * 784 + y * 28 + x;
                    fc1[j] = 0.5f + 0.1f * rng.nextFloat();
                    keep1[j] = true;
                }
            }
        }
        float[] out = new float[10 * 100];
        boolean[] keep2 = new boolean[out.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = (float) rng.nextGaussian();
        }
        for (int c = 0; c < 10; c++) {
            out[c * 100 + c] = 1f;
            keep2[c * 100 + c] = true;
        }
        List<Tensor> theta0 = List.of(new Tensor("fc1", new int[] {100, 784}, fc1),
                new Tensor("output", new int[] {10, 100}, out));
        Path dir = tmp.resolve("run");
        RunStoreWriter w = RunStoreWriter.open(dir);
        w.writeSpec(spec);
        w.writeLayers(layout.layers());
        w.writeTheta0(theta0);
        List<Mask> dense = List.of(Mask.dense("fc1", new int[] {100, 784}), Mask.dense("output", new int[] {10, 100}));
        List<Mask> wired = List.of(new Mask("fc1", new int[] {100, 784}, keep1),
                new Mask("output", new int[] {10, 100}, keep2));
        List<MetricPoint> none = new ArrayList<>();
        w.writeRound(result(0, dense), dense, theta0, none);
        w.writeRound(result(1, wired), wired, theta0, none);

        Supermask.Report r = Supermask.evaluate(dir, Branch.TICKET, "", 1);
        assertEquals(2, r.rows().size());
        assertTrue(r.rows().get(1).supermaskAccuracy() >= 0.95, "the wired supermask on theta_0: "
                + r.rows().get(1).supermaskAccuracy());
        assertTrue(r.rows().get(1).signedConstantAccuracy() >= 0.95, "signed constants keep the wiring: "
                + r.rows().get(1).signedConstantAccuracy());
        assertTrue(r.rows().get(0).supermaskAccuracy() < 0.5, "the dense theta_0 is far from it: "
                + r.rows().get(0).supermaskAccuracy());
    }

    private static RoundResult result(int round, List<Mask> masks) {
        boolean[][] m = new boolean[masks.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = masks.get(i).keep();
        }
        return new RoundResult(Branch.TICKET, round, Pruner.fractionRemaining(m), 0.5, 10, 0.5, 1.0, List.of());
    }
}
