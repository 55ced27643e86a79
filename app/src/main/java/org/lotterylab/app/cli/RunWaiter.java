package org.lotterylab.app.cli;

import java.io.PrintStream;
import java.time.Duration;
import org.lotterylab.api.run.RunControl;

/**
 * Waits for a headless run to end. Ctrl-C (or a kill) cancels the run and waits up to ten seconds for it to
 * stop after the current step, so the finished rounds stay on disk.
 */
final class RunWaiter {

    private RunWaiter() {
    }

    /**
     * Blocks until {@code control} is done; returns 1 if {@code failed}, 130 if {@code cancelled}, else 0, as
     * reported by the caller's printer once the run is over.
     *
     * @param savedWhat what survives an interruption, for the message ("finished rounds", ...)
     */
    static int await(RunControl control, PrintStream err, String savedWhat, Outcome outcome) throws InterruptedException {
        Thread hook = new Thread(() -> {
            if (!control.isDone()) {
                err.println("\ninterrupted: stopping after the current step; " + savedWhat + " are saved");
                control.cancel();
                try {
                    control.await(Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "lth-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        control.await(Duration.ofDays(365));
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
        if (outcome.failed()) {
            return 1;
        }
        return outcome.cancelled() ? 130 : 0;
    }

    /** How the run ended, as seen by the command's printer. */
    interface Outcome {
        /** Whether the run reported a failure. */
        boolean failed();

        /** Whether the run ended cancelled. */
        boolean cancelled();
    }
}
