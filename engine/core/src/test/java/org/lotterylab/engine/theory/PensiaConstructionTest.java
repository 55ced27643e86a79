package org.lotterylab.engine.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.theory.ConstructionPoint;

class PensiaConstructionTest {

    @Test
    void oneWeightTargetComputesTheSubsetSumsItClaims() {
        double w = 0.3;
        ReluNet target = new ReluNet(new double[][][] {{{w}}});
        PensiaConstruction c = PensiaConstruction.build(target, 8, new SplittableRandom(5));
        double[][] u = c.random().layer(0);
        double[][] v = c.random().layer(1);
        double aPlus = 0;
        double aMinus = 0;
        for (int k = 0; k < 8; k++) {
            assertEquals(c.kept(1, 0, k), c.kept(0, k, 0), "a unit's in and out edge are kept together");
            if (c.kept(1, 0, k)) {
                if (u[k][0] > 0) {
                    aPlus += u[k][0] * v[0][k];
                } else {
                    aMinus += -u[k][0] * v[0][k];
                }
            }
        }
        assertEquals(aPlus, c.plusSums(0)[0][0], 1e-15);
        assertEquals(aMinus, c.minusSums(0)[0][0], 1e-15);
        for (double x : new double[] {0.7, -0.4, 0.0, 1.0, -1.0}) {
            double byHand = 0;
            for (int k = 0; k < 8; k++) {
                if (c.kept(1, 0, k)) {
                    byHand += v[0][k] * Math.max(0, u[k][0] * x);
                }
            }
            double out = c.pruned().forward(new double[] {x})[0];
            assertEquals(byHand, out, 1e-15, "pruned output at " + x);
            double claimed = x >= 0 ? aPlus * x : aMinus * -x;
            assertEquals(claimed, out, 1e-15);
            assertEquals(claimed, c.claimedLayer(0, new double[] {x})[0], 1e-15);
            assertTrue(Math.abs(out - w * x) <= Math.abs(x) * c.weightErrors()[0] + 1e-15);
        }
        // pruned weights are exactly zero, kept ones are the random weights
        for (int l = 0; l < 2; l++) {
            double[][] r = c.random().layer(l);
            double[][] p = c.pruned().layer(l);
            for (int j = 0; j < r.length; j++) {
                for (int i = 0; i < r[j].length; i++) {
                    assertEquals(c.kept(l, j, i) ? r[j][i] : 0.0, p[j][i], 0.0);
                }
            }
        }
        assertEquals(c.keptWeights(), c.pruned().nonZero());
    }

    @Test
    void prunedLayersComputeTheClaimedSumsOnTheTrainedTarget() {
        ReluNet target = TargetNetwork.train(2);
        PensiaConstruction c = PensiaConstruction.build(target, 16, new SplittableRandom(9));
        ReluNet first = new ReluNet(new double[][][] {c.pruned().layer(0), c.pruned().layer(1)});
        for (double[] x : TargetNetwork.inputs(new SplittableRandom(4), 50)) {
            double[] z = first.forward(x);
            double[] claimed = c.claimedLayer(0, x);
            for (int j = 0; j < z.length; j++) {
                assertEquals(claimed[j], z[j], 1e-12);
            }
        }
    }

    @Test
    void outputErrorFallsWithWidthAndIsTinyAtWidth64() {
        ConstructionExperiment e = new ConstructionExperiment(List.of(4, 16, 64), 1);
        ReluNet target = e.target();
        double[][] xs = e.heldOut();
        List<ConstructionPoint> pts = e.run(target, xs);
        assertTrue(pts.get(0).meanOutputError() > pts.get(1).meanOutputError(), pts.toString());
        assertTrue(pts.get(1).meanOutputError() > pts.get(2).meanOutputError(), pts.toString());
        assertTrue(pts.get(2).meanOutputError() < 1e-5, pts.toString());
        assertTrue(pts.get(2).keptParams() < pts.get(2).randomParams() / 3.0, "keeps under a third: " + pts);
        assertEquals(e.run(target, xs), new ConstructionExperiment(List.of(4, 16, 64), 1).run(target, xs),
                "deterministic by seed");
    }

    @Test
    void theTargetLearnsItsTask() {
        ReluNet t = TargetNetwork.train(1);
        double err = 0;
        double[][] xs = TargetNetwork.inputs(new SplittableRandom(11), 500);
        for (double[] x : xs) {
            err += Math.abs(t.forward(x)[0] - TargetNetwork.task(x));
        }
        assertTrue(err / xs.length < 0.01, "mean |error| " + err / xs.length);
        assertEquals(ReluNet.copy(t.layer(0))[0][0], TargetNetwork.train(1).layer(0)[0][0], 0.0);
    }
}
