package org.lotterylab.engine.edgepopup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.lotterylab.api.run.BackendInfo;
import org.lotterylab.api.run.ExperimentRunner;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunListener;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.engine.Backend;
import org.lotterylab.engine.train.RunGate;

/**
 * Runs edge-popup sweeps on a background thread named {@code lth-edge-popup}, publishing the ordinary
 * {@link org.lotterylab.api.run.RunEvent}s with branch {@code edge-popup} (round = sweep point) plus
 * {@link org.lotterylab.api.run.EdgePopupEvent}s, and storing every finished point in the run directory of
 * {@link #frozenSpec} ({@code <out>/<name>-<hash>}: the spec with {@code init} = the frozen weights' init, the
 * same directory as an IMP run of that spec). A rerun skips the points already on disk. Pause and cancel act
 * between steps.
 *
 * <p>Do not run IMP and edge-popup into the same run directory at the same time: each rewrites
 * {@code summary.csv} from its own list, so the later writer drops the other's new rows (a rerun redoes them).
 */
public class EdgePopupRunner implements ExperimentRunner {

    private final int threads;
    private final EdgePopupTrainer.Callback stepHook;

    /** A runner using {@code threads} compute threads. */
    public EdgePopupRunner(int threads) {
        this(threads, null);
    }

    /** A runner that shows every step to {@code stepHook} (tests, diagnostics; live arrays, do not keep them). */
    public EdgePopupRunner(int threads, EdgePopupTrainer.Callback stepHook) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
        }
        this.threads = threads;
        this.stepHook = stepHook;
    }

    @Override
    public BackendInfo backend() {
        return Backend.current(threads);
    }

    /** One point at the spec's {@code edgePopupKeep} with the default options. */
    @Override
    public RunControl start(ExperimentSpec spec, Path outDir, RunListener listener) {
        return start(spec, List.of(spec.edgePopupKeep()), EdgePopupOptions.defaults(), outDir, listener);
    }

    /**
     * Starts (or resumes) a sweep over {@code keeps} (fractions of edges KEPT per layer, each in (0, 1]).
     *
     * @throws SpecException at once when a keep value is invalid or the list is empty
     */
    public RunControl start(ExperimentSpec spec, List<Double> keeps, EdgePopupOptions options, Path outDir,
                            RunListener listener) {
        checkKeeps(keeps);
        ExperimentSpec frozen = frozenSpec(spec, options);
        return RunGate.startDaemon("lth-edge-popup", gate -> new EdgePopupExperiment(
                frozen, keeps, options, outDir, backend(), listener, gate, stepHook).run());
    }

    /**
     * The spec an edge-popup sweep runs and stores: {@code spec} with {@code init} set to the options'
     * {@code weightInit} (the frozen weights' initialiser). Its run directory is where the sweep writes, and
     * {@link org.lotterylab.api.run.RunEvent.RunStarted#spec()} carries it, so views can show the init.
     */
    public static ExperimentSpec frozenSpec(ExperimentSpec spec, EdgePopupOptions options) {
        return spec.init() == options.weightInit() ? spec : spec.with("init", options.weightInit().id());
    }

    /**
     * Validates keep values: each a fraction kept in (0, 1]. Returns them without duplicates, largest first
     * (the order a sweep runs in: most edges first, like IMP's rounds).
     *
     * @throws SpecException naming {@code keep} when the list is empty or a value is outside (0, 1]
     */
    public static List<Double> checkKeeps(List<Double> keeps) {
        if (keeps == null || keeps.isEmpty()) {
            throw new SpecException("keep", "give at least one fraction of edges kept, e.g. 0.5");
        }
        List<Double> out = new ArrayList<>();
        for (Double k : keeps) {
            if (k == null || !(k > 0 && k <= 1) || k.isNaN()) {
                throw new SpecException("keep", "the fraction of edges KEPT per layer must be in (0, 1], e.g. 0.5 keeps "
                        + "half (got " + k + ")");
            }
            double v = k + 0.0;
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        out.sort(Comparator.reverseOrder());
        return out;
    }

    /** Parses a comma-separated list of keep values such as {@code 0.1,0.3,0.5}. */
    public static List<Double> parseKeeps(String text) {
        List<Double> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            throw new SpecException("keep", "give at least one fraction of edges kept, e.g. 0.5 or 0.1,0.3,0.5");
        }
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            try {
                out.add(Double.parseDouble(p));
            } catch (NumberFormatException e) {
                throw new SpecException("keep", "'" + p + "' is not a number; give fractions of edges kept in (0, 1], "
                        + "e.g. 0.1,0.3,0.5");
            }
        }
        return checkKeeps(out);
    }

    /** "50%" style label of a keep value, for tables and legends. */
    public static String keepLabel(double keep) {
        double pct = keep * 100;
        return (pct == Math.rint(pct) ? String.format(Locale.ROOT, "%.0f", pct)
                : String.format(Locale.ROOT, "%.4g", pct)) + "% kept";
    }
}
