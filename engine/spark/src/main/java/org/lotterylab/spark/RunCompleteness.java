package org.lotterylab.spark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.SummaryCsv;

/**
 * When an IMP run is finished: its {@code summary.csv} holds a row for round 0 of the ticket branch and for
 * rounds 1..R of every IMP branch it runs (the ticket always runs; edge-popup is not an IMP branch). This
 * mirrors what {@code ImpExperiment} writes; the engine has no public "is finished" query yet.
 */
public final class RunCompleteness {

    private RunCompleteness() {
    }

    /** The {@code branch/round} keys a finished run of {@code spec} has. */
    public static Set<String> expected(ExperimentSpec spec) {
        List<Branch> branches = new ArrayList<>(spec.branches());
        branches.remove(Branch.EDGE_POPUP);
        if (!branches.contains(Branch.TICKET)) {
            branches.add(Branch.TICKET);
        }
        Set<String> keys = new HashSet<>();
        keys.add(key(Branch.TICKET, 0));
        for (Branch b : branches) {
            for (int r = 1; r <= spec.rounds(); r++) {
                keys.add(key(b, r));
            }
        }
        return keys;
    }

    /** Whether the text of a run's {@code summary.csv} covers every expected row of {@code spec}. */
    public static boolean isComplete(ExperimentSpec spec, String summaryCsvText) {
        Set<String> have = new HashSet<>();
        for (RoundResult r : SummaryCsv.parse(summaryCsvText, "summary.csv").rows()) {
            have.add(key(r.branch(), r.round()));
        }
        return have.containsAll(expected(spec));
    }

    private static String key(Branch b, int round) {
        return b.id() + "/" + round;
    }
}
