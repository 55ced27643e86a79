package org.lotterylab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The debugging sampler behind the pulse monitor's "ran most" list. */
class TaskCpuSamplerTest {

    @Test
    void busiestListsTheThreadsThatRanLongestBetweenTwoSamplesLongestFirst() {
        Map<String, Long> before = Map.of("a/1", 10_000_000L, "b/2", 0L, "c/3", 5_000_000L);
        Map<String, Long> after = Map.of("a/1", 12_000_000L, "b/2", 30_000_000L, "c/3", 5_500_000L, "d/4", 7_000_000L);
        assertEquals("b/2 30, d/4 7, a/1 2", TaskCpuSampler.busiest(before, after, 6), "under 1 ms left out; a new thread counts");
        assertEquals("b/2 30", TaskCpuSampler.busiest(before, after, 1));
    }

    @Test
    void onLinuxTheSampleHoldsTheThreadsOfThisProcessWithGrowingRunTimes() {
        if (!Files.isDirectory(Path.of("/proc/self/task"))) {
            return;
        }
        TaskCpuSampler sampler = new TaskCpuSampler();
        Map<String, Long> first = sampler.sample();
        long spin = System.nanoTime();
        double x = 0;
        while (System.nanoTime() - spin < 30_000_000L) {
            x += Math.sqrt(x + 1);
        }
        Map<String, Long> second = sampler.sample();
        assertTrue(second.size() > 3, second.keySet().toString());
        String busiest = TaskCpuSampler.busiest(first, second, 1);
        double ms = Double.parseDouble(busiest.substring(busiest.lastIndexOf(' ') + 1));
        assertTrue(ms >= 20 && x > 0, "this thread spun 30 ms: " + busiest);
    }
}
