package org.lotterylab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.app.cli.CliRun;
import org.lotterylab.app.install.UserDirs;

/** The window and the command line build the same spec (the same run hash) from the same flags. */
class CliAndWindowSpecTest {

    private static final List<String[]> FLAGS = List.of(
            new String[] {},
            new String[] {"--preset", "frankle-carbin-2019", "--iterations", "50"},
            new String[] {"--iterations", "20"},
            new String[] {"--iterations", "30", "--set", "evalInterval=10", "--rounds", "2"},
            new String[] {"--seed", "7", "--rewind", "5", "--branches", "one-shot,ticket"},
            new String[] {"--preset", "open-lth-lenet", "--set", "iterations=40", "--name", "short"},
            new String[] {"--data", "fashion-mnist", "--set", "hiddenRate=0.3", "--set=batchSize=30"});

    @TempDir
    Path tmp;

    private static String[] concat(String command, String[] flags, String... more) {
        String[] all = new String[1 + flags.length + more.length];
        all[0] = command;
        System.arraycopy(flags, 0, all, 1, flags.length);
        System.arraycopy(more, 0, all, 1 + flags.length, more.length);
        return all;
    }

    @Test
    void theSameFlagsGiveTheSameSpecInTheWindowAsInImpAndLmc() {
        for (String[] flags : FLAGS) {
            LabOptions lab = LabLauncher.options(flags, CliRun.devDirs());
            ExperimentSpec window = new ExperimentViewModel(lab.preset(), lab.overrides(), Files::isDirectory).spec();
            assertEquals(lab.spec(), window, Arrays.toString(flags));
            for (String command : List.of("imp", "lmc")) {
                CliRun cli = CliRun.of(concat(command, flags, "--dry-run"));
                assertEquals(0, cli.code(), command + " " + Arrays.toString(flags) + ": " + cli.err());
                assertEquals(window.toMap().toString(), cli.line("spec: "), command + " " + Arrays.toString(flags));
                assertEquals(window.runDirName(), Path.of(cli.line("run directory: ")).getFileName().toString(),
                        "the run hash of " + command + " " + Arrays.toString(flags));
            }
        }
    }

    @Test
    void fewIterationsGiveTheSameEvaluationIntervalEverywhere() {
        String[] flags = {"--preset", "frankle-carbin-2019", "--iterations", "50"};
        ExperimentSpec window = LabLauncher.options(flags, CliRun.devDirs()).spec();
        assertEquals(12, window.evalInterval(), "a quarter of 50 iterations: the preset's 100 would exceed them");
        assertEquals(window.runDirName(),
                Path.of(CliRun.of(concat("imp", flags, "--dry-run")).line("run directory: ")).getFileName().toString());
    }

    @Test
    void theWindowFollowsTheSameOutputFolderPolicy() {
        Path home = tmp.resolve("home");
        UserDirs installed = new UserDirs(Map.of("HOME", home.toString()), Map.of("os.name", "Linux",
                "user.home", home.toString(), UserDirs.APP_PATH_PROPERTY, "/opt/x/bin/x"));
        assertEquals(home.resolve(".local/share/lottery-ticket-lab/runs"),
                LabLauncher.options(new String[0], installed).outDir());
        assertEquals(Path.of("elsewhere").toAbsolutePath(),
                LabLauncher.options(new String[] {"--out", "elsewhere"}, installed).outDir());
        assertEquals(Path.of("runs").toAbsolutePath(), LabLauncher.options(new String[0], CliRun.devDirs()).outDir());
    }
}
