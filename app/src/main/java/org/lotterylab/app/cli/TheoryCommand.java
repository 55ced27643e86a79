package org.lotterylab.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lotterylab.api.theory.TheoryReport;
import org.lotterylab.engine.theory.ConstructionExperiment;
import org.lotterylab.engine.theory.SubsetSumIndex;
import org.lotterylab.engine.theory.TheoryCsv;
import org.lotterylab.engine.theory.TheoryLab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lth theory}: the subset-sum experiment and Pensia et al.'s construction, as tables and CSV files. */
@Command(name = "theory", header = "\"pruning is enough\": subset-sum error vs candidates, pruned construction vs width",
        description = "Measures how well the best subset of n random weights approximates a target weight "
                + "(n = 2..--max-candidates, exact search) against the theory's line, and the output error of a "
                + "random ReLU network pruned by Pensia et al.'s construction to imitate a small trained network, "
                + "for each width multiplier. Plain Java, no training backend; deterministic for a seed.")
public final class TheoryCommand extends Subcommand {

    @Option(names = "--seed", paramLabel = "N", description = "the seed (default: ${DEFAULT-VALUE})")
    long seed = 1;
    @Option(names = "--max-candidates", paramLabel = "N",
            description = "largest number of random candidates, 2.." + SubsetSumIndex.MAX_CANDIDATES
                    + " (default: ${DEFAULT-VALUE})")
    int maxCandidates = TheoryLab.DEFAULT_MAX_CANDIDATES;
    @Option(names = "--widths", paramLabel = "LIST", description = "width multipliers of the construction, each 1.."
            + ConstructionExperiment.MAX_WIDTH + " (default: 2,4,8,12,16,24,32,48,64)")
    String widths;
    @Option(names = "--out", paramLabel = "DIR", description = "also write " + TheoryCsv.SUBSET_SUM + " and "
            + TheoryCsv.CONSTRUCTION + " into DIR (numpy: genfromtxt(f, delimiter=',', names=True))")
    Path out;

    /** The command writing to {@code ctx}. */
    public TheoryCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() throws IOException {
        UsageException.checkBetween("--max-candidates", maxCandidates, 2, SubsetSumIndex.MAX_CANDIDATES);
        List<Integer> ws = widths == null ? TheoryLab.DEFAULT_WIDTHS : parseWidths(widths);
        long t0 = System.nanoTime();
        TheoryReport report = new TheoryLab(seed, maxCandidates, ws).run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        TheoryPrinter.print(ctx.out(), report);
        ctx.err().printf(java.util.Locale.ROOT, "computed in %.1f s%n", seconds);
        if (out != null) {
            Path[] files = TheoryCsv.write(out, report);
            ctx.out().println("wrote " + files[0]);
            ctx.out().println("wrote " + files[1]);
        }
        return 0;
    }

    /** "2,4,8" to widths, each 1..{@link ConstructionExperiment#MAX_WIDTH}. */
    static List<Integer> parseWidths(String text) {
        List<Integer> ws = new ArrayList<>();
        for (String part : text.split(",")) {
            String t = part.trim();
            try {
                ws.add(UsageException.checkBetween("--widths", Integer.parseInt(t), 1, ConstructionExperiment.MAX_WIDTH));
            } catch (NumberFormatException e) {
                throw new UsageException("--widths expects integers separated by commas (got '" + t + "')");
            }
        }
        return ws;
    }
}
