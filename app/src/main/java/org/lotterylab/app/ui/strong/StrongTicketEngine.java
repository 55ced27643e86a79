package org.lotterylab.app.ui.strong;

import java.nio.file.Path;
import java.util.List;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunListener;
import org.lotterylab.api.spec.ExperimentSpec;

/**
 * Starts edge-popup sweeps for {@link StrongTicketPane}. The DL4J engine is {@link #dl4j(int)}; tests pass a
 * scripted one. Implementations return at once and publish events from their own thread.
 */
@FunctionalInterface
public interface StrongTicketEngine {

    /** Starts a sweep over {@code keeps} (fractions of edges kept) of {@code spec}'s run under {@code outDir}. */
    RunControl start(ExperimentSpec spec, List<Double> keeps, Path outDir, RunListener listener);

    /** The spec whose run directory a sweep of {@code spec} writes (the DL4J engine: with the frozen init). */
    default ExperimentSpec runSpec(ExperimentSpec spec) {
        return spec;
    }

    /**
     * The DL4J engine with default edge-popup options: the runner is created at the first start (ND4J itself
     * loads on the runner's thread, never on the caller's).
     */
    static StrongTicketEngine dl4j(int threads) {
        return new StrongTicketEngine() {
            @Override
            public RunControl start(ExperimentSpec spec, List<Double> keeps, Path outDir, RunListener listener) {
                return new org.lotterylab.engine.edgepopup.EdgePopupRunner(threads).start(spec, keeps,
                        org.lotterylab.engine.edgepopup.EdgePopupOptions.defaults(), outDir, listener);
            }

            @Override
            public ExperimentSpec runSpec(ExperimentSpec spec) {
                return org.lotterylab.engine.edgepopup.EdgePopupRunner.frozenSpec(spec,
                        org.lotterylab.engine.edgepopup.EdgePopupOptions.defaults());
            }
        };
    }
}
