package org.lotterylab.engine.lmc;

import org.lotterylab.api.store.LmcStore;

/** Sees the start, the trained copies and every evaluated point's parameters (tests and diagnostics). */
interface LmcObserver {
    /** A curve's two copies are about to train from {@code wk} (a copy; unmasked). */
    default void start(LmcStore.Key key, float[] wk) {
    }

    /** A copy finished training; {@code params} is the trainer's final flat parameter vector (a copy). */
    void trained(LmcStore.Key key, int copy, float[] params);

    /** A point was evaluated with these parameters (read back from the evaluating network). */
    void point(LmcStore.Key key, int index, double alpha, float[] params);
}
