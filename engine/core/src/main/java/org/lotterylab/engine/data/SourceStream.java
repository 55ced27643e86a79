package org.lotterylab.engine.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A named input that is transparently gunzipped when it starts with the gzip magic bytes 1f 8b (whatever its
 * name). Every I/O failure becomes a {@link DataFormatException} naming the input.
 */
final class SourceStream implements Closeable {
    private static final int BUFFER = 1 << 16;
    private static final int FIRST_CHUNK = 1 << 20;

    /** {@code BYTE_TO_UNIT[b & 0xff] == (b & 0xff) / 255f}. */
    static final float[] BYTE_TO_UNIT = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            BYTE_TO_UNIT[i] = i / 255f;
        }
    }

    private final String name;
    private final InputStream in;
    private final boolean gzip;

    private SourceStream(String name, InputStream in, boolean gzip) {
        this.name = name;
        this.in = in;
        this.gzip = gzip;
    }

    /** Opens a file; a missing file, a directory or an unreadable file is reported by name. */
    static SourceStream open(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new DataFormatException(name, "is a directory, expected a data file");
        }
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(name, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new DataFormatException(name, "cannot read the file: permission denied", e);
        } catch (IOException e) {
            throw new DataFormatException(name, "cannot open the file: " + e, e);
        }
        return open(raw, name);
    }

    /** Wraps a stream (which this object then owns and closes); {@code name} is shown in messages. */
    static SourceStream open(InputStream raw, String name) {
        if (raw == null) {
            throw new DataFormatException(name, "not found (no input stream)");
        }
        BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
        try {
            buffered.mark(2);
            int b0 = buffered.read();
            int b1 = b0 < 0 ? -1 : buffered.read();
            buffered.reset();
            if (b0 < 0) {
                closeQuietly(buffered);
                throw new DataFormatException(name, "empty file (0 bytes)");
            }
            if (b0 == 0x1f && b1 == 0x8b) {
                try {
                    return new SourceStream(name, new GZIPInputStream(buffered, BUFFER), true);
                } catch (IOException e) {
                    closeQuietly(buffered);
                    throw new DataFormatException(name, "corrupt gzip data: bad gzip header (" + e.getMessage() + ")", e);
                }
            }
            return new SourceStream(name, buffered, false);
        } catch (IOException e) {
            closeQuietly(buffered);
            throw new DataFormatException(name, "cannot read: " + e, e);
        }
    }

    String name() {
        return name;
    }

    boolean gzip() {
        return gzip;
    }

    /** Reads up to {@code len} bytes, stopping early only at the end of the data; returns how many were read. */
    int readUpTo(byte[] buf, int off, int len) {
        try {
            return in.readNBytes(buf, off, len);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * Reads up to {@code size} bytes, stopping early only at the end of the data. The buffer grows with the data
     * actually read (at most doubling), so a header that claims gigabytes allocates only as much as the input
     * holds; the result's length is the number of bytes read.
     */
    byte[] readUpTo(int size) {
        byte[] buf = new byte[Math.min(size, FIRST_CHUNK)];
        int filled = 0;
        while (true) {
            filled += readUpTo(buf, filled, buf.length - filled);
            if (filled < buf.length || filled == size) {
                return filled == buf.length ? buf : java.util.Arrays.copyOf(buf, filled);
            }
            buf = java.util.Arrays.copyOf(buf, (int) Math.min(size, 2L * buf.length));
        }
    }

    /** Reads everything that is left. */
    byte[] readAll() {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw failure(e);
        } catch (OutOfMemoryError e) {
            throw new DataFormatException(name, "too large to load into memory", e);
        }
    }

    /** Reads to the end and returns how many bytes were left (this also checks a gzip trailer). */
    long remaining() {
        byte[] buf = new byte[BUFFER];
        long total = 0;
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                total += n;
            }
            return total;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private DataFormatException failure(IOException e) {
        if (gzip && (e instanceof ZipException || e instanceof EOFException)) {
            return new DataFormatException(name, "corrupt or truncated gzip data (" + e.getMessage() + ")", e);
        }
        return new DataFormatException(name, "cannot read: " + e, e);
    }

    @Override
    public void close() {
        closeQuietly(in);
    }

    private static void closeQuietly(InputStream s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing useful to do: the data has been read or the read has already failed
        }
    }
}
