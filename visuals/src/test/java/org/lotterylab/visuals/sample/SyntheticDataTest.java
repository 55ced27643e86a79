package org.lotterylab.visuals.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.mask.PruningSchedule;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.LayerKind;
import org.lotterylab.visuals.model.InputConnectivity;

class SyntheticDataTest {
    private static final List<LayerInfo> SMALL = List.of(new LayerInfo("fc1", LayerKind.HIDDEN, new int[] {40, 196}),
            new LayerInfo("output", LayerKind.OUTPUT, new int[] {10, 40}));

    @Test
    void masksAreNestedAndFollowTheSchedule() {
        SyntheticData.Run run = SyntheticData.imp(SMALL, 6, 1);
        for (int r = 1; r < 6; r++) {
            Mask prev = run.masks().get(r - 1).get(0);
            Mask cur = run.masks().get(r).get(0);
            assertEquals(PruningSchedule.keptAfter(7840, 0.2, r), cur.kept());
            assertEquals(PruningSchedule.keptAfter(400, 0.1, r), run.masks().get(r).get(1).kept());
            for (int i = 0; i < cur.size(); i++) {
                assertTrue(!cur.keep()[i] || prev.keep()[i], "nested");
            }
        }
    }

    @Test
    void theImageCentreKeepsMoreConnectionsThanTheBorder() {
        SyntheticData.Run run = SyntheticData.imp(SMALL, 8, 1);
        int[] counts = InputConnectivity.pixelCounts(run.masks().get(7).get(0).keep(), 40, 1, 14, 14);
        assertTrue(counts[7 * 14 + 7] > 3 * Math.max(1, counts[0]), counts[7 * 14 + 7] + " vs " + counts[0]);
    }

    @Test
    void resultsHaveThePapersShape() {
        List<RoundResult> rs = SyntheticData.results(List.of(Branch.TICKET, Branch.RANDOM_REINIT), 16, 1, 1);
        assertEquals(32, rs.size());
        assertTrue(SyntheticData.accuracyPct(Branch.TICKET, 3.6) > SyntheticData.accuracyPct(Branch.RANDOM_REINIT, 3.6) + 1);
        assertTrue(SyntheticData.iteration(Branch.TICKET, 21) < SyntheticData.iteration(Branch.RANDOM_REINIT, 21));
        assertEquals(1.0, SyntheticData.lenetRemaining(0), 1e-12);
    }
}
