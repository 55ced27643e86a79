package org.lotterylab.app.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.Presets;
import org.lotterylab.api.store.RunLayout;
import org.lotterylab.api.store.SpecJson;
import org.lotterylab.api.store.SummaryCsv;
import org.lotterylab.app.Main;
import org.lotterylab.app.cli.CliContext;

/** The self-test's judgement of a finished child, on fake run folders (no window is opened). */
class SelfTestTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path tmp;

    private Path fakeRun(double ticketAccuracy) throws IOException {
        RunLayout layout = RunLayout.of(tmp.resolve("run"), Presets.QUICK.spec());
        Files.createDirectories(layout.dir());
        SpecJson.write(layout.specJson(), Presets.QUICK.spec());
        Files.writeString(layout.runJson(), "{\n  \"backend\": \"CPU\",\n  \"threads\": \"2\",\n  \"data\": \"sample: bundled\"\n}\n");
        SummaryCsv.write(layout.summaryCsv(), List.of(
                new RoundResult(Branch.TICKET, 0, 1.0, 0.88, 50, 0.88, 6.0, List.of()),
                new RoundResult(Branch.TICKET, 1, 0.6, ticketAccuracy, 50, ticketAccuracy, 9.0, List.of())));
        for (int round = 0; round <= 1; round++) {
            // StoredRun lists a round only when its arrays exist; their content is not read here
            Files.createDirectories(layout.roundDir(Branch.TICKET, round));
            Files.writeString(layout.masks(Branch.TICKET, round), "");
            Files.writeString(layout.weightsFinal(Branch.TICKET, round), "");
        }
        return layout.dir();
    }

    private Path png() throws IOException {
        return Files.write(tmp.resolve("window.png"), PNG_MAGIC);
    }

    @Test
    void passesWithExitZeroScreenshotAndAccurateRun() throws IOException {
        Path run = fakeRun(0.9);
        SelfTest.Result r = SelfTest.assess(new SelfTest.Child(0, false, null, List.of()), png(), tmp.resolve("run"));
        assertTrue(r.passed(), r.reason());
        assertEquals(run, r.runDir().orElseThrow());
        assertTrue(r.backend().startsWith("CPU"), r.backend());
        assertEquals("sample: bundled", r.dataSet());
        assertTrue(r.accuracy().contains("ticket round 1 (60.0% of weights): 0.9000"), r.accuracy());
        assertTrue(r.accuracy().contains("dense: 0.8800"), r.accuracy());
    }

    @Test
    void failsWithTheWindowsOwnReason() throws IOException {
        fakeRun(0.9);
        SelfTest.Result r = SelfTest.assess(new SelfTest.Child(1, false, null,
                List.of("some log", "lth lab: the engine could not be loaded: no natives", "bye")), png(), tmp.resolve("run"));
        assertFalse(r.passed());
        assertTrue(r.reason().contains("exited with code 1"), r.reason());
        assertTrue(r.reason().contains("the engine could not be loaded"), r.reason());
    }

    @Test
    void failsWithoutScreenshotRunOrAccuracy() throws IOException {
        SelfTest.Result none = SelfTest.assess(new SelfTest.Child(0, false, null, List.of()),
                tmp.resolve("missing.png"), tmp.resolve("run"));
        assertTrue(none.reason().contains("no screenshot"), none.reason());
        assertTrue(none.reason().contains("no run was stored"), none.reason());

        fakeRun(0.1);
        SelfTest.Result chance = SelfTest.assess(new SelfTest.Child(0, false, null, List.of()), png(), tmp.resolve("run"));
        assertTrue(chance.reason().contains("below"), chance.reason());

        SelfTest.Result late = SelfTest.assess(new SelfTest.Child(-1, true, null, List.of()), png(), tmp.resolve("run"));
        assertTrue(late.reason().contains("did not finish in time"), late.reason());
    }

    @Test
    void reportHasEveryLine() throws IOException {
        fakeRun(0.9);
        Path shot = png();
        SelfTest.Result r = SelfTest.assess(new SelfTest.Child(0, false, null, List.of()), shot, tmp.resolve("run"));
        UserDirs dirs = new UserDirs(Map.of("HOME", tmp.toString()),
                Map.of("os.name", "Linux", "user.home", tmp.toString(), "jpackage.app-path", "/opt/x/bin/x"));
        String text = SelfTest.report(r, dirs, shot, tmp.resolve("runs"), null, tmp.resolve("window.log"), 12.34);
        for (String key : List.of("PASSED", "version:", "java:", "backend:", "data set:", "accuracy:", "screenshot:",
                "seconds:", "12.3", "installed:", "yes, /opt/x/bin/x")) {
            assertTrue(text.contains(key), key + " in\n" + text);
        }
    }

    @Test
    void childCommandUsesTheInstalledLauncherWhenThereIsOne() throws IOException {
        Path launcher = tmp.resolve("bin/lottery-ticket-lab");
        Files.createDirectories(launcher.getParent());
        Files.writeString(launcher, "#!/bin/sh\n");
        assertTrue(launcher.toFile().setExecutable(true));
        UserDirs installed = new UserDirs(Map.of(), Map.of("os.name", "Linux", "jpackage.app-path", launcher.toString()));
        List<String> lab = SelfTest.labArgs(tmp.resolve("s.png"), tmp.resolve("out"));
        List<String> cmd = SelfTest.childCommand(installed, lab);
        assertEquals(launcher.toString(), cmd.get(0));
        assertEquals(lab, cmd.subList(1, cmd.size()));
        assertTrue(lab.containsAll(List.of("--autostart", "--exit-when-done", "--screenshot")));

        UserDirs plain = new UserDirs(Map.of(), Map.of("os.name", "Linux"));
        List<String> java = SelfTest.childCommand(plain, lab);
        assertTrue(java.contains("-cp") && java.contains("org.lotterylab.app.Main"), java.toString());
        assertEquals(lab, java.subList(java.size() - lab.size(), java.size()));
    }

    @Test
    void childDoesNotInheritTheLaunchersMark() {
        Map<String, String> env = new java.util.HashMap<>(Map.of("_JPACKAGE_LAUNCHER", "123", "PATH", "/usr/bin"));
        SelfTest.cleanEnvironment(env);
        assertEquals(Map.of("PATH", "/usr/bin"), env);
    }

    @Test
    void badCommandLineIsExitTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        UserDirs dirs = new UserDirs(Map.of("HOME", tmp.toString()), Map.of("os.name", "Linux", "user.home", tmp.toString()));
        int code = Main.run(new String[]{"--self-test", "--timeout", "soon"}, new CliContext(
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8), dirs));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("whole number"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unwritableDataFolderIsExitThree() throws IOException {
        Path fileHome = Files.writeString(tmp.resolve("not-a-dir"), "x");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        UserDirs dirs = new UserDirs(Map.of("HOME", fileHome.toString()),
                Map.of("os.name", "Linux", "user.home", fileHome.toString()));
        int code = SelfTest.run(SelfTest.DEFAULT_TIMEOUT_S, null, dirs, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(3, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot be created or written"),
                err.toString(StandardCharsets.UTF_8));
    }
}
