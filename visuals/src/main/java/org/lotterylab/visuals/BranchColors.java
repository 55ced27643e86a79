package org.lotterylab.visuals;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.paint.Color;
import org.lotterylab.api.spec.Branch;

/**
 * A fixed colour and marker shape per branch, used by every view. Colours follow the Okabe-Ito
 * colour-blind-safe set where it has a fitting hue; shapes differ too, so no branch is told apart by hue
 * alone: ticket = strong blue circle, random re-init = orange square, random pruning = grey diamond,
 * same-sign re-init = green plus, one-shot = purple cross, edge-popup = red circle; early-bird and the
 * prune-at-init methods (magnitude, SNIP, GraSP, SynFlow) have colours and shapes of their own.
 */
public final class BranchColors {
    /** A branch's colour ({@code #rrggbb}) and ChartFX marker shape. */
    private record Style(String hex, String marker) {
    }

    private static final Style UNKNOWN = new Style("#444444", "rectangle");
    private static final Map<Branch, Style> STYLES = new EnumMap<>(Map.ofEntries(
            Map.entry(Branch.TICKET, new Style("#0072b2", "circle")),
            Map.entry(Branch.RANDOM_REINIT, new Style("#e69f00", "rectangle")),
            Map.entry(Branch.RANDOM_PRUNING, new Style("#7f7f7f", "diamond")),
            Map.entry(Branch.SAME_SIGN_REINIT, new Style("#009e73", "plus")),
            Map.entry(Branch.ONE_SHOT, new Style("#7b3294", "cross")),
            Map.entry(Branch.EARLY_BIRD, new Style("#56b4e9", "diamond")),
            Map.entry(Branch.MAGNITUDE_AT_INIT, new Style("#8c564b", "rectangle")),
            Map.entry(Branch.SNIP, new Style("#cc79a7", "plus")),
            Map.entry(Branch.GRASP, new Style("#bcbd22", "cross")),
            Map.entry(Branch.SYNFLOW, new Style("#17becf", "diamond")),
            Map.entry(Branch.EDGE_POPUP, new Style("#d62728", "circle"))));

    private BranchColors() {
    }

    /** The colour of {@code branch}. */
    public static Color of(Branch branch) {
        return Color.web(hex(branch));
    }

    /** The colour of {@code branch} as {@code #rrggbb}. */
    public static String hex(Branch branch) {
        return STYLES.getOrDefault(branch, UNKNOWN).hex();
    }

    /** The colour of {@code branch} as a CSS {@code rgba(...)} with the given opacity. */
    public static String rgba(Branch branch, double opacity) {
        Color c = of(branch);
        return String.format(Locale.ROOT, "rgba(%d,%d,%d,%.3f)", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255), opacity);
    }

    /** The ChartFX marker shape of {@code branch} (a {@code -fx-marker-type} value). */
    public static String marker(Branch branch) {
        return STYLES.getOrDefault(branch, UNKNOWN).marker();
    }
}
