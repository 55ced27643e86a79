package org.lotterylab.engine.lmc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.lotterylab.api.run.Instability;
import org.lotterylab.api.store.LmcStore;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.LmcNetwork;
import org.lotterylab.api.run.MetricPoint;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.run.RunListener;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.engine.context.ImpContext;
import org.lotterylab.engine.model.BatchNormStats;
import org.lotterylab.engine.run.RunLifecycle;
import org.lotterylab.engine.train.BatchStream;
import org.lotterylab.engine.train.EvalSet;
import org.lotterylab.engine.train.RunGate;
import org.lotterylab.engine.train.StepBackend;
import org.lotterylab.engine.train.Trainer;
import org.lotterylab.engine.util.Seeds;

/**
 * The shared work of every LMC curve: W_k by dense training, the two copies trained from W_k, the evaluated
 * path, and storing and announcing the result. One instance per analysis; it keeps one step backend for all
 * its training and evaluation, freed by {@link #close}.
 */
final class PathMaker implements AutoCloseable {

    private final ImpContext ctx;
    private final RunListener listener;
    private final RunGate gate;
    private final LmcObserver observer;
    private Interpolation interpolation;
    private EvalSet trainSubset;
    private StepBackend net;

    PathMaker(ImpContext ctx, RunListener listener, RunGate gate, LmcObserver observer) {
        this.ctx = ctx;
        this.listener = listener;
        this.gate = gate;
        this.observer = observer;
    }

    /**
     * At most this many training examples are evaluated at each point (the first ones of the training split):
     * enough that the binomial error of a training-split instability is a fraction of a point.
     */
    static final int MAX_TRAIN_EXAMPLES = 10_000;

    /** Training examples evaluated at each point: the whole training split, up to {@link #MAX_TRAIN_EXAMPLES}. */
    int trainSubsetSize() {
        return Math.min(MAX_TRAIN_EXAMPLES, ctx.splits().train().count());
    }

    int testSize() {
        return ctx.trainer().test().size();
    }

    /** The network label of ticket round {@code r}: {@code ticket-round-NN}. */
    static String ticketNetwork(int round) {
        return new LmcNetwork(Branch.TICKET, round).label();
    }

    /**
     * The data-order seeds of seed pair {@code pair}'s two copies: {@code Seeds.derive(seed, "lmc-order", 2p)}
     * and {@code 2p + 1}, except that pair 0's copy 1 of an IMP round ({@code impRound >= 0}) uses that round's
     * own data order {@code Seeds.derive(seed, "order", round)}, so that the round's own training (from the
     * same start, fresh optimiser, iterations k+1 .. T) is that copy and need not be trained again.
     */
    static long[] copyOrders(ExperimentSpec spec, int impRound, int pair) {
        long first = impRound >= 0 && pair == 0 ? Seeds.derive(spec.seed(), "order", impRound)
                : Seeds.derive(spec.seed(), "lmc-order", 2L * pair);
        return new long[] {first, Seeds.derive(spec.seed(), "lmc-order", 2L * pair + 1)};
    }

    /**
     * W_k for every k in {@code ks}: {@code start} (k = 0) or the dense network after k iterations from
     * {@code start} with the data order of IMP's dense round ({@code Seeds.derive(seed, "order", 0)}), so W_k
     * matches the theta_k an IMP run of the same spec would store.
     */
    Map<Integer, float[]> rewindPoints(float[] start, List<Integer> ks, String network) {
        Map<Integer, float[]> out = new HashMap<>();
        TreeSet<Integer> need = new TreeSet<>();
        for (int k : ks) {
            if (k == 0) {
                out.put(0, start.clone());
            } else {
                need.add(k);
            }
        }
        if (need.isEmpty()) {
            return out;
        }
        ExperimentSpec spec = ctx.spec();
        int last = need.last();
        Trainer.Config cfg = new Trainer.Config(spec.batchSize(), last, last, -1, Seeds.derive(spec.seed(), "order", 0),
                progressEvery(last));
        ctx.trainer().train(net(), start, null, cfg, gate, new Trainer.Callback() {
            @Override
            public void progress(int iteration, double loss, double examplesPerSecond) {
                emit(new LmcEvent.LmcTraining(network, last, -1, "W_k", iteration, last, loss));
            }

            @Override
            public void evaluation(MetricPoint point) {
            }

            @Override
            public void afterStep(int iteration, StepBackend n) {
                if (need.contains(iteration)) {
                    out.put(iteration, n.params());
                }
            }

            @Override
            public boolean wantsSteps() {
                return true;
            }
        }, "the dense training to W_k, k = " + last);
        return out;
    }

    /**
     * Trains the two copies of seed pair {@code pair} from {@code wk} (under {@code flatMask}, null = dense),
     * iterations k+1 .. k + {@code iterations} with the data orders {@code orders}, evaluates the path, stores it
     * and announces it.
     *
     * @param trainedCopy1 copy 1 when it was already trained (an IMP round's own training with
     *                     {@code orders[0]} from the same start), else null to train it here
     */
    LmcStore.StoredCurve curve(LmcStore store, String network, int k, int pair, float[] wk, float[] flatMask,
                               double weightsRemaining, int iterations, int alphas, double threshold, long[] orders,
                               float[] trainedCopy1) throws IOException {
        LmcStore.Key key = new LmcStore.Key(network, k, pair);
        if (observer != null) {
            observer.start(key, wk.clone());
        }
        float[] w1 = trainedCopy1 != null ? Interpolation.applyMask(trainedCopy1.clone(), flatMask)
                : trainCopy(key, 1, wk, flatMask, k, iterations, orders[0]);
        if (trainedCopy1 != null && observer != null) {
            observer.trained(key, 1, trainedCopy1.clone());
        }
        float[] w2 = trainCopy(key, 2, wk, flatMask, k, iterations, orders[1]);
        int nt = testSize();
        int nr = trainSubsetSize();
        Interpolation.Curve c = interpolation().evaluate(w1, w2, flatMask, alphas, gate, new Interpolation.PointListener() {
            @Override
            public void point(int index, double alpha, EvalSet.Result test, EvalSet.Result train, float[] params) {
                emit(new LmcEvent.LmcPoint(network, k, pair, index, alphas, alpha,
                        test.errors() / (double) nt, train.errors() / (double) nr, test.errors(), nt, train.errors(), nr,
                        weightsRemaining));
                if (observer != null) {
                    observer.point(key, index, alpha, params);
                }
            }

            @Override
            public boolean wantsParams() {
                return observer != null;
            }
        });
        LmcStore.StoredCurve stored = new LmcStore.StoredCurve(key, weightsRemaining, iterations, c.alphas(),
                c.testError(), c.trainError(), nt, nr);
        store.put(stored, threshold);
        announce(stored, threshold, c.seconds(), false);
        return stored;
    }

    /** Replays a stored curve as point events and a done event. */
    void replay(LmcStore.StoredCurve c, double threshold) {
        int n = c.alphas().length;
        int nt = c.testExamples() > 0 ? c.testExamples() : testSize();
        int nr = c.trainExamples() > 0 ? c.trainExamples() : trainSubsetSize();
        LmcStore.Key key = c.key();
        for (int i = 0; i < n; i++) {
            emit(new LmcEvent.LmcPoint(key.network(), key.k(), key.seedPair(), i, n, c.alphas()[i], c.testError()[i],
                    c.trainError()[i], (int) Math.round(c.testError()[i] * nt), nt,
                    (int) Math.round(c.trainError()[i] * nr), nr, c.weightsRemaining()));
        }
        announce(c, threshold, Double.NaN, true);
    }

    private void announce(LmcStore.StoredCurve c, double threshold, double seconds, boolean stored) {
        Instability t = Instability.of(c.testError(), threshold);
        Instability r = Instability.of(c.trainError(), threshold);
        LmcStore.Key key = c.key();
        emit(new LmcEvent.LmcCurveDone(key.network(), key.k(), key.seedPair(), t.instability(), t.maxError(),
                c.alphas()[t.indexOfMax()], t.endpointMeanError(), t.stable(), threshold, r.instability(), r.maxError(),
                r.endpointMeanError(), c.weightsRemaining(), c.trainIterations(), seconds, stored,
                c.testInstabilitySe(), c.trainInstabilitySe(), c.testExamples(), c.trainExamples()));
    }

    /** Announces an IMP round's curve to the dashboard ({@link LmcEvent.RoundCurve}). */
    void announceRound(LmcStore.StoredCurve c, LmcNetwork net, double threshold, boolean stored) {
        Instability t = Instability.of(c.testError(), threshold);
        Instability r = Instability.of(c.trainError(), threshold);
        emit(new LmcEvent.RoundCurve(c.key().network(), net.branch(), net.round(), c.weightsRemaining(), c.key().k(),
                c.alphas(), c.testError(), c.trainError(), c.testExamples(), c.trainExamples(), t.instability(),
                c.testInstabilitySe(), r.instability(), c.trainInstabilitySe(), threshold, t.stable(), stored));
    }

    /** Trains one copy from {@code wk}: iterations k+1 .. k + {@code iterations} on the dense run's axis. */
    private float[] trainCopy(LmcStore.Key key, int copy, float[] wk, float[] flatMask, int k, int iterations,
                              long order) {
        ExperimentSpec spec = ctx.spec();
        int end = k + iterations;
        Trainer.Config cfg = new Trainer.Config(spec.batchSize(), end, end, -1, order, progressEvery(iterations), k);
        String phase = "copy " + copy;
        Trainer.Outcome out = ctx.trainer().train(net(), wk, flatMask, cfg, gate, new Trainer.Callback() {
            @Override
            public void progress(int iteration, double loss, double examplesPerSecond) {
                emit(new LmcEvent.LmcTraining(key.network(), key.k(), key.seedPair(), phase, iteration - k, iterations,
                        loss));
            }

            @Override
            public void evaluation(MetricPoint point) {
            }
        }, phase + " of " + key.network() + " k=" + key.k() + " seed pair " + key.seedPair());
        float[] w = out.finalParams();
        if (observer != null) {
            observer.trained(key, copy, w.clone());
        }
        // the trainer masks by multiplication, which leaves -0.0 for negative pruned weights: store +0.0
        return Interpolation.applyMask(w, flatMask);
    }

    private Interpolation interpolation() {
        if (interpolation == null) {
            trainSubset = new EvalSet(trainSubsetSize() == ctx.splits().train().count() ? ctx.splits().train()
                    : ctx.splits().train().subset(0, trainSubsetSize()));
            interpolation = new Interpolation(net(), ctx.trainer().test(), trainSubset, batchNormBatches());
        }
        return interpolation;
    }

    /**
     * The training batches every point's batch-norm statistics are recomputed on (models with batch norm):
     * {@link BatchNormStats#DEFAULT_BATCHES} batches of the spec's batch size (at most the training set, at least
     * 2) in the order {@code Seeds.derive(seed, "bn-stats", 0)}, the same for every point and curve; else null.
     */
    BatchNormStats.Batches batchNormBatches() {
        if (!ctx.layout().hasBatchNorm()) {
            return null;
        }
        var train = ctx.splits().train();
        int b = Math.max(2, Math.min(ctx.spec().batchSize(), train.count()));
        BatchStream stream = new BatchStream(train, Seeds.derive(ctx.spec().seed(), "bn-stats", 0));
        List<float[]> xs = new ArrayList<>();
        float[] y = new float[b * train.numClasses()];
        for (int i = 0; i < BatchNormStats.DEFAULT_BATCHES; i++) {
            float[] x = new float[b * train.featureSize()];
            stream.next(b, x, y);
            xs.add(x);
        }
        return new BatchNormStats.Batches(xs, b);
    }

    private StepBackend net() {
        if (net == null) {
            net = ctx.newBackend();
        }
        return net;
    }

    /** Frees the step backend. */
    @Override
    public void close() {
        if (net != null) {
            net.close();
            net = null;
            interpolation = null;
        }
    }

    private static int progressEvery(int iterations) {
        return Math.max(1, Math.min(25, iterations / 100));
    }

    void emit(RunEvent e) {
        RunLifecycle.emit(listener, e);
    }

    /** The k values sorted, as a list (helper for callers). */
    static List<Integer> sorted(java.util.Collection<Integer> ks) {
        List<Integer> l = new ArrayList<>(new TreeSet<>(ks));
        return l;
    }
}
