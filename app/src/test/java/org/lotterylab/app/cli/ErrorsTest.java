package org.lotterylab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.app.install.UserDirs;

/** Bad command lines exit 2 with a message naming what was wrong and what is allowed, for every command. */
class ErrorsTest {

    @TempDir
    Path tmp;

    private static void assertUsage(CliRun r, String command, String... phrases) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains("(see: lth " + command + " --help)"), r.err());
        for (String p : phrases) {
            assertTrue(r.err().contains(p), "'" + p + "' in " + r.err());
        }
    }

    @Test
    void unknownOptionsListTheKnownOnesOfTheirCommand() {
        assertUsage(CliRun.of("lab", "--bogus"), "lab", "unknown option --bogus", "--autostart", "--seed");
        assertUsage(CliRun.of("lmc", "--kk=3"), "lmc", "unknown option --kk;", "--k ", "--alphas");
        assertUsage(CliRun.of("bench", "--rounds", "3"), "bench", "unknown option --rounds", "--blocks");
        assertUsage(CliRun.of("info", "extra"), "info", "unexpected argument 'extra'");
    }

    @Test
    void unknownCommandsListTheCommands() {
        CliRun r = CliRun.of("frobnicate");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown command 'frobnicate'") && r.err().contains("edge-popup")
                && r.err().contains("--self-test"), r.err());
    }

    @Test
    void badValuesNameTheOptionAndWhatIsAllowed() {
        assertUsage(CliRun.of("imp", "--rounds"), "imp", "--rounds needs a value");
        assertUsage(CliRun.of("imp", "--threads", "x"), "imp", "--threads expects an integer (got 'x')");
        assertUsage(CliRun.of("lab", "--threads", "0"), "lab", "--threads must be between 1 and 256 (got 0)");
        assertUsage(CliRun.of("imp", "--dry-run=yes"), "imp", "--dry-run takes no value");
        assertUsage(CliRun.of("imp", "--set", "rounds", "--dry-run"), "imp", "--set expects key=value (got 'rounds')");
        assertUsage(CliRun.of("lmc", "--set", "roundz=3", "--dry-run"), "lmc", "roundz", "known fields", "rounds");
        assertUsage(CliRun.of("lab", "--preset", "nope"), "lab", "unknown preset 'nope'", "quick");
        assertUsage(CliRun.of("edge-popup", "--init", "zeros", "--dry-run"), "edge-popup", "zeros",
                "signed-kaiming-constant");
        assertUsage(CliRun.of("bench", "--blocks", "0"), "bench", "--blocks must be between 1 and 100 (got 0)");
        assertUsage(CliRun.of("lmc", "--alphas", "1", "--dry-run"), "lmc", "--alphas must be at least 2");
        assertUsage(CliRun.of("lmc", "--run", tmp.toString(), "--rounds", "2"), "lmc",
                "--rounds cannot be combined with --run");
        assertUsage(CliRun.of("--self-test", "--timeout", "soon"), "--self-test",
                "--timeout expects a whole number of seconds (got 'soon')");
    }

    @Test
    void anUnwritableRunsFolderIsExitThreeWithTheFix() throws IOException {
        Path file = Files.writeString(tmp.resolve("runs-file"), "x");
        UserDirs dirs = new UserDirs(Map.of("HOME", tmp.toString(), "LTH_RUNS_DIR", file.toString()),
                Map.of("os.name", "Linux", "user.home", tmp.toString()));
        CliRun r = CliRun.with(dirs, "lmc", "--dry-run");
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("Lottery Ticket Lab cannot start: ") && r.err().contains("LTH_RUNS_DIR")
                && r.err().contains("--out DIR"), r.err());
        assertEquals(0, CliRun.with(dirs, "lmc", "--dry-run", "--out", tmp.resolve("o").toString()).code());
    }
}
