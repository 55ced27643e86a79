package org.lotterylab.engine.util;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single-writer lock of a run directory: an OS file lock on {@value #FILE} (plus a set of the directories
 * this JVM holds, since file locks are per process). A second writer, in this process or another, is refused
 * at once with a {@link BusyException} that says who holds the run, so it stops before it changes any file.
 * The lock file stays in the directory (deleting it would let two writers lock different files); the OS
 * releases the lock when its process ends, however it ends.
 */
public final class RunLock implements AutoCloseable {
    /** Lock file name inside the run directory (hidden: not part of the run format). */
    public static final String FILE = ".lth-writer.lock";

    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** Another writer holds the run directory. The message says which directory and who holds it. */
    public static final class BusyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BusyException(String message) {
            super(message);
        }
    }

    /**
     * Locks {@code runDir} (created when missing) for writing.
     *
     * @throws BusyException when another writer holds it
     * @throws IOException   when the lock file cannot be created
     */
    public static RunLock acquire(Path runDir) throws IOException {
        Files.createDirectories(runDir);
        Path key = runDir.toAbsolutePath().normalize();
        Path file = key.resolve(FILE);
        if (!HELD.add(key)) {
            throw busy(runDir, "another run in this process");
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw busy(runDir, holder(file));
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return new RunLock(key, ch, lock);
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            if (ch != null) {
                ch.close();
            }
            throw e;
        }
    }

    private static BusyException busy(Path runDir, String who) {
        return new BusyException(runDir + " is being written by " + who + ": wait for it to finish or stop it, "
                + "or choose another output folder; nothing was changed");
    }

    private static String holder(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "another process" : "another process (" + s + ")";
        } catch (IOException | RuntimeException e) {
            return "another process";
        }
    }

    /** Releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            HELD.remove(key);
        }
    }
}
