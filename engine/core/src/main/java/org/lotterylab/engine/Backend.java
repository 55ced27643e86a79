package org.lotterylab.engine;

import org.lotterylab.api.run.BackendInfo;
import org.nd4j.linalg.factory.Nd4j;

/** Initialises ND4J once and reports which backend (CPU or CUDA) and how many threads it uses. */
public final class Backend {

    private static BackendInfo info;

    private Backend() {
    }

    /**
     * Loads ND4J (slow the first time: native libraries are extracted and loaded) and sets the number of
     * compute threads.
     */
    public static synchronized BackendInfo init(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        int blasThreads = threads;
        try {
            Nd4j.factory().blas().setMaxThreads(threads);
            blasThreads = Nd4j.factory().blas().getMaxThreads();
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // CUDA has no BLAS thread setting
        }
        String cls = Nd4j.getBackend().getClass().getSimpleName();
        String kind = cls.toLowerCase(java.util.Locale.ROOT).contains("cu") ? "CUDA" : "CPU";
        String detail;
        try {
            detail = String.valueOf(Nd4j.getExecutioner().getEnvironmentInformation().getOrDefault("blas.vendor", ""));
        } catch (RuntimeException e) {
            detail = "";
        }
        if (kind.equals("CUDA")) {
            Object dev = Nd4j.getExecutioner().getEnvironmentInformation().get("cuda.devicesInformation");
            detail = dev == null ? "CUDA" : dev.toString();
        } else if (!detail.isBlank()) {
            detail = "BLAS " + detail;
        }
        info = new BackendInfo(kind, kind.equals("CPU") ? blasThreads : threads, detail);
        return info;
    }

    /** The last initialised backend, initialising with {@code threads} if needed. */
    public static synchronized BackendInfo current(int threads) {
        if (info == null || info.threads() != threads) {
            return init(threads);
        }
        return info;
    }
}
