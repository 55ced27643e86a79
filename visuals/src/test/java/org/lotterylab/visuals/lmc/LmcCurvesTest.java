package org.lotterylab.visuals.lmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.run.LmcEvent;

class LmcCurvesTest {

    static LmcEvent.LmcPoint pt(String net, int k, int pair, int i, int n, double test, double train) {
        return new LmcEvent.LmcPoint(net, k, pair, i, n, i / (double) (n - 1), test, train,
                (int) Math.round(test * 1000), 1000, (int) Math.round(train * 1000), 1000, 1.0);
    }

    @Test
    void theBarrierIsKnownOnceEveryPointArrivedInAnyOrder() {
        LmcCurves c = new LmcCurves();
        double[] test = {0.02, 0.05, 0.13, 0.07, 0.04};
        int[] order = {4, 0, 2, 1};
        for (int i : order) {
            assertTrue(c.add(pt("dense", 0, 0, i, 5, test[i], test[i] / 2)));
        }
        CurveKey key = new CurveKey("dense", 0, 0, CurveKey.TEST);
        assertTrue(c.barrier(key).isEmpty(), "point 3 is missing");
        assertEquals(4, c.path("dense", 0, 0).orElseThrow().known());
        c.add(pt("dense", 0, 0, 3, 5, test[3], test[3] / 2));
        LmcCurves.Barrier b = c.barrier(key).orElseThrow();
        assertEquals(0.5, b.alphaAtMax(), 0.0);
        assertEquals(0.13, b.maxError(), 0.0);
        assertEquals(0.03, b.endpointMeanError(), 1e-15);
        assertEquals(0.10, b.instability(), 1e-12);
        LmcCurves.Barrier train = c.barrier(new CurveKey("dense", 0, 0, CurveKey.TRAIN)).orElseThrow();
        assertEquals(0.05, train.instability(), 1e-12);
        assertFalse(c.add(pt("dense", 0, 0, 3, 5, test[3], test[3] / 2)), "a repeated point changes nothing");
    }

    @Test
    void aPathRecomputedWithAnotherPointCountStartsOver() {
        LmcCurves c = new LmcCurves();
        c.add(pt("dense", 0, 0, 0, 5, 0.1, 0.1));
        c.add(pt("dense", 0, 0, 0, 3, 0.1, 0.1));
        assertEquals(3, c.path("dense", 0, 0).orElseThrow().count());
        assertEquals(1, c.path("dense", 0, 0).orElseThrow().known());
        assertThrows(IllegalArgumentException.class, () -> c.add(pt("dense", 0, 0, 3, 3, 0.1, 0.1)));
    }

    @Test
    void barrierOfAHandMadeCurve() {
        assertEquals(0.0, LmcCurves.barrier(new double[] {0.05, 0.01, 0.05}).instability(), 0.0);
        assertEquals(0.02, LmcCurves.barrier(new double[] {0.10, 0.08, 0.06}).instability(), 1e-15);
        assertEquals(0.0, LmcCurves.barrier(new double[] {0.10, 0.08, 0.06}).alphaAtMax(), 0.0);
    }

    @Test
    void theNearestPointWithinTheRadiusIsPicked() {
        LmcCurves c = new LmcCurves();
        for (int i = 0; i < 3; i++) {
            c.add(pt("dense", 0, 0, i, 3, 0.1 * (i + 1), 0.01));
        }
        List<CurveKey> keys = List.of(new CurveKey("dense", 0, 0, CurveKey.TEST));
        // display: x pixels = 100 * alpha, y pixels = error percent
        Optional<LmcCurves.Pick> p = c.nearest(keys, 52, 21, a -> 100 * a, e -> e, 5);
        assertTrue(p.isPresent());
        assertEquals(1, p.get().point().index());
        assertEquals(0.8, p.get().accuracy(), 1e-12);
        assertEquals(200, p.get().misclassified());
        assertTrue(p.get().describe().contains("test accuracy 80.00% (200 of 1000 misclassified)"), p.get().describe());
        assertTrue(c.nearest(keys, 52, 40, a -> 100 * a, e -> e, 5).isEmpty(), "too far");
        Optional<LmcCurves.Pick> t = c.nearest(List.of(new CurveKey("dense", 0, 0, CurveKey.TRAIN)), 100, 1,
                a -> 100 * a, e -> e, 5);
        assertEquals(CurveKey.TRAIN, t.orElseThrow().key().split());
        assertEquals(0.99, t.get().accuracy(), 1e-12);
    }

    @Test
    void curveKeysCheckTheSplit() {
        assertThrows(IllegalArgumentException.class, () -> new CurveKey("dense", 0, 0, "validation"));
        assertEquals("dense k=100 pair 1 (train)", new CurveKey("dense", 100, 1, "train").label());
    }
}
