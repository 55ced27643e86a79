package org.lotterylab.spark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.api.store.ReplicateGroup;

/**
 * A sweep: the base spec times the grid (every combination, the first axis varying slowest) times the
 * replicates. Replicate {@code i} of a point is that point's spec with seed + i ({@link ReplicateGroup}).
 * Every point's spec is validated here, so an impossible grid value fails before Spark starts.
 *
 * @param base       the base experiment
 * @param axes       the grid, in option order (no field twice)
 * @param replicates replicates per grid point, at least 1
 * @param points     the runs, in sweep order
 */
public record SweepPlan(ExperimentSpec base, List<GridAxis> axes, int replicates, List<SweepPoint> points) {

    /** Copies the lists. */
    public SweepPlan {
        axes = List.copyOf(axes);
        points = List.copyOf(points);
    }

    /** Expands {@code base} x {@code axes} x {@code replicates}. */
    public static SweepPlan of(ExperimentSpec base, List<GridAxis> axes, int replicates) {
        if (replicates < 1) {
            throw new SpecException("replicates", "must be at least 1 (got " + replicates + ")");
        }
        Set<String> keys = new HashSet<>();
        for (GridAxis a : axes) {
            if (!keys.add(a.key())) {
                throw new SpecException(a.key(), "appears in two --grid options");
            }
        }
        List<Map<String, String>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (GridAxis a : axes) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combos) {
                for (String v : a.values()) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(a.key(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        List<SweepPoint> points = new ArrayList<>();
        Set<String> dirs = new HashSet<>();
        for (Map<String, String> values : combos) {
            ExperimentSpec gridSpec = base.with(values);
            for (int r = 0; r < replicates; r++) {
                ExperimentSpec s = ReplicateGroup.replicate(gridSpec, r);
                if (!dirs.add(s.runDirName())) {
                    throw new SpecException("grid", "two points would be the same run " + s.runDirName()
                            + " (e.g. --grid seed with --replicates overlapping seeds)");
                }
                points.add(new SweepPoint(points.size(), values, r, s.toMap()));
            }
        }
        return new SweepPlan(base, axes, replicates, points);
    }

    /** The grid's field names, in axis order. */
    public List<String> gridKeys() {
        return axes.stream().map(GridAxis::key).toList();
    }
}
