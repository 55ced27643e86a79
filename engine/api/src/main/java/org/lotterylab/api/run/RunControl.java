package org.lotterylab.api.run;

import java.time.Duration;

/** Controls a running experiment. Pause and cancel take effect between iterations. */
public interface RunControl {
    /** Pauses after the current iteration. */
    void pause();

    /** Resumes a paused run. */
    void resume();

    /** Stops after the current iteration; finished rounds stay on disk. */
    void cancel();

    /** Whether the run is paused. */
    boolean isPaused();

    /** Whether the run has ended (finished, cancelled or failed). */
    boolean isDone();

    /** Waits for the end of the run; returns whether it ended within the timeout. */
    boolean await(Duration timeout) throws InterruptedException;
}
