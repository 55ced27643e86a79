package org.lotterylab.app.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;
import org.lotterylab.engine.bench.TrainingBenchmark;
import org.lotterylab.engine.data.DatasetLocator;
import org.lotterylab.engine.data.ImageDataset;

/**
 * {@code lth bench}: LeNet-300-100 training throughput, lean and DL4J paths and the GEMM-only limit side by
 * side; the summary lines come from {@link TrainingBenchmark.Result#lines()}, ending with
 * {@code lean_examples_per_s}, {@code dl4j_examples_per_s} and {@code limit_examples_per_s}.
 */
public final class BenchCommand {

    private BenchCommand() {
    }

    /** Usage text. */
    public static String usage() {
        return """
                Usage: lth bench [--threads N] [--batch N] [--iterations N] [--blocks N] [--data DIR|sample]
                Measures LeNet-300-100 training throughput (Adam, examples/s) on the training images: the
                lean path and the DL4J path, masked and unmasked, and the GEMM-only limit, alternating blocks
                of --iterations steps (default 1000, 3 blocks, batch 60, 2 threads), medians printed last.
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
        r.lines().forEach(out::println);
        return 0;
    }
}
