package org.lotterylab.api.run;

/** Receives {@link RunEvent}s on the engine's thread. */
@FunctionalInterface
public interface RunListener {
    /** Called for each event, in order. Must return quickly. */
    void onEvent(RunEvent event);
}
