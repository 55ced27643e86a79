package org.lotterylab.api.store;

import java.io.IOException;
import java.io.OutputStream;

/** Writes content to a stream; used by {@link AtomicFiles#write(java.nio.file.Path, IoWriter)}. */
@FunctionalInterface
public interface IoWriter {
    /** Writes everything to {@code out}. Need not flush or close it. */
    void write(OutputStream out) throws IOException;
}
