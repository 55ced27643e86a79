package org.lotterylab.visuals.lmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.spec.Branch;

class RoundLmcTest {

    static LmcEvent.LmcPoint point(String network, int k, int pair, int i, int n, double error, double remaining) {
        return new LmcEvent.LmcPoint(network, k, pair, i, n, i / (double) (n - 1), error, error / 2, 0, 1000, 0, 1000,
                remaining);
    }

    static LmcEvent.LmcCurveDone done(String network, int k, double instability, double remaining) {
        return new LmcEvent.LmcCurveDone(network, k, 0, instability, 0.1, 0.5, 0.09, instability < 0.02, 0.02, 0, 0, 0,
                remaining, 100, 1, false);
    }

    @Test
    void networkNamesGiveBranchAndRound() {
        assertEquals(Optional.of(new RoundLmc.Id(Branch.TICKET, 0)), RoundLmc.parse("dense"));
        assertEquals(Optional.of(new RoundLmc.Id(Branch.TICKET, 3)), RoundLmc.parse("ticket-round-03"));
        assertEquals(Optional.of(new RoundLmc.Id(Branch.RANDOM_REINIT, 12)), RoundLmc.parse("random-reinit-round-12"));
        assertEquals(Optional.of(new RoundLmc.Id(Branch.SAME_SIGN_REINIT, 1)), RoundLmc.parse("same-sign-reinit-round-01"));
        assertEquals(Optional.empty(), RoundLmc.parse("no-such-branch-round-01"));
        assertEquals(Optional.empty(), RoundLmc.parse("ticket-round-"));
        assertEquals(Optional.empty(), RoundLmc.parse("my-net"));
    }

    @Test
    void pointsBuildOneCurvePerBranchAndRoundAndFinishedCurvesGiveInstabilityPerBranch() {
        RoundLmc m = new RoundLmc();
        for (int i = 2; i >= 0; i--) { // any order
            assertTrue(m.add(point("ticket-round-01", 0, 0, i, 3, 0.05 + 0.01 * i, 0.6)));
        }
        assertFalse(m.add(point("ticket-round-01", 0, 0, 1, 3, 0.05 + 0.01, 0.6)), "a repeated point changes nothing");
        assertFalse(m.add(point("ticket-round-01", 0, 1, 1, 3, 0.5, 0.6)), "other seed pairs are not drawn");
        assertFalse(m.add(point("ticket-round-01", 100, 0, 1, 3, 0.5, 0.6)), "the round's own k came first");
        m.add(point("random-reinit-round-01", 0, 0, 0, 3, 0.2, 0.6));
        assertEquals(2, m.curves().size());
        RoundLmc.Curve t = m.curve(Branch.TICKET, 1).orElseThrow();
        assertArrayEquals(new double[] {0, 0.5, 1}, t.alphas(), 1e-12);
        assertArrayEquals(new double[] {0.05, 0.06, 0.07}, t.errors(), 1e-12);
        assertFalse(t.finished());
        assertEquals(1, m.curve(Branch.RANDOM_REINIT, 1).orElseThrow().alphas().length, "partial paths show what is known");

        m.done(done("ticket-round-01", 0, 0.003, 0.6), 0.001);
        m.done(done("dense", 0, 0.004, 1.0), Double.NaN);
        m.done(done("random-reinit-round-01", 0, 0.031, 0.6), Double.NaN);
        Map<Branch, List<RoundLmc.InstabilityPoint>> inst = m.instability();
        assertEquals(List.of(new RoundLmc.InstabilityPoint(0, 1.0, 0.004, Double.NaN),
                new RoundLmc.InstabilityPoint(1, 0.6, 0.003, 0.001)), inst.get(Branch.TICKET));
        assertEquals(1, inst.get(Branch.RANDOM_REINIT).size());
        assertEquals(1, m.latestRound());
        assertEquals(List.of(0, 1), m.rounds());
        assertEquals("round 1: ticket stable (instability 0.30% \u00b1 0.10%), random-reinit unstable (3.10%)",
                m.caption(1).orElseThrow());
        assertEquals("round 0: ticket stable (instability 0.40%)", m.caption(0).orElseThrow());
        assertEquals(m.caption(1), m.caption(7), "a round without curves: the latest finished one");
    }
}
