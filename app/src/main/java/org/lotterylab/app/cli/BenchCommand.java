package org.lotterylab.app.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;
import org.lotterylab.engine.bench.TrainingBenchmark;
import org.lotterylab.engine.data.DatasetLocator;
import org.lotterylab.engine.data.ImageDataset;

/**
 * {@code lth bench}: masked vs unmasked LeNet-300-100 training throughput. The last two lines are
 * {@code masked_examples_per_s N} and {@code unmasked_examples_per_s N}.
 */
public final class BenchCommand {

    private BenchCommand() {
    }

    /** Usage text. */
    public static String usage() {
        return """
                Usage: lth bench [--threads N] [--batch N] [--iterations N] [--blocks N] [--data DIR|sample]
                Measures masked and unmasked LeNet-300-100 training throughput (Adam, examples/s) on the
                training images, alternating blocks of --iterations steps (default 1000, 3 blocks, batch 60,
                2 threads) and printing the medians last.
                """;
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] argv, PrintStream out, PrintStream err) {
        Args a = Args.parse(argv, Set.of("threads", "batch", "iterations", "blocks", "data"), Set.of("help"));
        if (a.has("help")) {
            out.print(usage());
            return 0;
        }
        int threads = a.getInt("threads", 2, 1, 256);
        int batch = a.getInt("batch", 60, 1, 100000);
        int iterations = a.getInt("iterations", 1000, 10, 10_000_000);
        int blocks = a.getInt("blocks", 3, 1, 100);
        ImageDataset train = DatasetLocator.locate(a.get("data", "sample")).train();
        TrainingBenchmark.Result r = TrainingBenchmark.run(train, threads, batch, iterations, blocks, out::println);
        out.println("backend: " + r.backend());
        out.printf(Locale.ROOT, "model lenet-300-100 batch %d threads %d iterations/block %d blocks %d%n", batch, threads,
                iterations, blocks);
        out.printf(Locale.ROOT, "masking_cost_percent %.2f%n", 100 * r.maskingCost());
        out.printf(Locale.ROOT, "masked_examples_per_s %.0f%n", r.masked());
        out.printf(Locale.ROOT, "unmasked_examples_per_s %.0f%n", r.unmasked());
        return 0;
    }
}
