package org.lotterylab.api.run;

import java.nio.file.Path;

/**
 * Starts linear-mode-connectivity analyses. The DL4J engine implements it
 * ({@code org.lotterylab.engine.lmc.LmcRunner}); the window loads that class reflectively and tests pass
 * fakes. Implementations run on their own thread and return at once; events ({@link LmcEvent}s, notes, and
 * a final {@link RunEvent.RunFinished} or {@link RunEvent.RunFailed}) go to the listener on that thread.
 */
public interface LmcExperimentRunner {

    /** The compute backend (may initialise the numeric library: call off the UI thread). */
    BackendInfo backend();

    /**
     * Starts (or resumes: curves already in the run's {@code lmc.csv} and {@code instability.csv} are replayed,
     * not recomputed) an analysis. Results go to {@code <outDir>/<spec.runDirName()>}, or into the stored run's
     * own directory when the plan names one.
     */
    RunControl start(LmcPlan plan, Path outDir, RunListener listener);
}
