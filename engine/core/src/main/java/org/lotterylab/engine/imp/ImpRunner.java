package org.lotterylab.engine.imp;

import java.nio.file.Path;
import org.lotterylab.api.run.BackendInfo;
import org.lotterylab.api.run.ExperimentRunner;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunListener;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.engine.Backend;
import org.lotterylab.engine.train.RunGate;

/**
 * Runs lottery-ticket experiments (IMP with rewinding and its controls) on a background thread named
 * {@code lth-engine}, storing every finished round and resuming after the last finished one.
 */
public class ImpRunner implements ExperimentRunner {

    /** File of a run directory holding the whole flat parameter vector at the rewind point (weights and biases). */
    public static final String THETA_K_PARAMS = org.lotterylab.api.store.RunLayout.THETA_K_PARAMS;

    private final int threads;
    private final int parallel;
    private final StepObserver observer;

    /** A runner using {@code threads} compute threads, one training at a time. */
    public ImpRunner(int threads) {
        this(threads, 1, null);
    }

    /**
     * A runner using {@code threads} compute threads per training and up to {@code parallel} independent
     * trainings of a round (its branches and their LMC copies) at once; results do not depend on
     * {@code parallel}.
     */
    public ImpRunner(int threads, int parallel) {
        this(threads, parallel, null);
    }

    /** A runner whose every training step is shown to {@code observer} (tests, diagnostics). */
    public ImpRunner(int threads, StepObserver observer) {
        this(threads, 1, observer);
    }

    private ImpRunner(int threads, int parallel, StepObserver observer) {
        this.observer = observer;
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
        }
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be >= 1 (got " + parallel + ")");
        }
        this.threads = threads;
        this.parallel = parallel;
    }

    @Override
    public BackendInfo backend() {
        return Backend.current(threads);
    }

    @Override
    public RunControl start(ExperimentSpec spec, Path outDir, RunListener listener) {
        return RunGate.startDaemon("lth-engine", gate -> new ImpExperiment(
                spec, outDir, backend(), listener, gate, observer, parallel).run());
    }
}
