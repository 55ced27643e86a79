package org.lotterylab.api.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path tmp;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void createsParentsAndReplaces() throws IOException {
        Path f = tmp.resolve("a/b/c.txt");
        AtomicFiles.writeString(f, "one");
        assertEquals("one", Files.readString(f));
        AtomicFiles.writeString(f, "two, longer");
        assertEquals("two, longer", Files.readString(f));
        AtomicFiles.write(f, out -> {
            out.write('x');
            out.close(); // writers may close; the file is still forced and moved
        });
        assertEquals("x", Files.readString(f));
        try (Stream<Path> s = Files.list(f.getParent())) {
            assertEquals(List.of("c.txt"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void failingWriterLeavesOldContentAndNoTempFiles() throws IOException {
        Path f = tmp.resolve("summary.csv");
        AtomicFiles.writeString(f, "old complete content\n");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("new partial con".getBytes());
            out.flush();
            assertTrue(names().stream().anyMatch(n -> n.startsWith(".summary.csv.tmp-")), "temp file exists while writing");
            assertEquals("old complete content\n", Files.readString(f), "target untouched while writing");
            throw new IOException("simulated failure");
        }));
        assertEquals("simulated failure", e.getMessage());
        assertEquals("old complete content\n", Files.readString(f));
        assertEquals(List.of("summary.csv"), names());
    }

    @Test
    void runtimeFailureAlsoCleansUp() throws IOException {
        Path f = tmp.resolve("x.npz");
        RuntimeException boom = new UncheckedIOException(new IOException("boom"));
        RuntimeException e = assertThrows(RuntimeException.class, () -> AtomicFiles.write(f, out -> {
            out.write(new byte[100_000]);
            throw boom;
        }));
        assertSame(boom, e);
        assertFalse(Files.exists(f));
        assertEquals(List.of(), names());
    }

    @Test
    void diskFullIsReportedClearlyAndOldFileKept() throws IOException {
        Path f = tmp.resolve("weights-final.npz");
        AtomicFiles.writeString(f, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write(new byte[10]);
            throw new IOException("No space left on device");
        }));
        assertEquals("disk full while writing " + f, e.getMessage());
        assertEquals("No space left on device", e.getCause().getMessage());
        assertEquals("old", Files.readString(f));
        assertEquals(List.of("weights-final.npz"), names());
    }
}
