package org.lotterylab.api.run;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lotterylab.api.spec.Branch;

/**
 * The network label of an IMP round in {@code lmc.csv} and {@code instability.csv}:
 * {@code <branch-id>-round-NN}, e.g. {@code ticket-round-03} or {@code random-reinit-round-03} (round
 * numbers as in the run's directories: two digits, more from 100). The one place that writes and reads
 * these labels.
 *
 * @param branch the IMP branch
 * @param round  the round, 0 = the dense network
 */
public record LmcNetwork(Branch branch, int round) {

    private static final Pattern LABEL = Pattern.compile("(.+)-round-(\\d{2,})");

    /** Checks the round. */
    public LmcNetwork {
        if (branch == null || branch == Branch.EDGE_POPUP) {
            throw new IllegalArgumentException("an LMC network of an IMP run needs an IMP branch (got " + branch + ")");
        }
        if (round < 0) {
            throw new IllegalArgumentException("round must be >= 0 (got " + round + ")");
        }
    }

    /** The label, e.g. {@code random-reinit-round-03}. */
    public String label() {
        return branch.id() + "-" + org.lotterylab.api.store.RunLayout.roundDirName(round);
    }

    /** The branch and round of a label, or empty for other labels (e.g. {@code dense}). */
    public static Optional<LmcNetwork> parse(String label) {
        Matcher m = LABEL.matcher(label == null ? "" : label);
        if (!m.matches()) {
            return Optional.empty();
        }
        for (Branch b : Branch.values()) {
            if (b.id().equals(m.group(1)) && b != Branch.EDGE_POPUP) {
                return Optional.of(new LmcNetwork(b, Integer.parseInt(m.group(2))));
            }
        }
        return Optional.empty();
    }
}
