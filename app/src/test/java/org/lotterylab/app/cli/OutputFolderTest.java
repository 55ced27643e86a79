package org.lotterylab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.app.install.UserDirs;

/** One output-folder policy for every command that writes runs ({@link UserDirs#defaultOutDir()}). */
class OutputFolderTest {

    private static final List<String> RUN_COMMANDS = List.of("imp", "lmc", "edge-popup");

    @TempDir
    Path tmp;

    @Test
    void anInstalledAppWritesEveryCommandsRunsIntoTheUsersRunsFolder() {
        Path home = tmp.resolve("home");
        UserDirs installed = new UserDirs(Map.of("HOME", home.toString()), Map.of("os.name", "Linux",
                "user.home", home.toString(), UserDirs.APP_PATH_PROPERTY, "/opt/lottery-ticket-lab/bin/lottery-ticket-lab"));
        Path runs = home.resolve(".local/share/lottery-ticket-lab/runs");
        for (String c : RUN_COMMANDS) {
            CliRun r = CliRun.with(installed, c, "--dry-run");
            assertEquals(0, r.code(), c + ": " + r.err());
            assertEquals(runs, Path.of(r.line("run directory: ")).getParent(), c);
            CliRun given = CliRun.with(installed, c, "--dry-run", "--out", tmp.resolve("mine").toString());
            assertEquals(tmp.resolve("mine"), Path.of(given.line("run directory: ")).getParent(), c + " --out wins");
        }
    }

    @Test
    void theRunsVariableAppliesOutsideAnInstallationToo() {
        Path runs = tmp.resolve("my runs");
        UserDirs dirs = new UserDirs(Map.of("HOME", tmp.toString(), UserDirs.RUNS_ENV, runs.toString()),
                Map.of("os.name", "Linux", "user.home", tmp.toString()));
        for (String c : RUN_COMMANDS) {
            assertEquals(runs, Path.of(CliRun.with(dirs, c, "--dry-run").line("run directory: ")).getParent(), c);
        }
    }

    @Test
    void aDevelopmentCheckoutWritesIntoRuns() {
        for (String c : RUN_COMMANDS) {
            String dir = CliRun.of(c, "--dry-run").line("run directory: ");
            assertTrue(dir.startsWith("runs" + java.io.File.separator), c + ": " + dir);
        }
    }
}
