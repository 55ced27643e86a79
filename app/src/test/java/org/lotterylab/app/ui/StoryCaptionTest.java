package org.lotterylab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.visuals.lmc.RoundLmc;

class StoryCaptionTest {
    private static RoundResult r(Branch b, int round, double remaining, double acc) {
        return new RoundResult(b, round, remaining, acc, 100, acc, 1, List.of());
    }

    @Test
    void comparesTheTicketWithAControlAndStatesStability() {
        List<RoundResult> results = List.of(r(Branch.TICKET, 0, 1, 0.935), r(Branch.TICKET, 7, 0.029, 0.917),
                r(Branch.RANDOM_REINIT, 7, 0.029, 0.893), r(Branch.TICKET, 8, 0.017, 0.90));
        RoundLmc lmc = new RoundLmc();
        lmc.done(new LmcEvent.LmcCurveDone("ticket-round-07", 0, 0, 0.003, 0.1, 0.5, 0.097, true, 0.02, 0, 0, 0, 0.029,
                100, 1, false), Double.NaN);
        assertEquals("at 2.9% of weights the ticket is 2.4 points above random re-init (91.7% vs 89.3%)"
                + " \u00b7 round 7: ticket stable (instability 0.30%)", StoryCaption.of(results, lmc, 7));
        assertEquals("at 1.7% of weights the ticket reaches 90.0% test accuracy (dense 93.5%) \u00b7 round 7: ticket "
                + "stable (instability 0.30%)", StoryCaption.of(results, lmc, -1), "latest round, no control there");
        assertEquals("", StoryCaption.of(List.of(), new RoundLmc(), -1));
    }
}
