package org.lotterylab.engine.train;

import org.lotterylab.api.run.RunLatch;

/**
 * The engine's run control: the lab's {@link RunLatch}, with the training loop's {@link #checkpoint()} between
 * iterations and the one way an engine runner starts its work ({@link #startDaemon}).
 */
public final class RunGate extends RunLatch {

    /** Blocks while paused; throws {@link CancelledException} when cancelled. */
    public void checkpoint() {
        if (waitWhilePaused()) {
            throw new CancelledException();
        }
    }

    /**
     * The one way an engine runner starts its work: {@code body} on a new daemon thread named {@code thread},
     * with a fresh gate that is marked done however the body ends. Returns the gate at once.
     */
    public static RunGate startDaemon(String thread, java.util.function.Consumer<RunGate> body) {
        RunGate gate = new RunGate();
        Thread t = new Thread(() -> {
            try {
                body.accept(gate);
            } finally {
                gate.markDone();
            }
        }, thread);
        t.setDaemon(true);
        t.start();
        return gate;
    }

    /** Thrown inside the training loop when the run is cancelled. */
    public static final class CancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CancelledException() {
            super("cancelled", null, false, false);
        }
    }
}
