package org.lotterylab.app.cli;

import picocli.CommandLine.Option;

/** {@code --threads N}: compute threads of the engine. */
public final class ThreadsOption {

    /** The most threads a command accepts. */
    public static final int MAX = 256;

    @Option(names = "--threads", paramLabel = "N", description = "compute (BLAS) threads per training "
            + "(default 1 for imp, 2 elsewhere; lab: all cores but one); "
            + "results are bit-identical for the same thread count")
    Integer threads;

    /** The threads given, checked to be in [1, {@link #MAX}], or {@code fallback}. */
    public int resolve(int fallback) {
        return threads == null ? fallback : UsageException.checkBetween("--threads", threads, 1, MAX);
    }
}
