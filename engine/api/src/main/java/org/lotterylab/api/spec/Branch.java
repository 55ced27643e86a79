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
