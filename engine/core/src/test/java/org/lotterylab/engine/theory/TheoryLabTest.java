package org.lotterylab.engine.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.api.theory.TheoryReport;

class TheoryLabTest {

    @Test
    void deterministicBySeedAndWritesNumericTables(@TempDir Path dir) throws Exception {
        TheoryReport a = new TheoryLab(3, 12, List.of(4, 8)).run();
        assertEquals(a, new TheoryLab(3, 12, List.of(4, 8)).run());
        assertNotEquals(a, new TheoryLab(4, 12, List.of(4, 8)).run());
        TheoryCsv.write(dir, a);
        List<String> s = Files.readAllLines(dir.resolve(TheoryCsv.SUBSET_SUM));
        assertEquals(TheoryCsv.SUBSET_SUM_HEADER, s.get(0));
        assertEquals(1 + 11, s.size(), "n = 2..12");
        List<String> c = Files.readAllLines(dir.resolve(TheoryCsv.CONSTRUCTION));
        assertEquals(3, c.size());
        for (String line : s.subList(1, s.size())) {
            String[] cells = line.split(",");
            assertEquals(10, cells.length);
            for (String cell : cells) {
                Double.parseDouble(cell);
            }
        }
        assertTrue(c.get(1).startsWith("4,"), c.get(1));
        assertEquals(9, c.get(2).split(",").length);
    }
}
