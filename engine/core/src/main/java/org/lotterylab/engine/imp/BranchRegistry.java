package org.lotterylab.engine.imp;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.lotterylab.engine.context.ImpContext;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.engine.pai.PruneAtInit;
import org.lotterylab.engine.pai.SaliencyMethod;
import org.lotterylab.engine.prune.Pruner;
import org.lotterylab.engine.util.Seeds;

/**
 * The strategy of every IMP branch, in one place. Adding a branch means one enum constant in
 * {@link Branch} and one entry here. The ticket and every control start from the ticket's biases (theta_k's).
 */
final class BranchRegistry {

    private final Map<Branch, BranchStrategy> strategies = new EnumMap<>(Branch.class);

    /** The strategies of an experiment over {@code ctx}'s data and model. */
    BranchRegistry(ImpContext ctx, ExperimentSpec spec) {
        strategies.put(Branch.TICKET, in -> new BranchStart(in.thetaK(), in.ticketMask()));
        strategies.put(Branch.RANDOM_REINIT, in -> new BranchStart(
                Controls.randomReinit(in.layout(), spec, in.round(), in.thetaK()), in.ticketMask()));
        strategies.put(Branch.SAME_SIGN_REINIT, in -> new BranchStart(
                Controls.sameSign(in.layout(), spec, in.round(), in.theta0(), in.thetaK()), in.ticketMask()));
        strategies.put(Branch.RANDOM_PRUNING, in -> new BranchStart(in.thetaK(),
                Controls.randomPruning(in.layout(), spec, in.round(), in.ticketMask())));
        strategies.put(Branch.ONE_SHOT, in -> new BranchStart(in.thetaK(),
                Controls.oneShot(in.layout(), spec, in.round(), in.denseFinal(), in.thetaK())));
        strategies.put(Branch.EARLY_BIRD, in -> {
            if (in.earlyBirdParams() == null) {
                throw new IllegalStateException("early-bird branch without the dense round's early-bird point");
            }
            return new BranchStart(in.thetaK(),
                    Controls.oneShot(in.layout(), spec, in.round(), in.earlyBirdParams(), in.thetaK()));
        });
        // prune at init: scores of theta_0, one global ranking, the ticket's total count; scored lazily, once
        PruneAtInit[] pai = new PruneAtInit[1];
        for (Branch b : new Branch[] {Branch.MAGNITUDE_AT_INIT, Branch.SNIP, Branch.GRASP, Branch.SYNFLOW}) {
            SaliencyMethod method = SaliencyMethod.valueOf(b.name());
            strategies.put(b, in -> {
                synchronized (pai) {
                    if (pai[0] == null) {
                        pai[0] = new PruneAtInit(in.layout(), in.theta0(), ctx::newNetwork, ctx.trainer().trainSet(),
                                spec.batchSize(), Seeds.derive(spec.seed(), "prune-at-init", 0));
                    }
                }
                long keep = Arrays.stream(Pruner.counts(in.ticketMask())).asLongStream().sum();
                return new BranchStart(in.thetaK(), pai[0].mask(method, keep));
            });
        }
    }

    /** The strategy of {@code branch}; edge-popup is not an IMP branch. */
    BranchStrategy of(Branch branch) {
        BranchStrategy s = strategies.get(branch);
        if (s == null) {
            throw new IllegalStateException("branch " + branch.id() + " is not an IMP branch");
        }
        return s;
    }
}
