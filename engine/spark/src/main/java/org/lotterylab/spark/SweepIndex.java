package org.lotterylab.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.store.Json;
import org.lotterylab.api.store.SummaryCsv;

/**
 * The sweep's index beside its runs: {@code sweep.json} (base spec, grid, replicates, each point's values,
 * run directory and status) and {@code sweep.csv}, every finished point's {@code summary.csv} rows merged,
 * one row per point, branch and round, prefixed by the point's grid values, replicate and the run's own seed
 * ({@code run_seed}: the point's seed plus the replicate).
 */
public final class SweepIndex {

    /** Version of {@code sweep.json}. */
    public static final int FORMAT = 1;
    /** The index file names. */
    public static final String JSON = "sweep.json";
    /** The merged table. */
    public static final String CSV = "sweep.csv";

    private SweepIndex() {
    }

    /** A CSV cell: quoted when it holds a comma or quote (list-valued fields such as branches). */
    static String field(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** The {@code sweep.csv} header for a grid over {@code gridKeys}. */
    public static String header(List<String> gridKeys) {
        List<String> cols = new ArrayList<>();
        cols.add("point");
        cols.addAll(gridKeys);
        cols.add("replicate");
        cols.add("run_seed");
        cols.add("run");
        cols.add(SummaryCsv.HEADER);
        return String.join(",", cols);
    }

    /** Writes both files (each atomically), reading finished points' summaries from the target. */
    public static void write(RunTarget target, SweepPlan plan, Map<Integer, PointOutcome> outcomes,
                             Map<String, String> sparkInfo) throws IOException {
        StringBuilder csv = new StringBuilder(header(plan.gridKeys())).append('\n');
        List<Object> points = new ArrayList<>();
        for (SweepPoint p : plan.points()) {
            PointOutcome o = outcomes.get(p.index());
            String status = o == null ? "pending" : o.status().id();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("point", p.index());
            e.put("values", new LinkedHashMap<String, Object>(p.values()));
            e.put("replicate", p.replicate());
            e.put("seed", p.specMap().get("seed"));
            e.put("run", p.runDir());
            e.put("status", status);
            if (o != null && !o.reason().isEmpty()) {
                e.put("reason", o.reason());
            }
            points.add(e);
            if (o == null || o.status() == PointOutcome.Status.FAILED) {
                continue;
            }
            String summary = target.readText(p.runDir() + "/summary.csv");
            if (summary == null) {
                continue;
            }
            StringBuilder prefix = new StringBuilder().append(p.index());
            for (String k : plan.gridKeys()) {
                prefix.append(',').append(field(p.values().get(k)));
            }
            prefix.append(',').append(p.replicate()).append(',').append(p.specMap().get("seed"))
                    .append(',').append(p.runDir());
            for (RoundResult r : SummaryCsv.parse(summary, p.runDir() + "/summary.csv").rows()) {
                csv.append(prefix).append(',').append(SummaryCsv.formatRow(r)).append('\n');
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("kind", "sweep");
        json.put("name", plan.base().name());
        List<Object> grid = new ArrayList<>();
        plan.axes().forEach(a -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("key", a.key());
            g.put("values", new ArrayList<Object>(a.values()));
            grid.add(g);
        });
        json.put("grid", grid);
        json.put("replicates", plan.replicates());
        json.put("spark", new LinkedHashMap<String, Object>(sparkInfo));
        json.put("points", points);
        json.put("base", new LinkedHashMap<String, Object>(plan.base().toMap()));
        target.writeText(JSON, Json.write(json) + "\n");
        target.writeText(CSV, csv.toString());
    }
}
