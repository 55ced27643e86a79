package org.lotterylab.engine.lmc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.lotterylab.api.run.RunListener;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.engine.imp.ImpContext;
import org.lotterylab.engine.prune.Pruner;
import org.lotterylab.engine.train.RunGate;

/**
 * The instability of an IMP round's ticket, measured inside the IMP run when the spec's {@code lmcEachRound}
 * is set: two copies of the ticket (its mask, started from theta_k) train exactly as the round's ticket does
 * ({@code iterations} iterations, data orders from seed pair 0), and the error is evaluated at
 * {@code lmcAlphas} points between them. The curve is stored in the run's {@code lmc.csv} and
 * {@code instability.csv} under the network {@code ticket-round-NN}; a resumed run skips rounds already
 * measured.
 */
public final class ImpRoundLmc {

    private ImpRoundLmc() {
    }

    /**
     * Measures (or, when stored, replays) round {@code round}'s ticket.
     *
     * @param ctx    the IMP run's context
     * @param runDir the IMP run directory
     * @param mask   the round's mask
     * @param thetaK the rewind weights (flat, unmasked)
     */
    public static void measure(ImpContext ctx, Path runDir, int round, boolean[][] mask, float[] thetaK,
                               RunListener listener, RunGate gate) throws IOException {
        ExperimentSpec spec = ctx.spec();
        try (PathMaker maker = new PathMaker(ctx, listener, gate, null)) {
            LmcStore store = new LmcStore(runDir);
            String network = PathMaker.ticketNetwork(round);
            int k = spec.rewindIteration();
            LmcStore.Key key = new LmcStore.Key(network, k, 0);
            Optional<LmcStore.StoredCurve> done = store.find(key, spec.lmcAlphas(), spec.iterations());
            if (done.isPresent()) {
                maker.replay(done.get(), Instability.DEFAULT_THRESHOLD);
                return;
            }
            double remaining = Pruner.fractionRemaining(mask);
            float[] flat = remaining == 1.0 ? null : Pruner.flatMask(ctx.layout(), mask);
            maker.curve(store, network, k, 0, thetaK, flat, remaining, spec.iterations(), spec.lmcAlphas(),
                    Instability.DEFAULT_THRESHOLD);
        }
    }
}
