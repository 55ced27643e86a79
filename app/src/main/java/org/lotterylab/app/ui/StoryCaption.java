package org.lotterylab.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.visuals.lmc.RoundLmc;

/**
 * The one-line caption of the dashboard, computed from the data on screen: how the ticket compares with a
 * control at the sparsest round both have reached (or at the round in focus), and whether that round's
 * networks are stable, e.g. "at 2.9% of weights the ticket is 2.4 points above random re-init (91.7% vs
 * 89.3%) · round 5: ticket stable (instability 0.30%)". No JavaFX.
 */
public final class StoryCaption {
    /** Controls in the order they are compared with the ticket. */
    private static final List<Branch> CONTROLS = List.of(Branch.RANDOM_REINIT, Branch.RANDOM_PRUNING,
            Branch.SAME_SIGN_REINIT, Branch.ONE_SHOT);

    private StoryCaption() {
    }

    /**
     * The caption for {@code results} and {@code lmc} at {@code round} (-1: the latest round with results).
     * Empty while there is nothing to say.
     */
    public static String of(List<RoundResult> results, RoundLmc lmc, int round) {
        List<String> parts = new ArrayList<>();
        accuracy(results, round).ifPresent(parts::add);
        if (lmc != null) {
            lmc.caption(round < 0 ? lmc.latestRound() : round).ifPresent(parts::add);
        }
        return String.join(" \u00b7 ", parts);
    }

    /** The ticket against the first control that has the same round. */
    static Optional<String> accuracy(List<RoundResult> results, int round) {
        int r = round;
        if (r < 0) {
            r = results.stream().filter(x -> x.branch() == Branch.TICKET).mapToInt(RoundResult::round).max().orElse(-1);
        }
        RoundResult ticket = find(results, Branch.TICKET, r);
        if (ticket == null) {
            return Optional.empty();
        }
        String where = String.format(Locale.ROOT, "at %s of weights", percent(ticket.weightsRemaining()));
        for (Branch c : CONTROLS) {
            RoundResult control = find(results, c, r);
            if (control != null) {
                double diff = 100 * (ticket.testAccuracy() - control.testAccuracy());
                String how = Math.abs(diff) < 0.05 ? "level with"
                        : String.format(Locale.ROOT, "%.1f points %s", Math.abs(diff), diff > 0 ? "above" : "below");
                return Optional.of(String.format(Locale.ROOT, "%s the ticket is %s %s (%.1f%% vs %.1f%%)", where, how,
                        name(c), 100 * ticket.testAccuracy(), 100 * control.testAccuracy()));
            }
        }
        RoundResult dense = find(results, Branch.TICKET, 0);
        return Optional.of(String.format(Locale.ROOT, "%s the ticket reaches %.1f%% test accuracy%s", where,
                100 * ticket.testAccuracy(),
                dense == null || r == 0 ? "" : String.format(Locale.ROOT, " (dense %.1f%%)", 100 * dense.testAccuracy())));
    }

    private static RoundResult find(List<RoundResult> results, Branch b, int round) {
        RoundResult found = null;
        for (RoundResult x : results) {
            if (x.branch() == b && x.round() == round) {
                found = x;
            }
        }
        return found;
    }

    private static String name(Branch b) {
        return switch (b) {
            case RANDOM_REINIT -> "random re-init";
            case RANDOM_PRUNING -> "random pruning";
            case SAME_SIGN_REINIT -> "same-sign re-init";
            case ONE_SHOT -> "one-shot pruning";
            default -> b.id();
        };
    }

    private static String percent(double fraction) {
        double p = 100 * fraction;
        return String.format(Locale.ROOT, p >= 10 ? "%.0f%%" : "%.1f%%", p);
    }
}
