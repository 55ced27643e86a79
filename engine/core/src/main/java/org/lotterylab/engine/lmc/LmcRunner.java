package org.lotterylab.engine.lmc;

import java.nio.file.Path;
import org.lotterylab.api.run.BackendInfo;
import org.lotterylab.api.run.LmcExperimentRunner;
import org.lotterylab.api.run.LmcPlan;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunListener;
import org.lotterylab.engine.Backend;
import org.lotterylab.engine.train.RunGate;

/**
 * Runs linear-mode-connectivity analyses ({@link LmcPlan}) on a background thread named {@code lth-lmc}:
 * for each k and seed pair, trains two copies from W_k with different data orders and evaluates the error
 * along the straight path between them. Results go to {@code lmc.csv} and {@code instability.csv} after each
 * finished curve; a rerun replays the finished curves and computes only the missing ones. Pause and cancel
 * take effect between iterations and between points.
 */
public class LmcRunner implements LmcExperimentRunner {

    private final int threads;
    private final LmcObserver observer;

    /** A runner using {@code threads} compute threads. */
    public LmcRunner(int threads) {
        this(threads, null);
    }

    LmcRunner(int threads, LmcObserver observer) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
        }
        this.threads = threads;
        this.observer = observer;
    }

    @Override
    public BackendInfo backend() {
        return Backend.current(threads);
    }

    @Override
    public RunControl start(LmcPlan plan, Path outDir, RunListener listener) {
        return RunGate.startDaemon("lth-lmc", gate -> new LmcExperiment(plan, outDir, backend(), listener, gate, observer).run());
    }
}
