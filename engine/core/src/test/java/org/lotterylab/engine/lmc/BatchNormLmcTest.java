package org.lotterylab.engine.lmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.LmcStore;
import org.lotterylab.engine.Backend;
import org.lotterylab.engine.context.ImpContext;
import org.lotterylab.engine.model.BatchNormSlot;
import org.lotterylab.engine.model.BatchNormStats;
import org.lotterylab.engine.model.ParamLayout;
import org.lotterylab.engine.testdata.TinyCifar;
import org.lotterylab.engine.train.RunGate;
import org.lotterylab.engine.train.StepBackend;

/**
 * Linear mode connectivity of a batch-norm model (ResNet-20 on generated CIFAR-10 files): every point on the
 * path is evaluated with batch-norm statistics recomputed on training batches, not the interpolated ones.
 */
class BatchNormLmcTest {

    @TempDir
    Path tmp;

    @Test
    void everyPointIsEvaluatedWithRecomputedBatchNormStatistics() throws Exception {
        Path data = TinyCifar.write(tmp.resolve("cifar"), 40, 20, 9);
        ExperimentSpec spec = ExperimentSpec.defaults().with(Map.of("name", "bn", "dataset", data.toString(),
                "model", "resnet-20", "init", "kaiming-normal", "optimizer", "sgd", "momentum", "0.9",
                "learningRate", "0.05", "batchSize", "2", "iterations", "2", "evalInterval", "2"))
                .with("normalize", "train");
        ImpContext ctx = ImpContext.prepare(spec, Backend.current(2));
        ParamLayout layout = ctx.layout();
        Map<Integer, float[]> points = new HashMap<>();
        float[][] copies = new float[3][];
        LmcObserver obs = new LmcObserver() {
            @Override
            public void trained(LmcStore.Key key, int copy, float[] params) {
                copies[copy] = params;
            }

            @Override
            public void point(LmcStore.Key key, int index, double alpha, float[] params) {
                points.put(index, params);
            }
        };
        LmcStore.StoredCurve curve;
        BatchNormStats.Batches batches;
        try (PathMaker maker = new PathMaker(ctx, e -> { }, new RunGate(), obs)) {
            batches = maker.batchNormBatches();
            assertNotNull(batches, "a batch-norm model gets training batches for its statistics");
            assertEquals(BatchNormStats.DEFAULT_BATCHES, batches.inputs().size());
            assertEquals(2 * 3072, batches.inputs().get(0).length, "batches of the spec's batch size");
            curve = maker.curve(new LmcStore(tmp.resolve("run")), "dense", 0, 0, ctx.theta0(), null, 1.0, 1, 3, 0.02,
                    PathMaker.copyOrders(spec, -1, 0), null);
        }
        for (int i = 0; i < 3; i++) {
            assertTrue(curve.testError()[i] >= 0 && curve.testError()[i] <= 1, "test error " + curve.testError()[i]);
            assertTrue(curve.trainError()[i] >= 0 && curve.trainError()[i] <= 1);
        }
        float[] w1 = copies[1];
        float[] w2 = copies[2];
        float[] mid = Interpolation.point(w1, w2, null, 1, 3);
        float[] evaluated = points.get(1);
        // the same point with its statistics recomputed independently, on another network
        float[] expected;
        try (StepBackend other = ctx.newBackend()) {
            other.setParams(mid);
            other.recomputeBatchNorm(batches);
            expected = other.params();
        }
        int differ = 0;
        int stats = 0;
        boolean[] isStat = new boolean[mid.length];
        for (BatchNormSlot bn : layout.batchNorms()) {
            for (int c = 0; c < bn.channels(); c++) {
                for (long off : new long[] {bn.meanOffset(), bn.varOffset()}) {
                    int j = (int) off + c;
                    isStat[j] = true;
                    stats++;
                    assertEquals(expected[j], evaluated[j], 1e-5f * Math.max(1f, Math.abs(expected[j])), "statistic " + j);
                    if (evaluated[j] != mid[j]) {
                        differ++;
                    }
                }
            }
        }
        assertTrue(differ > stats * 9 / 10, differ + " of " + stats + " statistics differ from the interpolated ones");
        for (int j = 0; j < mid.length; j++) {
            if (!isStat[j]) {
                assertEquals(Float.floatToIntBits(mid[j]), Float.floatToIntBits(evaluated[j]), "parameter " + j
                        + " is the interpolated one");
            }
        }
    }

    @Test
    void modelsWithoutBatchNormGetNoBatches() throws Exception {
        Path data = TinyCifar.write(tmp.resolve("cifar"), 40, 20, 9);
        ExperimentSpec spec = ExperimentSpec.defaults().with(Map.of("name", "mlp", "model", "mlp-small",
                "dataset", data.toString(), "batchSize", "2"));
        ImpContext ctx = ImpContext.prepare(spec, Backend.current(2));
        try (PathMaker maker = new PathMaker(ctx, e -> { }, new RunGate(), null)) {
            assertNull(maker.batchNormBatches());
        }
    }
}
