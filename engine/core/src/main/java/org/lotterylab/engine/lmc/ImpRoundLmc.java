package org.lotterylab.engine.lmc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.lotterylab.api.run.Instability;
import org.lotterylab.api.run.LmcNetwork;
import org.lotterylab.api.run.RunListener;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.LmcStore;
import org.lotterylab.engine.context.ImpContext;
import org.lotterylab.engine.prune.Pruner;
import org.lotterylab.engine.train.RunGate;

/**
 * The instability of IMP rounds, measured inside the IMP run when the spec's {@code lmcEachRound} is set, for
 * the dense round 0 and for every round of each branch in {@code lmcBranches} (decision 0006). A round's two
 * copies start where the round's own training started (its mask and its start weights: theta_k for the
 * ticket, a fresh draw for random re-init, ...) and train iterations k+1 .. T as the round does. Copy 1 uses
 * the round's own data order, so the round's own training is copy 1 and only copy 2 (another data order) is
 * trained extra; copy 1 is trained again only when the round's network is not at hand (a round finished by an
 * earlier process) or is not such a copy (round 0 with k > 0, whose dense training ran from theta_0). The
 * curve is stored in the run's {@code lmc.csv} and {@code instability.csv} under the network
 * {@code <branch-id>-round-NN} and announced as {@link org.lotterylab.api.run.LmcEvent.RoundCurve}; a resumed
 * run replays rounds already measured.
 */
public final class ImpRoundLmc implements AutoCloseable {

    private final ImpContext ctx;
    private final LmcStore store;
    private final PathMaker maker;

    /** Per-round LMC for the IMP run of {@code ctx} in {@code runDir}. */
    public ImpRoundLmc(ImpContext ctx, Path runDir, RunListener listener, RunGate gate) {
        this(ctx, runDir, listener, gate, null);
    }

    ImpRoundLmc(ImpContext ctx, Path runDir, RunListener listener, RunGate gate, LmcObserver observer) {
        this.ctx = ctx;
        this.store = new LmcStore(runDir);
        this.maker = new PathMaker(ctx, listener, gate, observer);
    }

    /** Whether {@code spec} asks for a curve of {@code branch}'s rounds (round 0 is measured for any branch). */
    public static boolean wants(ExperimentSpec spec, Branch branch, int round) {
        return spec.lmcEachRound() && (round == 0 || spec.lmcBranches().contains(branch));
    }

    /**
     * Measures (or, when stored, replays) round {@code round} of {@code branch}.
     *
     * @param mask     the round's mask
     * @param start    the round's start weights (flat, unmasked), which its training started from at iteration k
     * @param ownFinal the round's trained parameters when they are copy 1 (trained in this process from
     *                 {@code start} at iteration k with a fresh optimiser and the round's data order), else null
     */
    public void measure(Branch branch, int round, boolean[][] mask, float[] start, float[] ownFinal)
            throws IOException {
        ExperimentSpec spec = ctx.spec();
        LmcNetwork net = new LmcNetwork(branch, round);
        int k = spec.rewindIteration();
        int iterations = spec.iterations() - k;
        LmcStore.Key key = new LmcStore.Key(net.label(), k, 0);
        Optional<LmcStore.StoredCurve> done = store.find(key, spec.lmcAlphas(), iterations, maker.testSize(),
                maker.trainSubsetSize());
        if (done.isPresent()) {
            maker.replay(done.get(), Instability.DEFAULT_THRESHOLD);
            maker.announceRound(done.get(), net, Instability.DEFAULT_THRESHOLD, true);
            return;
        }
        double remaining = Pruner.fractionRemaining(mask);
        float[] flat = remaining == 1.0 ? null : Pruner.flatMask(ctx.layout(), mask);
        LmcStore.StoredCurve c = maker.curve(store, net.label(), k, 0, start, flat, remaining, iterations,
                spec.lmcAlphas(), Instability.DEFAULT_THRESHOLD, PathMaker.copyOrders(spec, round, 0), ownFinal);
        maker.announceRound(c, net, Instability.DEFAULT_THRESHOLD, false);
    }

    /** Frees the measurement's step backend. */
    @Override
    public void close() {
        maker.close();
    }
}
