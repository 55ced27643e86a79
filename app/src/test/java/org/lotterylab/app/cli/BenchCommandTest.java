package org.lotterylab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void printsEveryPathSideBySideAndTheAggregateLast() {
        CliRun r = CliRun.of("bench", "--threads", "1", "--iterations", "10", "--blocks", "1", "--parallel", "2");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        List<String> last = lines.subList(lines.size() - 7, lines.size());
        List<String> names = last.stream().map(l -> l.split(" ")[0]).toList();
        assertEquals(List.of("masked_examples_per_s", "unmasked_examples_per_s", "lean_examples_per_s",
                "dl4j_examples_per_s", "limit_examples_per_s", "aggregate_trainings", "aggregate_examples_per_s"), names,
                r.out());
        assertEquals("aggregate_trainings 2", last.get(5));
        for (String l : last) {
            assertTrue(Double.parseDouble(l.split(" ")[1]) > 0, l);
        }
    }
}
