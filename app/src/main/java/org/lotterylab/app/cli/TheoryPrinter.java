package org.lotterylab.app.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.lotterylab.api.theory.ConstructionPoint;
import org.lotterylab.api.theory.SubsetSumPoint;
import org.lotterylab.api.theory.TheoryReport;

/** The tables of {@code lth theory}. */
final class TheoryPrinter {
    private TheoryPrinter() {
    }

    static void print(PrintStream out, TheoryReport r) {
        int samples = r.subsetSum().isEmpty() ? 0 : r.subsetSum().get(0).samples();
        out.printf(Locale.ROOT, "Subset sum: |best subset of n random candidates - target|, target uniform on [-1, 1], "
                + "%,d samples per n (seed %d)%n", samples, r.seed());
        out.println("theory = 2^-(n+1) sqrt(2 pi sigma^2) mean_z exp(z^2 / 2 sigma^2), sigma^2 = n E[x^2] / 2 "
                + "(one bit per candidate)");
        out.printf(Locale.ROOT, "%4s | %10s %10s %10s | %10s %10s %10s%n", "n", "uniform", "median", "theory",
                "product", "median", "theory");
        for (SubsetSumPoint p : r.subsetSum()) {
            out.printf(Locale.ROOT, "%4d | %10.3e %10.3e %10.3e | %10.3e %10.3e %10.3e%n", p.candidates(),
                    p.uniform().mean(), p.uniform().median(), p.uniform().theory(), p.product().mean(),
                    p.product().median(), p.product().theory());
        }
        out.printf(Locale.ROOT, "fitted bits per candidate (median error, n >= 8): uniform %.3f, product %.3f "
                + "(theory: 1)%n%n", r.uniformBitsPerCandidate(), r.productBitsPerCandidate());
        out.println("Construction (Pensia et al.): target " + r.target());
        out.printf(Locale.ROOT, "mean |target(x)| on the held-out inputs: %.3f%n", r.targetOutputScale());
        out.printf(Locale.ROOT, "%5s %6s %7s %8s | %10s %10s | %10s %10s %10s%n", "width", "trials", "random",
                "kept", "w err", "w max", "out err", "median", "max");
        for (ConstructionPoint p : r.construction()) {
            out.printf(Locale.ROOT, "%5d %6d %7d %8.1f | %10.3e %10.3e | %10.3e %10.3e %10.3e%n", p.width(),
                    p.trials(), p.randomParams(), p.keptParams(), p.meanWeightError(), p.maxWeightError(),
                    p.meanOutputError(), p.medianOutputError(), p.maxOutputError());
        }
    }
}
