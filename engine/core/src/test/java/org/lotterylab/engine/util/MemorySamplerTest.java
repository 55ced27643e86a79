package org.lotterylab.engine.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class MemorySamplerTest {

    @TempDir
    Path tmp;

    @Test
    @EnabledOnOs(OS.LINUX)
    void samplesHeapAndResidentSetAndAppendsCsvLines() throws Exception {
        Path log = tmp.resolve("sub/mem.csv");
        MemorySampler m = MemorySampler.logTo(log);
        MemorySampler.Sample a = m.sample("ticket/0");
        m.sample("ticket/1");
        assertTrue(a.rssMb() > 10 && a.peakRssMb() >= a.rssMb(), a.toString());
        assertTrue(a.heapUsedMb() > 0 && a.heapCommittedMb() >= a.heapUsedMb(), a.toString());
        List<String> lines = Files.readAllLines(log);
        assertEquals(3, lines.size());
        assertEquals(MemorySampler.HEADER, lines.get(0));
        assertTrue(lines.get(1).startsWith("ticket/0,"));
        assertEquals(7, lines.get(2).split(",").length);
    }

    @Test
    void withoutPropertyOrVariableNothingIsLogged() {
        String old = System.getProperty(MemorySampler.PROPERTY);
        System.clearProperty(MemorySampler.PROPERTY);
        try {
            if (System.getenv(MemorySampler.ENV) == null) {
                assertTrue(MemorySampler.fromEnvironment().log().isEmpty());
            }
            System.setProperty(MemorySampler.PROPERTY, tmp.resolve("x.csv").toString());
            assertEquals(tmp.resolve("x.csv"), MemorySampler.fromEnvironment().log().orElseThrow());
        } finally {
            if (old != null) {
                System.setProperty(MemorySampler.PROPERTY, old);
            } else {
                System.clearProperty(MemorySampler.PROPERTY);
            }
        }
    }
}
