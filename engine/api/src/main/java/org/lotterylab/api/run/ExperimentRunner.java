package org.lotterylab.api.run;

import java.nio.file.Path;
import org.lotterylab.api.spec.ExperimentSpec;

/**
 * Starts experiments. The DL4J engine implements it; tests and the window's replay use other
 * implementations. Implementations run the experiment on their own thread and return at once.
 */
public interface ExperimentRunner {

    /** The compute backend (may initialise the numeric library: call off the UI thread). */
    BackendInfo backend();

    /**
     * Starts (or resumes, when {@code <outDir>/<spec.runDirName()>} already holds finished rounds) an IMP
     * experiment with the spec's branches; events go to {@code listener} on the runner's thread.
     */
    RunControl start(ExperimentSpec spec, Path outDir, RunListener listener);
}
