package org.lotterylab.api.spec;

/** The experiment branches. All share the seed and the data order so they compare fairly. */
public enum Branch implements Choice {
    /** Train, prune, rewind survivors to theta_k, repeat (iterative magnitude pruning). */
    TICKET("ticket", "Winning ticket (IMP, rewind to theta_k)"),
    /** Each round's ticket mask with a fresh random initialisation. */
    RANDOM_REINIT("random-reinit", "Random re-init (ticket mask, new init)"),
    /** A random mask with the ticket's per-layer sparsity and the original init. */
    RANDOM_PRUNING("random-pruning", "Random pruning (same sparsity, original init)"),
    /** Ticket mask, fresh magnitudes, original signs (Zhou et al. 2019). */
    SAME_SIGN_REINIT("same-sign-reinit", "Same-sign re-init (Zhou et al.)"),
    /** Prune the dense trained net straight to each round's sparsity, then rewind and train. */
    ONE_SHOT("one-shot", "One-shot pruning"),
    /** The dense weights where the early-bird ticket was drawn, pruned to the round's target (You et al. 2020). */
    EARLY_BIRD("early-bird", "Early-bird ticket (mask drawn early in dense training)"),
    /** theta_0 pruned once by |theta_0|, globally, to the ticket's total sparsity. */
    MAGNITUDE_AT_INIT("magnitude-at-init", "Magnitude at init (prune theta_0 by |w|)"),
    /** theta_0 pruned once by SNIP's |g * w| (Lee et al. 2019). */
    SNIP("snip", "SNIP (Lee et al. 2019)"),
    /** theta_0 pruned once by GraSP's -w * (H g) (Wang et al. 2020). */
    GRASP("grasp", "GraSP (Wang et al. 2020)"),
    /** theta_0 pruned iteratively by SynFlow, data-free (Tanaka et al. 2020). */
    SYNFLOW("synflow", "SynFlow (Tanaka et al. 2020)"),
    /** Strong ticket: frozen random weights, trained scores (Ramanujan et al. 2020). */
    EDGE_POPUP("edge-popup", "Edge-popup (no weight training)");

    private final String id;
    private final String label;

    Branch(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @Override
    public String id() {
        return id;
    }

    /** A human-readable label for legends. */
    public String label() {
        return label;
    }

    /** Parses an id such as {@code random-reinit}. */
    public static Branch fromId(String id) {
        return Choice.parse(Branch.class, "branches", id);
    }
}
