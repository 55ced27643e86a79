package org.lotterylab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.app.Main;

/** {@code lth edge-popup}: messages and exit codes, and a tiny real sweep plus supermasks. */
class EdgePopupCommandTest {

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
    void badKeepValuesAndOptionsAreUsageErrors() {
        Result r = run("edge-popup", "--keep", "1.5", "--dry-run");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("keep") && r.err().contains("(0, 1]") && r.err().contains("1.5"), r.err());
        r = run("edge-popup", "--keep", "0", "--dry-run");
        assertEquals(2, r.code());
        r = run("edge-popup", "--keep", "half", "--dry-run");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'half' is not a number"), r.err());
        r = run("edge-popup", "--lr", "-1", "--dry-run");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--lr"), r.err());
        r = run("edge-popup", "--optimizer", "rmsprop", "--dry-run");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("sgd-cosine"), r.err());
        r = run("edge-popup", "--keepp", "0.5");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown option --keepp") && r.err().contains("--keep"), r.err());
        r = run("edge-popup", "--supermask", tmp.resolve("nothing").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not a run directory"), r.err());
    }

    @Test
    void helpAndDryRunDescribeTheRun() {
        Result h = run("edge-popup", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("--keep LIST") && h.out().contains("--supermask RUN_DIR"), h.out());
        Result d = run("edge-popup", "--keep", "0.7,0.1,0.3", "--iterations", "77", "--init", "signed-kaiming-constant",
                "--out", tmp.toString(), "--dry-run");
        assertEquals(0, d.code(), d.err());
        assertTrue(d.out().contains("keep (fraction of edges kept): [0.7, 0.3, 0.1]"), d.out());
        assertTrue(d.out().contains("iterations=77"), d.out());
        assertTrue(d.out().contains("init=signed-kaiming-constant"), d.out());
        assertTrue(d.out().contains("iterations=400"), "--iterations is edge-popup's, the spec keeps its own: " + d.out());
    }

    @Test
    void aTinySweepPrintsATableAndSupermasksReadAnImpRun() throws Exception {
        String outDir = tmp.toString();
        // IMP with the init edge-popup freezes by default (signed Kaiming constant): one run directory for both
        String[] common = {"--preset", "quick", "--set", "model=mlp-small", "--set", "init=signed-kaiming-constant",
                "--set", "iterations=6",
                "--set", "evalInterval=3", "--rounds", "1", "--branches", "ticket", "--out", outDir, "--threads", "1"};
        Result imp = run(concat(new String[] {"imp"}, common));
        assertEquals(0, imp.code(), imp.err());
        Result ep = run(concat(new String[] {"edge-popup", "--keep", "0.5,0.2"}, common));
        assertEquals(0, ep.code(), ep.err() + ep.out());
        assertTrue(ep.out().contains("keep") && ep.out().contains("kept%"), ep.out());
        assertTrue(ep.out().contains("\n0.5 ") && ep.out().contains("\n0.2 "), ep.out());
        Path runDir;
        try (var s = Files.list(tmp)) {
            runDir = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        String summary = Files.readString(runDir.resolve("summary.csv"));
        assertTrue(summary.contains("\nticket,1,") && summary.contains("\nedge-popup,1,"), summary);
        Result again = run(concat(new String[] {"edge-popup", "--keep", "0.5"}, common));
        assertEquals(0, again.code());
        assertTrue(again.out().contains("(stored)"), again.out());

        Result sm = run("edge-popup", "--supermask", runDir.toString(), "--threads", "1");
        assertEquals(0, sm.code(), sm.err());
        assertTrue(sm.out().contains("supermask_acc%") && sm.out().contains("large-final"), sm.out());
        assertEquals(2, sm.out().lines().filter(l -> l.matches("\\s+[01]\\s+.*")).count(), sm.out());
        // stored beside the run, where the window reads it onto the accuracy plot
        var stored = new org.lotterylab.api.store.EdgePopupStore(new org.lotterylab.api.store.RunLayout(runDir))
                .readSupermasks(org.lotterylab.api.spec.Branch.TICKET);
        assertEquals(java.util.List.of(0, 1), stored.stream().map(r -> r.round()).toList(), sm.out());
        assertTrue(sm.out().contains("supermask-ticket.csv"), sm.out());
    }

    @Test
    void widthsRunOneResultPerWidthAndPrintOneRowPerWidthWithTheTrainedTarget() throws Exception {
        String outDir = tmp.resolve("widths").toString();
        String[] common = {"edge-popup", "--preset", "quick", "--set", "model=mlp-small", "--iterations", "6",
                "--eval-interval", "3", "--out", outDir, "--threads", "1"};
        Result bad = run(concat(common, new String[] {"--widths", "1,0"}));
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--widths") && bad.err().contains("[1, 64]"), bad.err());
        Result dry = run(concat(common, new String[] {"--widths", "2,1", "--dry-run"}));
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("width 1x (edge-popup)") && dry.out().contains("width 2x (edge-popup)")
                && dry.out().contains("trained target 1x") && dry.out().contains(".widths.csv"), dry.out());

        Result r = run(concat(common, new String[] {"--widths", "1,2"}));
        assertEquals(0, r.code(), r.err() + r.out());
        String table = r.out().substring(r.out().indexOf("width sweep:"));
        assertEquals(1, table.lines().filter(l -> l.startsWith("1x ") && l.contains(" 100 ")).count(), table);
        assertEquals(1, table.lines().filter(l -> l.startsWith("2x ") && l.contains(" 200 ")).count(), table);
        assertEquals(1, table.lines().filter(l -> l.startsWith("target ") && l.contains("trained")).count(), table);
        Path csv;
        try (var s = Files.list(Path.of(outDir))) {
            csv = s.filter(p -> p.toString().endsWith(".widths.csv")).findFirst().orElseThrow();
        }
        java.util.List<String> lines = Files.readAllLines(csv);
        assertEquals(org.lotterylab.api.store.WidthSweepCsv.HEADER, lines.get(0));
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("strong-ticket,1,100,0.5,") && lines.get(2).startsWith("strong-ticket,2,200,0.5,")
                && lines.get(3).startsWith("trained-target,1,100,1.0,"), lines.toString());
        long dirs;
        try (var s = Files.list(Path.of(outDir))) {
            dirs = s.filter(Files::isDirectory).count();
        }
        assertEquals(3, dirs, "two edge-popup runs and the target's run");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
