package org.lotterylab.app.cli;

import org.lotterylab.engine.bench.TrainingBenchmark;
import org.lotterylab.engine.data.DatasetLocator;
import org.lotterylab.engine.data.ImageDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lth bench}: LeNet-300-100 training throughput, lean and DL4J paths and the GEMM-only limit side by
 * side; the summary lines come from {@link TrainingBenchmark.Result#lines()}, ending with
 * {@code lean_examples_per_s}, {@code dl4j_examples_per_s} and {@code limit_examples_per_s}.
 */
@Command(name = "bench", header = "training throughput: lean and DL4J paths and the GEMM-only limit (LeNet-300-100)",
        description = {
    "Measures LeNet-300-100 training throughput (Adam, examples/s) on the training images: the lean path and",
    "the DL4J path, masked and unmasked, and the GEMM-only limit, alternating blocks of --iterations steps;",
    "medians printed last (lean_examples_per_s, dl4j_examples_per_s, limit_examples_per_s), then the",
    "examples/s summed over --parallel concurrent masked trainings (aggregate_examples_per_s)."})
public final class BenchCommand extends Subcommand {

    @Mixin
    ThreadsOption threads;
    @Option(names = "--batch", paramLabel = "N", description = "mini-batch size (default 60)")
    int batch = 60;
    @Option(names = "--iterations", paramLabel = "N", description = "steps per block (default 1000)")
    int iterations = 1000;
    @Option(names = "--blocks", paramLabel = "N", description = "blocks per variant (default 3)")
    int blocks = 3;
    @Option(names = "--data", paramLabel = "DIR|sample", description = "training images (default sample)")
    String data = "sample";
    @Option(names = "--parallel", paramLabel = "N", description = "concurrent trainings of the aggregate figure "
            + "(default: the number of cores)")
    Integer parallel;

    /** The command writing to {@code ctx}. */
    public BenchCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        int n = threads.resolve(2);
        UsageException.checkBetween("--batch", batch, 1, 100_000);
        UsageException.checkBetween("--iterations", iterations, 10, 10_000_000);
        UsageException.checkBetween("--blocks", blocks, 1, 100);
        ImageDataset train = DatasetLocator.locate(data).train();
        int p = parallel == null ? Runtime.getRuntime().availableProcessors()
                : UsageException.checkBetween("--parallel", parallel, 1, 256);
        TrainingBenchmark.Result r = TrainingBenchmark.run(train, n, batch, iterations, blocks, p, ctx.out()::println);
        BenchPrinter.print(ctx.out(), r, batch, n, iterations, blocks);
        return 0;
    }
}
