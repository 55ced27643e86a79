package org.lotterylab.visuals.lmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.run.LmcEvent;

class InstabilityTableTest {

    static LmcEvent.LmcCurveDone done(String net, int k, int pair, double inst, double remaining) {
        return new LmcEvent.LmcCurveDone(net, k, pair, inst, 0.05 + inst, 0.5, 0.05, inst < 0.02, 0.02, inst / 2,
                0.02, 0.01, remaining, 100, 0.3, false);
    }

    @Test
    void seedPairsAreAggregatedPerNetworkAndK() {
        InstabilityTable t = new InstabilityTable();
        t.add(done("dense", 100, 0, 0.01, 1.0));
        t.add(done("dense", 100, 1, 0.03, 1.0));
        t.add(done("dense", 0, 0, 0.10, 1.0));
        t.add(done("ticket-round-03", 100, 0, 0.005, 0.512));
        t.add(done("dense", 100, 1, 0.05, 1.0)); // replaces pair 1
        assertEquals(4, t.size());
        Map<String, List<InstabilityTable.Group>> byNet = t.byNetwork();
        assertEquals(List.of("dense", "ticket-round-03"), List.copyOf(byNet.keySet()));
        List<InstabilityTable.Group> dense = byNet.get("dense");
        assertEquals(0, dense.get(0).k(), "ascending k");
        InstabilityTable.Group g = dense.get(1);
        assertEquals(2, g.n());
        assertEquals(0.03, g.mean(), 1e-15);
        assertEquals(Math.sqrt(2 * 0.02 * 0.02), g.sd(), 1e-12);
        assertEquals(0.01, g.min(), 0.0);
        assertEquals(0.05, g.max(), 0.0);
        assertEquals(1, g.stable());
        assertEquals(0.0, dense.get(0).sd(), 0.0, "one pair has no spread");

        List<InstabilityTable.Group> k100 = t.byK().get(100);
        assertEquals(0.512, k100.get(0).weightsRemaining(), 0.0, "ascending weights remaining");
        assertEquals(1.0, k100.get(1).weightsRemaining(), 0.0);
        assertEquals(2, t.stableCount(0.02));
        String csv = t.toCsv();
        assertTrue(csv.startsWith("network,k,weights_remaining,seed_pairs,mean_instability,sd,min,max,stable\n"), csv);
        assertTrue(csv.contains("\ndense,100,1.0,2,0.03"), csv);
    }
}
