package org.lotterylab.app.cli;

import picocli.CommandLine.Mixin;

/**
 * The options the analysis commands ({@code lmc}, {@code edge-popup}) share, in their help order: where runs go
 * ({@code --out}), compute threads ({@code --threads}) and replicates ({@code --replicates}, {@code --parallel}).
 */
public final class RunOptions {
    @Mixin
    OutOption out;
    @Mixin
    ThreadsOption threads;
    @Mixin
    ReplicateOptions reps;
}
