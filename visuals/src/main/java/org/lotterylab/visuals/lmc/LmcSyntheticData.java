package org.lotterylab.visuals.lmc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.lotterylab.api.run.BackendInfo;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.RunEvent;

/**
 * Plausible LMC events for demos and tests, shaped like Frankle et al. 2020's findings: the barrier of the
 * dense network shrinks as k grows; sparser tickets are stable from smaller k. Nothing here is measured.
 */
public final class LmcSyntheticData {

    private LmcSyntheticData() {
    }

    /**
     * Events of an analysis: a start, then for each network, k and seed pair the points of its path in order
     * and its done event.
     *
     * @param networks  e.g. {@code dense}, {@code ticket-round-03}
     * @param remaining weights remaining per network (same order)
     */
    public static List<RunEvent> analysis(List<String> networks, double[] remaining, List<Integer> ks, int pairs,
                                          int alphas, long seed) {
        Random rng = new Random(seed);
        List<RunEvent> out = new ArrayList<>();
        out.add(new LmcEvent.LmcStarted(Path.of("synthetic"), new BackendInfo("CPU", 2, ""), networks, ks, alphas,
                pairs, 0.02, 1000, 1000, 0));
        for (int n = 0; n < networks.size(); n++) {
            for (int k : ks) {
                for (int p = 0; p < pairs; p++) {
                    out.addAll(curve(networks.get(n), remaining[n], k, p, alphas, rng));
                }
            }
        }
        return out;
    }

    /** One path's point events and its done event. */
    public static List<RunEvent> curve(String network, double remaining, int k, int pair, int alphas, Random rng) {
        List<RunEvent> out = new ArrayList<>();
        double scale = 1 + 8 * (1 - remaining);
        double barrier = 0.12 / (1 + k * scale / 150.0) + 0.004 * rng.nextDouble();
        double e1 = 0.018 + 0.004 * rng.nextDouble() + 0.01 * (1 - remaining) * (1 - remaining);
        double e2 = 0.018 + 0.004 * rng.nextDouble() + 0.01 * (1 - remaining) * (1 - remaining);
        double[] test = new double[alphas];
        double[] train = new double[alphas];
        for (int i = 0; i < alphas; i++) {
            double a = i / (double) (alphas - 1);
            double bump = 4 * a * (1 - a);
            test[i] = round(a * e1 + (1 - a) * e2 + barrier * bump + (i == 0 || i == alphas - 1 ? 0
                    : 0.002 * rng.nextGaussian()), 1000);
            train[i] = round(Math.max(0, 0.4 * (a * e1 + (1 - a) * e2) + 0.9 * barrier * bump), 1000);
            out.add(new LmcEvent.LmcPoint(network, k, pair, i, alphas, a, test[i], train[i],
                    (int) Math.round(test[i] * 1000), 1000, (int) Math.round(train[i] * 1000), 1000, remaining));
        }
        LmcCurves.Barrier t = LmcCurves.barrier(test);
        LmcCurves.Barrier r = LmcCurves.barrier(train);
        out.add(new LmcEvent.LmcCurveDone(network, k, pair, t.instability(), t.maxError(), t.alphaAtMax(),
                t.endpointMeanError(), t.instability() < 0.02, 0.02, r.instability(), r.maxError(),
                r.endpointMeanError(), remaining, 1000, 0.5, false));
        return out;
    }

    private static double round(double e, int n) {
        return Math.max(0, Math.min(n, Math.round(e * n))) / (double) n;
    }
}
