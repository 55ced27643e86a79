package org.lotterylab.api.store;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Crash-safe file replacement: content goes to a temporary file {@code .<name>.tmp-<random>} in the
 * target's directory, is flushed and forced to the device, and is then renamed over the target
 * (atomically where the file system allows). Readers therefore see either the old file or the complete
 * new one, never a partial file. On failure the temporary file is deleted and the old target is untouched.
 */
public final class AtomicFiles {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BUFFER = 1 << 16;

    private AtomicFiles() {
    }

    /**
     * Atomically replaces (or creates) {@code target} with what {@code writer} writes; creates missing
     * parent directories.
     *
     * @throws IOException when writing fails; a full disk gives the message {@code disk full while writing <target>}
     */
    public static void write(Path target, IoWriter writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null) {
            throw new IOException("cannot write " + target + ": it has no parent directory");
        }
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + abs.getFileName() + ".tmp-" + Long.toHexString(RANDOM.nextLong() >>> 1));
        boolean done = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), BUFFER);
                writer.write(new NonClosing(out));
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            syncDirectory(dir);
        } catch (IOException e) {
            if (isDiskFull(e)) {
                throw new IOException("disk full while writing " + target, e);
            }
            throw e;
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the failure being reported matters more
                }
            }
        }
    }

    /** Atomically writes {@code text} as UTF-8. */
    public static void writeString(Path target, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    /** Whether {@code e} (or a cause) reports a full disk or exceeded quota. */
    static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                String s = m.toLowerCase(Locale.ROOT);
                if (s.contains("no space left on device") || s.contains("not enough space on the disk")
                        || s.contains("disk quota exceeded")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Forces the directory entry of a rename to disk where the platform supports it (Linux, macOS). */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // not supported on this platform (e.g. Windows); the rename itself already happened
        }
    }

    /** Keeps writers from closing the channel before it is forced. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
