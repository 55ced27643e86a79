package org.lotterylab.engine.widths;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.run.RunLatch;
import org.lotterylab.api.run.RunListener;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.LayerKind;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.api.store.EdgePopupStore;
import org.lotterylab.api.store.RunLayout;
import org.lotterylab.api.store.StoredRun;
import org.lotterylab.api.store.WidthSweepCsv;
import org.lotterylab.api.store.WidthSweepRow;
import org.lotterylab.engine.edgepopup.EdgePopupOptions;
import org.lotterylab.engine.edgepopup.EdgePopupRunner;
import org.lotterylab.engine.imp.ImpRunner;

/**
 * A width sweep: for every hidden-layer width multiplier, an ordinary edge-popup run of the spec with that
 * {@code width} (its own run directory, which opens alone), then the 1x network trained normally by the lab's
 * trainer (an IMP run of the spec with no pruning round: same data, same seed, the spec's init and
 * optimiser), then the table {@link WidthSweepCsv} beside them. Stages run one after another on a thread
 * named {@code lth-width-sweep}; each publishes its own run's events to the listener {@link Listeners} gives
 * it. A rerun skips what is on disk (every stage resumes). Cancel stops the stage in progress; the table is
 * written from what is finished.
 */
public final class WidthSweep {

    /** The largest multiplier a sweep accepts (the spec's limit). */
    public static final int MAX_WIDTH = ExperimentSpec.MAX_WIDTH;

    private final int threads;

    /** A sweep whose trainings use {@code threads} compute threads. */
    public WidthSweep(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1 (got " + threads + ")");
        }
        this.threads = threads;
    }

    /**
     * One stage of the sweep.
     *
     * @param kind  strong tickets at one width, or the trained target
     * @param width the width multiplier of the stage's network
     * @param spec  the spec the stage runs (its run directory is {@code <out>/<spec.runDirName()>})
     * @param index 1-based position of the stage
     * @param count number of stages
     */
    public record Stage(WidthSweepRow.Kind kind, int width, ExperimentSpec spec, int index, int count) {
    }

    /** Gives each stage the listener its run's events go to. */
    @FunctionalInterface
    public interface Listeners {
        /** The listener of {@code stage}. */
        RunListener of(Stage stage);
    }

    /**
     * What a sweep produced.
     *
     * @param table     the table's path
     * @param rows      its rows (empty until written)
     * @param failure   the first stage failure's reason, empty when none failed
     * @param cancelled whether the sweep was cancelled
     */
    public record Result(Path table, List<WidthSweepRow> rows, String failure, boolean cancelled) {
        /** Copies the rows. */
        public Result {
            rows = List.copyOf(rows);
        }
    }

    /** A running sweep: its control (reaching the stage that runs), and its result once done. */
    public static final class Control extends RunLatch {
        private volatile Result result;

        /** The result, once {@link #isDone()}. */
        public Optional<Result> result() {
            return Optional.ofNullable(result);
        }
    }

    /**
     * Parses {@code 1,2,4,8}: integer multipliers in [1, {@value #MAX_WIDTH}], returned without duplicates in
     * ascending order.
     *
     * @throws SpecException naming {@code widths} for an empty list or a bad value
     */
    public static List<Integer> parseWidths(String text) {
        if (text == null || text.isBlank()) {
            throw new SpecException("widths", "give at least one width multiplier, e.g. 1,2,4,8");
        }
        TreeSet<Integer> out = new TreeSet<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int w;
            try {
                w = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new SpecException("widths", "'" + p + "' is not a whole number; give hidden-layer width "
                        + "multipliers such as 1,2,4,8");
            }
            if (w < 1 || w > MAX_WIDTH) {
                throw new SpecException("widths", "each width multiplier must be in [1, " + MAX_WIDTH + "] (got " + w
                        + ")");
            }
            out.add(w);
        }
        if (out.isEmpty()) {
            throw new SpecException("widths", "give at least one width multiplier, e.g. 1,2,4,8");
        }
        return List.copyOf(out);
    }

    /** The edge-popup spec of one width: the frozen-weight spec with {@code width} set. */
    public static ExperimentSpec widthSpec(ExperimentSpec spec, EdgePopupOptions options, int width) {
        return EdgePopupRunner.frozenSpec(spec, options).with("width", Integer.toString(width));
    }

    /**
     * The trained target: {@code spec} at width 1 trained normally (its own init and optimiser) for as many
     * iterations as edge-popup updates its scores, evaluated as often; one dense round and no pruning
     * ({@code rounds=0}, branch {@code ticket}, no rewinding, no per-round LMC).
     */
    public static ExperimentSpec targetSpec(ExperimentSpec spec, EdgePopupOptions options) {
        return spec.with(Map.of("width", "1", "rounds", "0", "branches", Branch.TICKET.id(), "lmcEachRound",
                "false", "rewindIteration", "0", "iterations", Integer.toString(options.iterations(spec)),
                "evalInterval", Integer.toString(options.evalInterval(spec))));
    }

    /** Where the table of a sweep of {@code spec} lands under {@code outDir}. */
    public static Path tablePath(ExperimentSpec spec, EdgePopupOptions options, Path outDir) {
        return outDir.resolve(WidthSweepCsv.fileName(widthSpec(spec, options, 1)));
    }

    /** The stages of a sweep, in the order they run. */
    public static List<Stage> stages(ExperimentSpec spec, List<Integer> widths, EdgePopupOptions options) {
        List<Stage> out = new ArrayList<>();
        int count = widths.size() + 1;
        for (int w : widths) {
            out.add(new Stage(WidthSweepRow.Kind.STRONG_TICKET, w, widthSpec(spec, options, w), out.size() + 1, count));
        }
        out.add(new Stage(WidthSweepRow.Kind.TRAINED_TARGET, 1, targetSpec(spec, options), count, count));
        return out;
    }

    /**
     * Starts (or resumes) a sweep of {@code spec} over {@code widths} with edge-popup at {@code keeps} (fractions
     * of edges kept per layer), writing every run and the table under {@code outDir}.
     *
     * @throws SpecException at once when a width, a keep value or a stage's spec is invalid
     */
    public Control start(ExperimentSpec spec, List<Integer> widths, List<Double> keeps, EdgePopupOptions options,
                         Path outDir, Listeners listeners) {
        List<Double> points = EdgePopupRunner.checkKeeps(keeps);
        List<Integer> ws = parseWidths(String.join(",", widths.stream().map(String::valueOf).toList()));
        List<Stage> stages = stages(spec, ws, options);
        Path table = tablePath(spec, options, outDir);
        Control control = new Control();
        Thread t = new Thread(() -> {
            String failure = "";
            try {
                for (Stage s : stages) {
                    if (control.isCancelled()) {
                        break;
                    }
                    Watch watch = new Watch(listeners.of(s));
                    RunControl c = s.kind() == WidthSweepRow.Kind.STRONG_TICKET
                            ? new EdgePopupRunner(threads).start(s.spec(), points, options, outDir, watch)
                            : new ImpRunner(threads, 1).start(s.spec(), outDir, watch);
                    control.follow(c);
                    c.await(Duration.ofDays(3650));
                    if (watch.failure != null) {
                        failure = watch.failure;
                        break;
                    }
                    if (watch.cancelled) {
                        control.cancel();
                        break;
                    }
                }
                List<WidthSweepRow> rows = rows(stages, points, outDir);
                if (!rows.isEmpty()) {
                    WidthSweepCsv.write(table, rows);
                }
                control.result = new Result(table, rows, failure, control.isCancelled());
            } catch (IOException e) {
                control.result = new Result(table, List.of(), failure.isEmpty() ? "could not write " + table + ": "
                        + e.getMessage() : failure, control.isCancelled());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                control.result = new Result(table, List.of(), "interrupted", true);
            } finally {
                control.markDone();
            }
        }, "lth-width-sweep");
        t.setDaemon(true);
        t.start();
        return control;
    }

    /** The table's rows from what the stages stored (a stage with nothing on disk gives no row). */
    static List<WidthSweepRow> rows(List<Stage> stages, List<Double> keeps, Path outDir) throws IOException {
        List<WidthSweepRow> rows = new ArrayList<>();
        for (Stage s : stages) {
            Path dir = RunLayout.runDir(outDir, s.spec());
            if (!java.nio.file.Files.isRegularFile(dir.resolve("summary.csv"))) {
                continue;
            }
            StoredRun run = StoredRun.open(dir);
            long weights = run.layers().stream().mapToLong(LayerInfo::size).sum();
            String hidden = hidden(run.layers());
            if (s.kind() == WidthSweepRow.Kind.STRONG_TICKET) {
                TreeMap<Integer, Double> registry = new EdgePopupStore(run.layout()).readKeeps();
                for (RoundResult r : run.results()) {
                    Double keep = registry.get(r.round());
                    if (r.branch() == Branch.EDGE_POPUP && keep != null && keeps.contains(keep)) {
                        rows.add(row(s, hidden, keep, weights, r, dir));
                    }
                }
            } else {
                run.result(Branch.TICKET, 0).ifPresent(r -> rows.add(row(s, hidden, 1.0, weights, r, dir)));
            }
        }
        return rows;
    }

    private static WidthSweepRow row(Stage s, String hidden, double keep, long weights, RoundResult r, Path dir) {
        long kept = Math.round(r.weightsRemaining() * weights);
        return new WidthSweepRow(s.kind(), s.width(), hidden, keep, weights, kept, r.testAccuracy(),
                r.earlyStopTestAccuracy(), dir.getFileName().toString());
    }

    /** {@code 300x100}: the output sizes of the layers before the output layer (units, or conv filters). */
    static String hidden(List<LayerInfo> layers) {
        List<String> sizes = new ArrayList<>();
        for (LayerInfo l : layers) {
            if (l.kind() != LayerKind.OUTPUT) {
                sizes.add(Integer.toString(l.shape()[0]));
            }
        }
        return sizes.isEmpty() ? "none" : String.join("x", sizes);
    }

    /** Passes a stage's events on and remembers how its run ended. */
    private static final class Watch implements RunListener {
        private final RunListener next;
        volatile String failure;
        volatile boolean cancelled;

        Watch(RunListener next) {
            this.next = next;
        }

        @Override
        public void onEvent(RunEvent e) {
            if (e instanceof RunEvent.RunFailed f) {
                failure = f.reason();
            } else if (e instanceof RunEvent.RunFinished f) {
                cancelled = f.cancelled();
            }
            if (next != null) {
                next.onEvent(e);
            }
        }
    }
}
