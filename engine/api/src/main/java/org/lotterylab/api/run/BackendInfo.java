package org.lotterylab.api.run;

/**
 * What the engine computes on.
 *
 * @param backend e.g. {@code CPU} or {@code CUDA}
 * @param threads compute threads in use
 * @param detail  library/device details (BLAS vendor, GPU name)
 * @param engine  the training path of a run ({@code lean} or {@code dl4j}), or empty when none is chosen yet
 */
public record BackendInfo(String backend, int threads, String detail, String engine) {

    /** Normalises a null engine to empty. */
    public BackendInfo {
        engine = engine == null ? "" : engine;
    }

    /** Backend information before a run has chosen its engine. */
    public BackendInfo(String backend, int threads, String detail) {
        this(backend, threads, detail, "");
    }

    /** A copy naming the training path. */
    public BackendInfo withEngine(String engineId) {
        return new BackendInfo(backend, threads, detail, engineId);
    }

    /** One line for status bars and {@code lth info}. */
    public String describe() {
        return backend + ", " + threads + " thread" + (threads == 1 ? "" : "s") + (detail.isBlank() ? "" : " (" + detail + ")")
                + (engine.isBlank() ? "" : ", engine " + engine);
    }
}
