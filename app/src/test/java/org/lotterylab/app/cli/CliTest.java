package org.lotterylab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.mask.Mask;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.store.Npz;
import org.lotterylab.api.store.StoredRun;
import org.lotterylab.app.Main;

/** The command line: messages and exit codes for bad input, and a tiny real run. */
class CliTest {

    @TempDir
    Path tmp;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownFlagSaysWhatIsAllowed() {
        Result r = run("imp", "--roundz", "3");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown option --roundz") && r.err().contains("--rounds"), r.err());
    }

    @Test
    void impossibleValuesAreRejectedWithTheField() {
        Result r = run("imp", "--set", "learningRate=-1", "--dry-run");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("learningRate") && r.err().contains("> 0"), r.err());
        Result k = run("imp", "--rewind", "100000", "--dry-run");
        assertEquals(2, k.code());
        assertTrue(k.err().contains("rewindIteration"), k.err());
        Result b = run("imp", "--branches", "ticket,lucky", "--dry-run");
        assertEquals(2, b.code());
        assertTrue(b.err().contains("lucky") && b.err().contains("random-reinit"), b.err());
        Result p = run("imp", "--preset", "nope", "--dry-run");
        assertEquals(2, p.code());
        assertTrue(p.err().contains("quick"), p.err());
        Result d = run("imp", "--data", tmp.resolve("missing").toString(), "--dry-run");
        assertEquals(2, d.code());
        assertTrue(d.err().contains("missing"), d.err());
        Result n = run("imp", "--rounds", "many", "--dry-run");
        assertEquals(2, n.code());
        assertTrue(n.err().contains("rounds") && n.err().contains("integer"), n.err());
    }

    @Test
    void helpListsEveryFieldWithItsDefault() {
        Result r = run("imp", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("hiddenRate") && r.out().contains("[default: 0.2]"), r.out());
        assertEquals(2, run("frobnicate").code());
    }

    @Test
    void aTinyRunStoresEveryRoundAndResumesAsDone() throws Exception {
        Path data = writeTinyIdx(tmp.resolve("data"), 300);
        Path out = tmp.resolve("runs");
        String[] args = {"imp", "--data", data.toString(), "--out", out.toString(), "--rounds", "2",
            "--iterations", "20", "--set", "model=mlp-small", "--set", "batchSize=20", "--set", "evalInterval=10"};
        Result r = run(args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("random-reinit") && r.out().contains("finished"), r.out());
        Path runDir = Files.list(out).findFirst().orElseThrow();
        StoredRun stored = StoredRun.open(runDir);
        List<RoundResult> results = stored.results();
        assertEquals(5, results.size(), "dense round + 2 rounds x 2 branches");
        List<Mask> masks = Npz.readMasks(runDir.resolve("ticket/round-02/masks.npz"));
        assertEquals(Math.round(78_400 * 0.6 * 0.6), masks.get(0).kept());
        assertEquals(Math.round(1_000 * 0.8 * 0.8), masks.get(1).kept());
        assertTrue(stored.rounds(Branch.RANDOM_REINIT).contains(2));
        Result again = run(args);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("(stored)"), again.out());
    }

    static Path writeTinyIdx(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        Random rng = new Random(5);
        byte[] px = new byte[count * 784];
        byte[] lb = new byte[count];
        for (int n = 0; n < count; n++) {
            lb[n] = (byte) (n % 10);
            for (int j = 0; j < 784; j++) {
                px[n * 784 + j] = (byte) (j % 10 == n % 10 ? 200 : rng.nextInt(30));
            }
        }
        try (OutputStream o = Files.newOutputStream(dir.resolve("images-idx3-ubyte"));
             DataOutputStream d = new DataOutputStream(o)) {
            d.writeInt(2051);
            d.writeInt(count);
            d.writeInt(28);
            d.writeInt(28);
            d.write(px);
        }
        try (OutputStream o = Files.newOutputStream(dir.resolve("labels-idx1-ubyte"));
             DataOutputStream d = new DataOutputStream(o)) {
            d.writeInt(2049);
            d.writeInt(count);
            d.write(lb);
        }
        return dir;
    }
}
