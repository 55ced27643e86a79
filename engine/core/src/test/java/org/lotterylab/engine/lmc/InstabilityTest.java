package org.lotterylab.engine.lmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lotterylab.api.run.Instability;

/** The instability formula on hand-made error curves. */
class InstabilityTest {

    @Test
    void aFlatPathHasNoBarrier() {
        Instability i = Instability.of(new double[] {0.02, 0.02, 0.02, 0.02});
        assertEquals(0.0, i.instability(), 0.0);
        assertEquals(0.02, i.maxError(), 0.0);
        assertEquals(0.02, i.endpointMeanError(), 0.0);
        assertTrue(i.stable());
    }

    @Test
    void theStandardErrorIsTheBinomialErrorOfTheMaxAndTheEndpointMean() {
        // max 13% at point 2, endpoints 2% and 4%, 1,000 examples
        double se = Instability.standardError(new double[] {0.02, 0.05, 0.13, 0.07, 0.04}, 1000);
        double expect = Math.sqrt(0.13 * 0.87 / 1000 + (0.02 * 0.98 + 0.04 * 0.96) / 4 / 1000);
        assertEquals(expect, se, 1e-15);
        // four times the examples halve it
        assertEquals(expect / 2, Instability.standardError(new double[] {0.02, 0.05, 0.13, 0.07, 0.04}, 4000), 1e-15);
        assertTrue(Double.isNaN(Instability.standardError(new double[] {0.1, 0.1}, 0)));
        assertEquals(0.0, Instability.standardError(new double[] {0, 0, 0}, 50), 0.0);
    }

    @Test
    void aBumpInTheMiddleIsTheBarrier() {
        // endpoints 2% and 4% (mean 3%), peak 13% at point 2
        Instability i = Instability.of(new double[] {0.02, 0.05, 0.13, 0.07, 0.04});
        assertEquals(0.10, i.instability(), 1e-12);
        assertEquals(0.13, i.maxError(), 0.0);
        assertEquals(2, i.indexOfMax());
        assertEquals(0.03, i.endpointMeanError(), 1e-15);
        assertFalse(i.stable());
        assertEquals(Instability.DEFAULT_THRESHOLD, i.threshold(), 0.0);
    }

    @Test
    void aMonotonePathCountsHalfTheEndpointGap() {
        // no interior bump: the max is the worse endpoint, so instability = |e0 - e1| / 2
        Instability i = Instability.of(new double[] {0.10, 0.08, 0.06});
        assertEquals(0.02, i.instability(), 1e-15);
        assertEquals(0, i.indexOfMax());
        Instability dip = Instability.of(new double[] {0.05, 0.01, 0.05});
        assertEquals(0.0, dip.instability(), 0.0, "a dip below the endpoints is no barrier");
    }

    @Test
    void stableMeansStrictlyBelowTheThreshold() {
        double[] errors = {0.0, 0.25, 0.0};
        assertFalse(Instability.of(errors, 0.25).stable(), "equal to the threshold is not stable");
        assertTrue(Instability.of(errors, 0.2500001).stable());
        assertTrue(Instability.of(new double[] {0.01, 0.029, 0.01}).stable(), "1.9% < 2%");
        assertFalse(Instability.of(new double[] {0.01, 0.031, 0.01}).stable(), "2.1% >= 2%");
        Instability i = Instability.of(errors, 0.5);
        assertFalse(i.withThreshold(0.1).stable());
        assertEquals(i.instability(), i.withThreshold(0.1).instability(), 0.0);
    }

    @Test
    void twoPointsAreTheShortestPath() {
        Instability i = Instability.of(new double[] {0.3, 0.1});
        assertEquals(0.1, i.instability(), 1e-15);
    }

    @Test
    void badCurvesAreRejectedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Instability.of(new double[] {0.1}));
        assertTrue(e.getMessage().contains("two endpoints"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Instability.of(new double[] {0.1, Double.NaN, 0.1}));
        assertTrue(e.getMessage().contains("point 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Instability.of(new double[] {0.1, 0.1}, 0));
        assertThrows(IllegalArgumentException.class, () -> Instability.of(null));
    }
}
