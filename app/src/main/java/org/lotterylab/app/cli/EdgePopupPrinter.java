package org.lotterylab.app.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lotterylab.api.run.EdgePopupEvent;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ModelKind;
import org.lotterylab.engine.edgepopup.EdgePopupBenchmark;
import org.lotterylab.engine.edgepopup.EdgePopupRunner;
import org.lotterylab.engine.edgepopup.Supermask;

/**
 * The terminal output of {@code lth edge-popup}: one table row per finished point and a progress line on stderr
 * when it is a terminal; the tables of {@code --supermask} and {@code --bench}.
 */
final class EdgePopupPrinter extends RunPrinter {
    private final int points;
    private EdgePopupEvent.Sweep sweep;
    private final Map<Integer, EdgePopupEvent.MaskFlips> lastFlips = new LinkedHashMap<>();

    EdgePopupPrinter(PrintStream out, PrintStream err, int points) {
        super(out, err);
        this.points = points;
    }

    static String header() {
        return String.format(Locale.ROOT, "%-10s %5s %8s %9s %10s %12s %11s %8s", "keep", "round", "kept%",
                "test_acc%", "early_stop", "es_test_acc%", "flips_last", "seconds");
    }

    String row(RoundResult r, String note) {
        double keep = sweep == null ? Double.NaN : sweep.keepOf(r.round());
        EdgePopupEvent.MaskFlips f = lastFlips.get(r.round());
        return String.format(Locale.ROOT, "%-10s %5d %8.2f %9.2f %10d %12.2f %11s %8.1f%s",
                Double.isNaN(keep) ? "?" : Double.toString(keep), r.round(), 100 * r.weightsRemaining(),
                100 * r.testAccuracy(), r.earlyStopIteration(), 100 * r.earlyStopTestAccuracy(),
                f == null ? "-" : Integer.toString(f.entered()), r.seconds(), note);
    }

    @Override
    protected void handle(RunEvent e) {
        if (e instanceof RunEvent.RunStarted s) {
            printLocation(s.runDir(), s.backend());
            out.println("frozen weights: " + s.spec().init().id() + " init (seed " + s.spec().seed()
                    + "), never trained; kept% = fraction of edges kept (per layer, and overall)");
            pendingResumed = s.resumedRounds();
        } else if (e instanceof EdgePopupEvent.Sweep s) {
            sweep = s;
            out.println(header());
            for (RoundResult r : pendingResumed) {
                if (s.rounds().contains(r.round())) {
                    out.println(row(r, "  (stored)"));
                }
            }
            out.flush();
        } else if (e instanceof EdgePopupEvent.MaskFlips f) {
            lastFlips.put(f.round(), f);
        } else if (e instanceof RunEvent.IterationProgress p) {
            drawBar(p);
        } else if (e instanceof RunEvent.RoundFinished f) {
            status.clear();
            out.println(row(f.result(), ""));
            out.flush();
        }
    }

    @Override
    protected boolean showsNote(String text) {
        return !text.contains("already on disk");
    }

    @Override
    protected String endSuffix() {
        return " (branch edge-popup)";
    }

    @Override
    protected void afterEnd() {
        out.println("flips_last: edges that entered (= left) the mask in the last evaluation interval");
    }

    private List<RoundResult> pendingResumed = List.of();

    private void drawBar(RunEvent.IterationProgress p) {
        double frac = p.iteration() / (double) p.totalIterations();
        double keep = sweep == null ? Double.NaN : sweep.keepOf(p.round());
        int index = sweep == null ? 0 : sweep.rounds().indexOf(p.round()) + 1;
        status.show(p.iteration() == p.totalIterations(), () -> String.format(Locale.ROOT,
                "%s (point %d/%d)  %s %5.1f%%  loss %.4f  %.0f ex/s",
                Double.isNaN(keep) ? "edge-popup" : EdgePopupRunner.keepLabel(keep), index, points,
                StatusLine.bar(frac), frac * 100, p.loss(), p.examplesPerSecond()));
    }

    /** The supermask table of {@code --supermask}. */
    static void supermask(PrintStream out, Supermask.Report r, Branch branch) {
        out.println("run directory: " + r.runDir());
        out.println("data: " + r.data());
        out.println("supermasks of " + branch.id() + " (mask criterion " + r.criterion()
                + "): each round's mask on the untrained theta_0, no training");
        out.println(String.format(Locale.ROOT, "%5s %10s %14s %14s %12s", "round", "remaining%", "supermask_acc%",
                "signed_const%", "trained_acc%"));
        for (org.lotterylab.api.store.SupermaskRow row : r.rows()) {
            out.println(String.format(Locale.ROOT, "%5d %10.2f %14.2f %14.2f %12.2f", row.round(),
                    100 * row.weightsRemaining(), 100 * row.supermaskAccuracy(), 100 * row.signedConstantAccuracy(),
                    100 * row.trainedAccuracy()));
        }
        out.println("signed_const: kept weights set to sign(theta_0) x std of the layer (Zhou et al.); "
                + "trained_acc: the round's test accuracy at its early-stop iteration");
    }

    /** The result lines of {@code --bench}. */
    static void bench(PrintStream out, EdgePopupBenchmark.Result r, ModelKind model, int threads, double keep,
                      int iterations, int blocks) {
        out.println("backend: " + r.backend());
        out.printf(Locale.ROOT, "model %s batch 60 threads %d keep %s iterations/block %d blocks %d%n", model.id(),
                threads, EdgePopupRunner.keepLabel(keep), iterations, blocks);
        out.printf(Locale.ROOT, "edge_popup_score_ms_per_step %.3f (cpu %.3f)%n", r.scoreMillis(), r.scoreCpuMillis());
        out.printf(Locale.ROOT, "edge_popup_extra_time_per_step_percent %.1f%n", 100 * r.extraCostPerStep());
        out.printf(Locale.ROOT, "edge_popup_examples_per_s %.0f%n", r.edgePopup());
        out.printf(Locale.ROOT, "plain_examples_per_s %.0f%n", r.plain());
    }
}
