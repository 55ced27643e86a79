package org.lotterylab.engine.imp;

/**
 * One IMP branch: how a round's start parameters and mask follow from the ticket's round. Every branch of a
 * round depends only on {@link RoundInputs}, never on another branch of the same round, so the branches of
 * a round can train concurrently.
 */
@FunctionalInterface
interface BranchStrategy {

    /** The start and mask of round {@code in.round()}. */
    BranchStart start(RoundInputs in);
}
