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
    private static final Map<Branch, String> HEX = new EnumMap<>(Map.ofEntries(
            Map.entry(Branch.TICKET, "#0072b2"),
            Map.entry(Branch.RANDOM_REINIT, "#e69f00"),
            Map.entry(Branch.RANDOM_PRUNING, "#7f7f7f"),
            Map.entry(Branch.SAME_SIGN_REINIT, "#009e73"),
            Map.entry(Branch.ONE_SHOT, "#7b3294"),
            Map.entry(Branch.EARLY_BIRD, "#56b4e9"),
            Map.entry(Branch.MAGNITUDE_AT_INIT, "#8c564b"),
            Map.entry(Branch.SNIP, "#cc79a7"),
            Map.entry(Branch.GRASP, "#bcbd22"),
            Map.entry(Branch.SYNFLOW, "#17becf"),
            Map.entry(Branch.EDGE_POPUP, "#d62728")));
    private static final Map<Branch, String> MARKER = new EnumMap<>(Map.ofEntries(
            Map.entry(Branch.TICKET, "circle"),
            Map.entry(Branch.RANDOM_REINIT, "rectangle"),
            Map.entry(Branch.RANDOM_PRUNING, "diamond"),
            Map.entry(Branch.SAME_SIGN_REINIT, "plus"),
            Map.entry(Branch.ONE_SHOT, "cross"),
            Map.entry(Branch.EARLY_BIRD, "diamond"),
            Map.entry(Branch.MAGNITUDE_AT_INIT, "rectangle"),
            Map.entry(Branch.SNIP, "plus"),
            Map.entry(Branch.GRASP, "cross"),
            Map.entry(Branch.SYNFLOW, "diamond"),
            Map.entry(Branch.EDGE_POPUP, "circle")));

    private BranchColors() {
    }

    /** The colour of {@code branch}. */
    public static Color of(Branch branch) {
        return Color.web(hex(branch));
    }

    /** The colour of {@code branch} as {@code #rrggbb}. */
    public static String hex(Branch branch) {
        return HEX.getOrDefault(branch, "#444444");
    }

    /** The colour of {@code branch} as a CSS {@code rgba(...)} with the given opacity. */
    public static String rgba(Branch branch, double opacity) {
        Color c = of(branch);
        return String.format(Locale.ROOT, "rgba(%d,%d,%d,%.3f)", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255), opacity);
    }

    /** The ChartFX marker shape of {@code branch} (a {@code -fx-marker-type} value). */
    public static String marker(Branch branch) {
        return MARKER.getOrDefault(branch, "rectangle");
    }
}
