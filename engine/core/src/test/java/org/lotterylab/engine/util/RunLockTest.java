package org.lotterylab.engine.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {

    @TempDir
    Path tmp;

    @SuppressWarnings("try") // the resource is held for the block's extent, never referenced
    @Test
    void aSecondWriterInThisProcessIsRefusedUntilTheFirstReleases() throws Exception {
        Path dir = tmp.resolve("run");
        try (RunLock first = RunLock.acquire(dir)) {
            RunLock.BusyException e = assertThrows(RunLock.BusyException.class, () -> RunLock.acquire(dir));
            assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("another run in this process"),
                    e.getMessage());
        }
        RunLock.acquire(dir).close(); // free again
    }

    @Test
    void aWriterInAnotherProcessIsRefusedWithItsPid() throws Exception {
        Path dir = tmp.resolve("run");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LockHolder.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
            assertEquals("LOCKED", out.readLine());
            RunLock.BusyException e = assertThrows(RunLock.BusyException.class, () -> RunLock.acquire(dir));
            assertTrue(e.getMessage().contains("pid " + child.pid()), e.getMessage());
            child.destroyForcibly(); // kill -9: the OS drops its lock
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
            RunLock.acquire(dir).close();
        } finally {
            child.destroyForcibly();
        }
    }
}
