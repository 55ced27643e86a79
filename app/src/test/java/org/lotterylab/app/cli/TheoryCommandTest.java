package org.lotterylab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.engine.theory.TheoryCsv;

class TheoryCommandTest {

    @Test
    void printsBothTablesAndWritesTheCsvFiles(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("theory");
        CliRun r = CliRun.of("theory", "--seed", "2", "--max-candidates", "10", "--widths", "4,16", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Subset sum:"), r.out());
        assertTrue(r.out().contains("Construction (Pensia et al.)"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  10 | ")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("   16 ")), r.out());
        List<String> s = Files.readAllLines(out.resolve(TheoryCsv.SUBSET_SUM));
        assertEquals(10, s.size(), "header and n = 2..10");
        List<String> c = Files.readAllLines(out.resolve(TheoryCsv.CONSTRUCTION));
        assertEquals(List.of(TheoryCsv.CONSTRUCTION_HEADER), c.subList(0, 1));
        assertTrue(c.get(2).startsWith("16,"), c.get(2));
        CliRun again = CliRun.of("theory", "--seed", "2", "--max-candidates", "10", "--widths", "4,16");
        assertEquals(r.out().lines().filter(l -> !l.startsWith("wrote")).toList(), again.out().lines().toList(),
                "same seed, same tables");
    }

    @Test
    void refusesBadRanges() {
        CliRun r = CliRun.of("theory", "--max-candidates", "41");
        assertEquals(Cli.EXIT_USAGE, r.code());
        assertTrue(r.err().contains("--max-candidates must be between 2 and 40"), r.err());
        CliRun w = CliRun.of("theory", "--widths", "4,x");
        assertEquals(Cli.EXIT_USAGE, w.code());
        assertTrue(w.err().contains("--widths expects integers"), w.err());
    }
}
