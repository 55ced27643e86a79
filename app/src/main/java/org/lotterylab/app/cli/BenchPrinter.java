package org.lotterylab.app.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.lotterylab.engine.bench.TrainingBenchmark;

/** The result lines of {@code lth bench}; the last two are the masked and unmasked medians. */
final class BenchPrinter {

    private BenchPrinter() {
    }

    static void print(PrintStream out, TrainingBenchmark.Result r, int batch, int threads, int iterations, int blocks) {
        out.println("backend: " + r.backend());
        out.printf(Locale.ROOT, "model lenet-300-100 batch %d threads %d iterations/block %d blocks %d%n", batch, threads,
                iterations, blocks);
        out.printf(Locale.ROOT, "masking_cost_percent %.2f%n", 100 * r.maskingCost());
        out.printf(Locale.ROOT, "masked_examples_per_s %.0f%n", r.masked());
        out.printf(Locale.ROOT, "unmasked_examples_per_s %.0f%n", r.unmasked());
    }
}
