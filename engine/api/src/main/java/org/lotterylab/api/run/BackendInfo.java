package org.lotterylab.api.run;

/**
 * What the engine computes on.
 *
 * @param backend e.g. {@code CPU} or {@code CUDA}
 * @param threads compute threads in use
 * @param detail  library/device details (BLAS vendor, GPU name)
 */
public record BackendInfo(String backend, int threads, String detail) {

    /** One line for status bars and {@code lth info}. */
    public String describe() {
        return backend + ", " + threads + " thread" + (threads == 1 ? "" : "s") + (detail.isBlank() ? "" : " (" + detail + ")");
    }
}
