package org.lotterylab.api.store;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run format check of {@link StoredRun#open}: a {@code format} in run.json newer than this lab reads is refused. */
class StoredRunFormatTest {
    @TempDir
    Path tmp;

    private Path run(String runJson) throws IOException {
        Path dir = tmp.resolve("run");
        GoldenRunGenerator.write(dir);
        Files.writeString(new RunLayout(dir).runJson(), runJson);
        return dir;
    }

    @Test
    void aNewerFormatIsRefusedNamingBothVersions() throws IOException {
        Path dir = run("{\"format\": 3, \"backend\": \"CPU\"}");
        IOException e = assertThrows(IOException.class, () -> StoredRun.open(dir));
        assertTrue(e.getMessage().contains("newer lab") && e.getMessage().contains("run format 3")
                && e.getMessage().contains("run format " + StoredRun.FORMAT + " and older"), e.getMessage());
        IOException text = assertThrows(IOException.class, () -> StoredRun.open(run("{\"format\": \"three\"}")));
        assertTrue(text.getMessage().contains("not a number"), text.getMessage());
    }

    @Test
    void knownOrMissingFormatsOpen() throws IOException {
        assertTrue(StoredRun.open(run("{\"format\": 2}")).warnings().isEmpty());
        assertTrue(StoredRun.open(run("{\"format\": \"1\"}")).warnings().isEmpty());
        assertTrue(StoredRun.open(run("{\"backend\": \"CPU\"}")).warnings().isEmpty());
        // a damaged run.json is a warning, not a refusal
        assertTrue(StoredRun.open(run("{\"format\": ")).warnings().stream().anyMatch(w -> w.contains("run.json")));
    }
}
