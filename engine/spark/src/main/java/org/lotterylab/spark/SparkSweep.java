package org.lotterylab.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.lotterylab.api.run.RoundResult;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.store.SummaryCsv;

/**
 * Runs a {@link SweepPlan} on Spark from the driver: points already finished at the target are skipped
 * without a task; every other point is one Spark job of one task ({@link PointTask}), so a point that fails
 * for good (after Spark's retries) aborts only its own job while the others finish. The index is rewritten
 * as each point ends.
 */
public final class SparkSweep {

    /**
     * The sweep's outcome.
     *
     * @param outcomes       per point, by index
     * @param startupSeconds seconds to start Spark (context creation)
     * @param wallSeconds    seconds from the start of Spark to the last point's end
     * @param master         the master Spark ran on
     * @param sparkVersion   Spark's version
     */
    public record Result(Map<Integer, PointOutcome> outcomes, double startupSeconds, double wallSeconds,
                         String master, String sparkVersion) {

        /** Points with the given status. */
        public long count(PointOutcome.Status s) {
            return outcomes.values().stream().filter(o -> o.status() == s).count();
        }
    }

    private final SweepSettings settings;
    private final PrintStream out;

    /** A sweep runner printing to {@code out}. */
    public SparkSweep(SweepSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** The Spark configuration of a sweep. */
    SparkConf conf(SweepPlan plan) {
        SparkConf conf = new SparkConf()
                .setAppName("lth sweep " + plan.base().name())
                .setMaster(settings.effectiveMaster())
                .set("spark.task.maxFailures", Integer.toString(settings.maxFailures()))
                .set("spark.task.cpus", Integer.toString(settings.threads()))
                .setIfMissing("spark.ui.enabled", "false")
                .setIfMissing("spark.ui.showConsoleProgress", "false");
        if (settings.master().startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return conf;
    }

    /** Runs the sweep into {@code target}; {@code extra} Spark settings override the defaults. */
    public Result run(SweepPlan plan, URI target, Map<String, String> extra) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        SparkConf conf = conf(plan);
        extra.forEach(conf::set);
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            double startup = (System.nanoTime() - t0) / 1e9;
            String master = sc.master();
            Map<String, String> sparkInfo = new LinkedHashMap<>();
            sparkInfo.put("version", sc.version());
            sparkInfo.put("master", master);
            out.printf(Locale.ROOT, "lth sweep: Apache Spark %s, master %s (started in %.1f s), %d point(s) -> %s%n",
                    sc.version(), master, startup, plan.points().size(), target);
            Map<String, String> hadoop = RunTarget.settings(sc.hadoopConfiguration());
            RunTarget runs = RunTarget.open(target, hadoop);
            Map<Integer, PointOutcome> outcomes = new ConcurrentHashMap<>();
            SweepProgress progress = new SweepProgress(out, settings.terminal(), plan.points().size());
            List<SweepPoint> pending = new ArrayList<>();
            for (SweepPoint p : plan.points()) {
                if (runs.isComplete(p)) {
                    outcomes.put(p.index(), new PointOutcome(p.index(), p.runDir(), PointOutcome.Status.SKIPPED,
                            "", 0, ""));
                } else {
                    pending.add(p);
                }
            }
            if (!outcomes.isEmpty()) {
                progress.row(outcomes.size() + " point(s) already finished at the target: skipped, nothing trained");
            }
            AtomicInteger running = new AtomicInteger();
            sc.sc().addSparkListener(new SparkListener() {
                @Override
                public void onTaskStart(SparkListenerTaskStart e) {
                    running.incrementAndGet();
                }

                @Override
                public void onTaskEnd(SparkListenerTaskEnd e) {
                    running.decrementAndGet();
                }
            });
            PointTask task = new PointTask(runs.uri(), hadoop, settings.workDir(), settings.threads());
            Map<SweepPoint, JavaFutureAction<List<PointOutcome>>> jobs = new LinkedHashMap<>();
            for (SweepPoint p : pending) {
                sc.setJobDescription("lth point " + p.label());
                jobs.put(p, sc.parallelize(List.of(p), 1).map(task).collectAsync());
            }
            SweepIndex.write(runs, plan, outcomes, sparkInfo);
            while (!jobs.isEmpty()) {
                for (var it = jobs.entrySet().iterator(); it.hasNext();) {
                    var job = it.next();
                    if (!job.getValue().isDone()) {
                        continue;
                    }
                    it.remove();
                    PointOutcome o = outcome(job.getKey(), job.getValue());
                    outcomes.put(o.index(), o);
                    progress.row(line(job.getKey(), o, runs));
                    SweepIndex.write(runs, plan, outcomes, sparkInfo);
                }
                progress.update(count(outcomes, PointOutcome.Status.TRAINED) + count(outcomes, PointOutcome.Status.SKIPPED),
                        Math.max(0, running.get()), count(outcomes, PointOutcome.Status.FAILED));
                if (!jobs.isEmpty()) {
                    Thread.sleep(200);
                }
            }
            SweepIndex.write(runs, plan, outcomes, sparkInfo);
            runs.dropEmptyCheckpoints();
            progress.finish(count(outcomes, PointOutcome.Status.TRAINED) + count(outcomes, PointOutcome.Status.SKIPPED),
                    0, count(outcomes, PointOutcome.Status.FAILED));
            double wall = (System.nanoTime() - t0) / 1e9;
            Result r = new Result(Map.copyOf(outcomes), startup, wall, master, sc.version());
            out.printf(Locale.ROOT, "lth sweep: %d trained, %d skipped, %d failed in %.1f s on Spark %s (%s); index: %s%n",
                    r.count(PointOutcome.Status.TRAINED), r.count(PointOutcome.Status.SKIPPED),
                    r.count(PointOutcome.Status.FAILED), wall, sc.version(), master,
                    runs.uri() + "/" + SweepIndex.CSV);
            return r;
        }
    }

    private static int count(Map<Integer, PointOutcome> m, PointOutcome.Status s) {
        return (int) m.values().stream().filter(o -> o.status() == s).count();
    }

    private static PointOutcome outcome(SweepPoint p, JavaFutureAction<List<PointOutcome>> job)
            throws InterruptedException {
        try {
            return job.get().get(0);
        } catch (ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            return new PointOutcome(p.index(), p.runDir(), PointOutcome.Status.FAILED,
                    PointFailure.reasonIn(c.getMessage()), 0, "");
        }
    }

    private static String line(SweepPoint p, PointOutcome o, RunTarget runs) {
        String head = "point " + p.label() + ": " + o.status().id();
        if (o.status() == PointOutcome.Status.FAILED) {
            return head + ": " + o.reason();
        }
        StringBuilder sb = new StringBuilder(head).append(String.format(Locale.ROOT, " in %.1f s on %s -> %s",
                o.seconds(), o.host(), o.runDir()));
        try {
            String text = runs.readText(o.runDir() + "/summary.csv");
            if (text != null) {
                RoundResult last = null;
                for (RoundResult r : SummaryCsv.parse(text, "summary.csv").rows()) {
                    if (r.branch() == Branch.TICKET) {
                        last = r;
                    }
                }
                if (last != null) {
                    sb.append(String.format(Locale.ROOT, " (ticket round %d: %.1f%% weights remaining, test accuracy %.4f)",
                            last.round(), 100 * last.weightsRemaining(), last.testAccuracy()));
                }
            }
        } catch (IOException e) {
            sb.append(" (summary unreadable: ").append(e.getMessage()).append(')');
        }
        return sb.toString();
    }
}
