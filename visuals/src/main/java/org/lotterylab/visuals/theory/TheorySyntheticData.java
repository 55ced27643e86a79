package org.lotterylab.visuals.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.lotterylab.api.theory.ConstructionPoint;
import org.lotterylab.api.theory.ErrorSummary;
import org.lotterylab.api.theory.SubsetSumPoint;
import org.lotterylab.api.theory.TheoryReport;

/**
 * A made-up {@link TheoryReport} of the right shape for the standalone sample and the view's tests (errors
 * halving per candidate with noise; not a measurement: {@code lth theory} measures).
 */
public final class TheorySyntheticData {
    private TheorySyntheticData() {
    }

    /** Subset-sum points for n = 2..maxN and construction points for {@code widths}. */
    public static TheoryReport report(int maxN, List<Integer> widths, long seed) {
        Random rnd = new Random(seed);
        List<SubsetSumPoint> s = new ArrayList<>();
        for (int n = 2; n <= maxN; n++) {
            double line = Math.sqrt(n) * Math.pow(2, -n - 1);
            s.add(new SubsetSumPoint(n, 2000, summary(line, 1.0, rnd), summary(line * 0.8, 3.0, rnd)));
        }
        List<ConstructionPoint> c = new ArrayList<>();
        for (int m : widths) {
            double err = Math.min(0.5, 4 * Math.pow(2, -m / 2.5)) * Math.exp(0.3 * rnd.nextGaussian());
            long params = 58L * m;
            c.add(new ConstructionPoint(m, 5, params, params * 0.23, err * 0.8, Math.min(1, err * 8), err, err * 0.5,
                    Math.min(1, err * 10)));
        }
        return new TheoryReport(seed, s, 1.0, 1.0, "synthetic 2-6-1 ReLU network", 0.5, c);
    }

    private static ErrorSummary summary(double line, double tail, Random rnd) {
        double noise = Math.exp(0.15 * rnd.nextGaussian());
        return new ErrorSummary(line * noise * (1 + tail * rnd.nextDouble()), line * 0.69 * noise, Math.min(1, line * 40),
                line);
    }
}
