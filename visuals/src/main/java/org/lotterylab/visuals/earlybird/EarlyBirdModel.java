package org.lotterylab.visuals.earlybird;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.lotterylab.api.run.RunEvent;

/**
 * The early-bird state of one run, without JavaFX: the evaluation points of the dense round, the pairwise
 * mask-distance matrix (grown one row per live point, replaced by the engine's full matrix at the end) and the
 * iteration at which the ticket was drawn.
 */
public final class EarlyBirdModel {
    private final List<RunEvent.EarlyBirdPoint> points = new ArrayList<>();
    private final List<float[]> rows = new ArrayList<>();
    private int[] iterations = new int[0];
    private RunEvent.EarlyBirdDrawn summary;
    private int drawnIteration = -1;

    /** Forgets everything. */
    public void clear() {
        points.clear();
        rows.clear();
        iterations = new int[0];
        summary = null;
        drawnIteration = -1;
    }

    /** Adds a live point; a point out of order (not the next index) is ignored and reported false. */
    public boolean add(RunEvent.EarlyBirdPoint p) {
        if (summary != null || p.index() != rows.size()) {
            return false;
        }
        points.add(p);
        rows.add(p.distancesToEarlier());
        iterations = java.util.Arrays.copyOf(iterations, iterations.length + 1);
        iterations[iterations.length - 1] = p.iteration();
        if (p.drawn() && drawnIteration < 0) {
            drawnIteration = p.iteration();
        }
        return true;
    }

    /** The final summary: its matrix replaces the live one. */
    public void finish(RunEvent.EarlyBirdDrawn s) {
        summary = s;
        iterations = s.iterationsAt();
        drawnIteration = s.drawn() ? s.drawnIteration() : -1;
    }

    /** Points in the matrix. */
    public int size() {
        return iterations.length;
    }

    /** Whether there is anything to show. */
    public boolean isEmpty() {
        return size() == 0;
    }

    /** The iteration of point {@code i}. */
    public int iteration(int i) {
        return iterations[i];
    }

    /** The distance between the masks of points {@code i} and {@code j} (symmetric, 0 on the diagonal). */
    public double distance(int i, int j) {
        if (i == j) {
            return 0;
        }
        if (summary != null) {
            return summary.distances()[i * size() + j];
        }
        return i > j ? rows.get(i)[j] : rows.get(j)[i];
    }

    /** The live points (empty for a stored run read from the summary alone). */
    public List<RunEvent.EarlyBirdPoint> points() {
        return List.copyOf(points);
    }

    /** The distance of each point's mask to the previous point's (NaN at the first), from the matrix. */
    public double distanceToPrevious(int i) {
        return i == 0 ? Double.NaN : distance(i, i - 1);
    }

    /** The iteration at which the ticket was drawn, if it was. */
    public OptionalInt drawnIteration() {
        return drawnIteration < 0 ? OptionalInt.empty() : OptionalInt.of(drawnIteration);
    }

    /** Whether the dense round's summary has arrived. */
    public boolean finished() {
        return summary != null;
    }

    /** One line: where the ticket was drawn and the training saved, or what is going on. */
    public String caption() {
        if (summary != null) {
            if (!summary.drawn()) {
                return String.format(Locale.ROOT, "no early-bird ticket drawn in %d iterations", summary.iterations());
            }
            return String.format(Locale.ROOT, "ticket drawn at iteration %d; %d iterations saved (%.0f%% of %d)",
                    summary.drawnIteration(), summary.iterationsSaved(),
                    100.0 * summary.iterationsSaved() / Math.max(1, summary.iterations()), summary.iterations());
        }
        if (isEmpty()) {
            return "no early-bird points yet: they appear while the dense round trains (branch early-bird)";
        }
        return drawnIteration >= 0 ? "ticket drawn at iteration " + drawnIteration + " (dense round still training)"
                : size() + " masks drawn; the ticket is not drawn yet";
    }

    /** The matrix as CSV: {@code iteration_i,iteration_j,distance}. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("iteration_i,iteration_j,distance\n");
        for (int i = 0; i < size(); i++) {
            for (int j = 0; j < size(); j++) {
                sb.append(iteration(i)).append(',').append(iteration(j)).append(',')
                        .append(String.format(Locale.ROOT, "%.6f", distance(i, j))).append('\n');
            }
        }
        return sb.toString();
    }
}
