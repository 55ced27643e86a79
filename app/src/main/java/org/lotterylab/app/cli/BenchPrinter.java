package org.lotterylab.app.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.lotterylab.engine.bench.TrainingBenchmark;

/** The result lines of {@code lth bench}: the benchmark's own summary lines ({@link TrainingBenchmark.Result#lines()}). */
final class BenchPrinter {

    private BenchPrinter() {
    }

    static void print(PrintStream out, TrainingBenchmark.Result r, int batch, int threads, int iterations, int blocks) {
        out.println("backend: " + r.backend());
        out.printf(Locale.ROOT, "model lenet-300-100 batch %d threads %d iterations/block %d blocks %d%n", batch, threads,
                iterations, blocks);
        r.lines().forEach(out::println);
    }
}
