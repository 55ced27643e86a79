package org.lotterylab.engine.lmc;

/** Sees the trained copies and every evaluated point's parameters (tests and diagnostics). */
interface LmcObserver {
    /** A copy finished training; {@code params} is the trainer's final flat parameter vector (a copy). */
    void trained(LmcStore.Key key, int copy, float[] params);

    /** A point was evaluated with these parameters (read back from the evaluating network). */
    void point(LmcStore.Key key, int index, double alpha, float[] params);
}
