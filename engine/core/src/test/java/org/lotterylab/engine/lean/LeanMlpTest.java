package org.lotterylab.engine.lean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.spec.EngineKind;
import org.lotterylab.api.spec.InitKind;
import org.lotterylab.api.spec.ModelKind;
import org.lotterylab.api.spec.OptimizerKind;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.engine.Backend;
import org.lotterylab.engine.model.InputShape;
import org.lotterylab.engine.model.Initializer;
import org.lotterylab.engine.model.ModelFactory;
import org.lotterylab.engine.model.ParamLayout;

/** The lean network on its own: determinism, no allocation per step, the update rules, engine choice. */
class LeanMlpTest {

    static final InputShape MNIST = new InputShape(1, 28, 28, 10);

    @BeforeAll
    static void init() {
        Backend.init(2);
    }

    static ParamLayout layout(ModelKind kind) {
        return ModelFactory.layout(ModelFactory.build(kind, MNIST, OptimizerKind.ADAM, 1e-3, 0));
    }

    static LeanMlp lenet(int rows) {
        return new LeanMlp(MlpShape.of(layout(ModelKind.LENET_300_100)),
                Update.of(ModelFactory.updater(OptimizerKind.ADAM, 1.2e-3, 0)), rows);
    }

    static void batch(Random r, float[] x, float[] y, int n) {
        java.util.Arrays.fill(y, 0f);
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat();
        }
        for (int b = 0; b < n; b++) {
            y[b * 10 + r.nextInt(10)] = 1f;
        }
    }

    @Test
    void theShapeComesFromTheModelsLayout() {
        assertArrayEquals(new int[] {784, 300, 100, 10}, MlpShape.of(layout(ModelKind.LENET_300_100)).widths());
        assertArrayEquals(new int[] {784, 100, 10}, MlpShape.of(layout(ModelKind.MLP_SMALL)).widths());
        assertEquals(266_610, MlpShape.of(layout(ModelKind.LENET_300_100)).paramCount());
    }

    @Test
    void sameStartAndBatchesGiveBitIdenticalParameters() {
        float[] start = Initializer.draw(layout(ModelKind.LENET_300_100), InitKind.GLOROT_NORMAL, 3);
        float[][] out = new float[2][];
        for (int run = 0; run < 2; run++) {
            try (LeanMlp net = lenet(60)) {
                net.load(start);
                Random r = new Random(5);
                float[] x = new float[60 * 784];
                float[] y = new float[60 * 10];
                for (int it = 0; it < 30; it++) {
                    batch(r, x, y, 60);
                    net.step(x, y, 60);
                }
                out[run] = net.params();
            }
        }
        assertArrayEquals(out[0], out[1]);
        assertTrue(!java.util.Arrays.equals(start, out[0]), "it trained");
    }

    @Test
    void aStepAllocatesNothingOnTheHeap() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        float[] start = Initializer.draw(layout(ModelKind.LENET_300_100), InitKind.GLOROT_NORMAL, 3);
        try (LeanMlp net = lenet(60)) {
            net.load(start);
            float[] mask = new float[start.length];
            java.util.Arrays.fill(mask, 1f);
            mask[7] = 0f;
            net.setMask(mask);
            Random r = new Random(5);
            float[] x = new float[60 * 784];
            float[] y = new float[60 * 10];
            batch(r, x, y, 60);
            for (int it = 0; it < 200; it++) {
                net.step(x, y, 60);
            }
            long tid = Thread.currentThread().getId();
            long before = mx.getThreadAllocatedBytes(tid);
            for (int it = 0; it < 200; it++) {
                net.step(x, y, 60);
            }
            long bytes = mx.getThreadAllocatedBytes(tid) - before;
            assertTrue(bytes < 200 * 64, "200 steps allocated " + bytes + " bytes");
        }
    }

    @Test
    void heavyBallIsVelocityThenStep() {
        Update u = new Update(Update.Kind.HEAVY_BALL, 0.1f, 0.9f, 0f, 0f, 0f);
        float[] w = {1f, -2f, 0.5f};
        float[] vel = new float[3];
        float[] g = {0.3f, -0.6f, 0.9f};
        float[] mask = {1f, 1f, 0f};
        float[] ew = w.clone();
        float[] ev = new float[3];
        for (int t = 0; t < 3; t++) {
            u.apply(w, g, vel, null, mask, 3, t, 3);
            for (int i = 0; i < 3; i++) {
                ev[i] = 0.9f * ev[i] + g[i] / 3f;
                ew[i] = (ew[i] - 0.1f * ev[i]) * mask[i];
            }
        }
        assertArrayEquals(ew, w);
        assertArrayEquals(ev, vel);
        assertEquals(0f, w[2], 0f);
    }

    @Test
    void autoPicksLeanForDenseModelsAndDl4jForConvNetsAndForcingLeanOnAConvNetIsASpecError() {
        assertEquals(Engines.LEAN, Engines.resolve(EngineKind.AUTO, layout(ModelKind.LENET_300_100), true));
        assertEquals(Engines.DL4J, Engines.resolve(EngineKind.AUTO, layout(ModelKind.LENET_300_100), false));
        assertEquals(Engines.DL4J, Engines.resolve(EngineKind.DL4J, layout(ModelKind.MLP_SMALL), true));
        ParamLayout conv = layout(ModelKind.CONV2);
        assertEquals(Engines.DL4J, Engines.resolve(EngineKind.AUTO, conv, true));
        SpecException e = assertThrows(SpecException.class, () -> Engines.resolve(EngineKind.LEAN, conv, true));
        assertTrue(e.getMessage().contains("engine"), e.getMessage());
    }
}
