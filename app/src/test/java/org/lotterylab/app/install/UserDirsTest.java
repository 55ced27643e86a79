package org.lotterylab.app.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link UserDirs} with fake environments and properties: no real home folder is read or written. */
class UserDirsTest {

    @TempDir
    Path tmp;

    private static Map<String, String> props(String os, String home, String... more) {
        Map<String, String> p = new HashMap<>();
        p.put("os.name", os);
        if (home != null) {
            p.put("user.home", home);
        }
        for (int i = 0; i + 1 < more.length; i += 2) {
            p.put(more[i], more[i + 1]);
        }
        return p;
    }

    private static Map<String, String> env(String... kv) {
        Map<String, String> e = new HashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            e.put(kv[i], kv[i + 1]);
        }
        return e;
    }

    @Test
    void linuxFollowsXdgDefaults() {
        UserDirs d = new UserDirs(env("HOME", "/home/ada"), props("Linux", "/home/ada"));
        assertEquals(Path.of("/home/ada/.local/share/lottery-ticket-lab/runs"), d.runsDir());
        assertEquals(Path.of("/home/ada/.cache/lottery-ticket-lab/javacpp"), d.javacppCacheDir());
        assertEquals(Path.of("/home/ada/.cache/lottery-ticket-lab/openjfx"), d.javafxCacheDir());
        assertFalse(d.installed());
        assertFalse(d.runsDirOverridden());
    }

    @Test
    void linuxHonoursXdgVariablesButIgnoresRelativeOnes() {
        UserDirs d = new UserDirs(env("HOME", "/home/ada", "XDG_DATA_HOME", "/data", "XDG_CACHE_HOME", "/fast/cache"),
                props("Linux", "/home/ada"));
        assertEquals(Path.of("/data/lottery-ticket-lab/runs"), d.runsDir());
        assertEquals(Path.of("/fast/cache/lottery-ticket-lab/javacpp"), d.javacppCacheDir());

        UserDirs relative = new UserDirs(env("HOME", "/home/ada", "XDG_DATA_HOME", "data", "XDG_CACHE_HOME", "c"),
                props("Linux", "/home/ada"));
        assertEquals(Path.of("/home/ada/.local/share/lottery-ticket-lab/runs"), relative.runsDir());
        assertEquals(Path.of("/home/ada/.cache/lottery-ticket-lab"), relative.cacheDir());
    }

    @Test
    void homeComesFromHomeVariableThenUserHome() {
        assertEquals(Path.of("/env/home"), new UserDirs(env("HOME", "/env/home"), props("Linux", "/pw/home")).home());
        assertEquals(Path.of("/pw/home"), new UserDirs(env(), props("Linux", "/pw/home")).home());
    }

    @Test
    void overridesWinPropertyBeforeEnvironment() {
        UserDirs envOnly = new UserDirs(env("HOME", "/h", "LTH_RUNS_DIR", "/srv/runs", "LTH_CACHE_DIR", "/srv/cache"),
                props("Linux", "/h"));
        assertEquals(Path.of("/srv/runs"), envOnly.runsDir());
        assertEquals(Path.of("/srv/cache/javacpp"), envOnly.javacppCacheDir());
        assertTrue(envOnly.runsDirOverridden());

        UserDirs both = new UserDirs(env("HOME", "/h", "LTH_RUNS_DIR", "/srv/runs"),
                props("Linux", "/h", "lth.runs.dir", "/prop/runs", "lth.cache.dir", "/prop/cache"));
        assertEquals(Path.of("/prop/runs"), both.runsDir());
        assertEquals(Path.of("/prop/cache/openjfx"), both.javafxCacheDir());
    }

    @Test
    void windowsUsesLocalAppData() {
        UserDirs d = new UserDirs(env("LOCALAPPDATA", "/win/Users/ada/AppData/Local", "HOME", "/ignored"),
                props("Windows 11", "/win/Users/ada"));
        assertEquals(UserDirs.Os.WINDOWS, d.os());
        assertEquals(Path.of("/win/Users/ada/AppData/Local/LotteryTicketLab/runs"), d.runsDir());
        assertEquals(Path.of("/win/Users/ada/AppData/Local/LotteryTicketLab/cache/javacpp"), d.javacppCacheDir());

        UserDirs noVariable = new UserDirs(env(), props("Windows 10", "/win/Users/bob"));
        assertEquals(Path.of("/win/Users/bob/AppData/Local/LotteryTicketLab/runs"), noVariable.runsDir());
    }

    @Test
    void macUsesLibraryFolders() {
        UserDirs d = new UserDirs(env("HOME", "/Users/ada"), props("Mac OS X", "/Users/ada"));
        assertEquals(UserDirs.Os.MAC, d.os());
        assertEquals(Path.of("/Users/ada/Library/Application Support/LotteryTicketLab/runs"), d.runsDir());
        assertEquals(Path.of("/Users/ada/Library/Caches/LotteryTicketLab/javacpp"), d.javacppCacheDir());
    }

    @Test
    void noHomeAtAllSaysSoAndHowToFixIt() {
        UserDirs d = new UserDirs(env(), props("Linux", "?"));
        UserDirs.UnusableDirException e = assertThrows(UserDirs.UnusableDirException.class, d::runsDir);
        assertTrue(e.getMessage().contains("no home folder"), e.getMessage());
        assertTrue(e.getMessage().contains("LTH_RUNS_DIR"), e.getMessage());
    }

    @Test
    void developmentRunWithWritableJavacppDefaultChangesNothingAndWritesToRuns() {
        Path home = tmp.resolve("home");
        UserDirs d = new UserDirs(env("HOME", home.toString()), props("Linux", home.toString()));
        assertTrue(d.launchProperties().isEmpty());
        assertEquals(Path.of("runs"), d.defaultOutDir());
    }

    @Test
    void installedAppMovesNativeCachesAndRunsToUserFolders() throws IOException {
        Path home = tmp.resolve("home");
        UserDirs d = new UserDirs(env("HOME", home.toString()),
                props("Linux", home.toString(), "jpackage.app-path", "/opt/lottery-ticket-lab/bin/lottery-ticket-lab"));
        assertTrue(d.installed());
        Map<String, String> plan = d.launchProperties();
        Path cache = home.resolve(".cache/lottery-ticket-lab");
        assertEquals(cache.resolve("javacpp").toString(), plan.get(UserDirs.JAVACPP_CACHEDIR));
        assertEquals(cache.resolve("openjfx").toString(), plan.get(UserDirs.JAVAFX_CACHEDIR));
        Path runs = home.resolve(".local/share/lottery-ticket-lab/runs");
        assertEquals(runs, d.defaultOutDir());
        assertTrue(Files.isDirectory(runs));
        assertTrue(Files.isDirectory(cache.resolve("javacpp")));
        try (var s = Files.list(cache.resolve("javacpp"))) {
            assertEquals(0, s.count(), "the write check leaves nothing behind");
        }
    }

    @Test
    void runsOverrideAppliesOutsideAnInstallationToo() {
        Path home = tmp.resolve("home");
        Path runs = tmp.resolve("my runs");
        UserDirs d = new UserDirs(env("HOME", home.toString(), "LTH_RUNS_DIR", runs.toString()),
                props("Linux", home.toString()));
        assertEquals(runs, d.defaultOutDir());
        assertTrue(Files.isDirectory(runs));
    }

    @Test
    void cacheOverrideAppliesOutsideAnInstallationToo() {
        Path home = tmp.resolve("home");
        Path cache = tmp.resolve("cache");
        UserDirs d = new UserDirs(env("HOME", home.toString(), "LTH_CACHE_DIR", cache.toString()),
                props("Linux", home.toString()));
        assertEquals(cache.resolve("javacpp").toString(), d.launchProperties().get(UserDirs.JAVACPP_CACHEDIR));
    }

    @Test
    void explicitJavacppCacheDirIsKeptAndChecked() throws IOException {
        Path home = tmp.resolve("home");
        Path mine = tmp.resolve("mine");
        UserDirs ok = new UserDirs(env("HOME", home.toString()),
                props("Linux", home.toString(), "jpackage.app-path", "/opt/x/bin/x", UserDirs.JAVACPP_CACHEDIR, mine.toString()));
        assertFalse(ok.launchProperties().containsKey(UserDirs.JAVACPP_CACHEDIR));

        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        UserDirs bad = new UserDirs(env("HOME", home.toString()),
                props("Linux", home.toString(), UserDirs.JAVACPP_CACHEDIR, file.resolve("cache").toString()));
        UserDirs.UnusableDirException e = assertThrows(UserDirs.UnusableDirException.class,
                bad::launchProperties);
        assertTrue(e.getMessage().contains("-Dorg.bytedeco.javacpp.cachedir"), e.getMessage());
        assertTrue(e.getMessage().contains(file.resolve("cache").toString()), e.getMessage());
    }

    @Test
    void unwritableJavacppDefaultFallsBackToTheAppCache() throws IOException {
        // a regular file where the home folder should be: nothing can be created below it
        Path fileHome = Files.writeString(tmp.resolve("not-a-dir"), "x");
        Path cache = tmp.resolve("cache");
        UserDirs d = new UserDirs(env("HOME", fileHome.toString(), "LTH_CACHE_DIR", cache.toString()),
                props("Linux", fileHome.toString()));
        assertEquals(cache.resolve("javacpp").toString(), d.launchProperties().get(UserDirs.JAVACPP_CACHEDIR));
    }

    @Test
    void unwritableHomeInAnInstalledAppGivesOneParagraphNamingPathAndFix() throws IOException {
        Path fileHome = Files.writeString(tmp.resolve("not-a-dir"), "x");
        UserDirs d = new UserDirs(env("HOME", fileHome.toString()),
                props("Linux", fileHome.toString(), "jpackage.app-path", "/opt/x/bin/x"));
        UserDirs.UnusableDirException e = assertThrows(UserDirs.UnusableDirException.class,
                d::launchProperties);
        String m = e.getMessage();
        assertTrue(m.contains(fileHome.resolve(".cache/lottery-ticket-lab/javacpp").toString()), m);
        assertTrue(m.contains("LTH_CACHE_DIR"), m);
        assertFalse(m.contains("\n"), m);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        UserDirs.report(e, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("Lottery Ticket Lab cannot start: "), printed);
        assertFalse(printed.contains("Exception"), printed);
    }

    @Test
    void unwritableRunsFolderNamesTheRunsVariable() throws IOException {
        Path home = tmp.resolve("home");
        Path file = Files.writeString(tmp.resolve("runs-file"), "x");
        UserDirs d = new UserDirs(env("HOME", home.toString(), "LTH_RUNS_DIR", file.toString()),
                props("Linux", home.toString(), "jpackage.app-path", "/opt/x/bin/x"));
        UserDirs.UnusableDirException e = assertThrows(UserDirs.UnusableDirException.class, d::defaultOutDir);
        assertTrue(e.getMessage().contains("runs folder"), e.getMessage());
        assertTrue(e.getMessage().contains("LTH_RUNS_DIR"), e.getMessage());
        assertTrue(e.getMessage().contains("--out DIR"), e.getMessage());
    }

    @Test
    void writeCheckReportsWhy() throws IOException {
        assertNull(UserDirs.whyNotWritable(tmp.resolve("a/b/c")));
        Path file = Files.writeString(tmp.resolve("f"), "x");
        String why = UserDirs.whyNotWritable(file.resolve("sub"));
        assertTrue(why != null && !why.isBlank(), String.valueOf(why));
    }
}
