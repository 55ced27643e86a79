package org.lotterylab.engine.util;

import java.nio.file.Path;

/** A child process for {@link RunLockTest}: holds the lock of {@code args[0]}, prints "LOCKED", waits on stdin. */
public final class LockHolder {
    private LockHolder() {
    }

    @SuppressWarnings("try") // the resource is held for the block's extent, never referenced
    public static void main(String[] args) throws Exception {
        try (RunLock lock = RunLock.acquire(Path.of(args[0]))) {
            System.out.println("LOCKED");
            System.out.flush();
            System.in.read();
        }
    }
}
