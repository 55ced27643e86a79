package org.lotterylab.api.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.spec.Branch;

class LmcNetworkTest {

    @Test
    void labelsRoundTripForEveryImpBranch() {
        assertEquals("ticket-round-03", new LmcNetwork(Branch.TICKET, 3).label());
        assertEquals("random-reinit-round-12", new LmcNetwork(Branch.RANDOM_REINIT, 12).label());
        assertEquals("same-sign-reinit-round-100", new LmcNetwork(Branch.SAME_SIGN_REINIT, 100).label());
        for (Branch b : Branch.values()) {
            if (b != Branch.EDGE_POPUP) {
                LmcNetwork n = new LmcNetwork(b, 7);
                assertEquals(Optional.of(n), LmcNetwork.parse(n.label()));
            }
        }
        assertTrue(LmcNetwork.parse("dense").isEmpty());
        assertTrue(LmcNetwork.parse("magic-round-01").isEmpty());
        assertTrue(LmcNetwork.parse("ticket-round-1").isEmpty(), "round numbers have two digits at least");
        assertThrows(IllegalArgumentException.class, () -> new LmcNetwork(Branch.EDGE_POPUP, 1));
        assertThrows(IllegalArgumentException.class, () -> new LmcNetwork(Branch.TICKET, -1));
    }

    @Test
    void roundCurvesCopyTheirArrays() {
        double[] a = {0, 0.5, 1};
        double[] e = {0.1, 0.2, 0.1};
        LmcEvent.RoundCurve c = new LmcEvent.RoundCurve("ticket-round-01", Branch.TICKET, 1, 0.5, 0, a, e, e, 10, 20,
                0.1, 0.05, 0.1, 0.03, 0.02, false, false);
        a[1] = 9;
        c.testError()[1] = 9;
        assertArrayEquals(new double[] {0, 0.5, 1}, c.alphas(), 0.0);
        assertArrayEquals(new double[] {0.1, 0.2, 0.1}, c.testError(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> new LmcEvent.RoundCurve("x", Branch.TICKET, 1, 0.5, 0, a,
                new double[2], e, 10, 20, 0, 0, 0, 0, 0.02, true, false));
    }
}
