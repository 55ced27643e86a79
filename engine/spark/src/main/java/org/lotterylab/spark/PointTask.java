package org.lotterylab.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.Function;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.engine.imp.ImpRunner;

/**
 * The Spark task of one point, run on an executor: skip it when the target already holds it finished;
 * otherwise train it with the ordinary engine ({@link ImpRunner}) into a local work folder (resuming from
 * that folder, or from the target's copy or checkpoint), checkpoint each finished round to the target, and
 * publish the finished run atomically. A failed run throws {@link PointFailure} so Spark retries it.
 */
public final class PointTask implements Function<SweepPoint, PointOutcome> {

    private static final long serialVersionUID = 1L;

    private final URI target;
    private final Map<String, String> hadoopConf;
    private final String workDir;
    private final int threads;

    /**
     * @param target     the sweep's output folder
     * @param hadoopConf the driver's Hadoop settings
     * @param workDir    executor-local folder for runs in progress
     * @param threads    compute threads of each run (Spark's task CPUs)
     */
    public PointTask(URI target, Map<String, String> hadoopConf, String workDir, int threads) {
        this.target = target;
        this.hadoopConf = new java.util.HashMap<>(hadoopConf);
        this.workDir = workDir;
        this.threads = threads;
    }

    @Override
    public PointOutcome call(SweepPoint point) throws Exception {
        long t0 = System.nanoTime();
        RunTarget out = RunTarget.open(target, hadoopConf);
        String runDir = point.runDir();
        String host = InetAddress.getLocalHost().getHostName();
        if (out.isComplete(point)) {
            return new PointOutcome(point.index(), runDir, PointOutcome.Status.SKIPPED, "", seconds(t0), host);
        }
        Path local = Path.of(workDir).toAbsolutePath();
        Path localRun = local.resolve(runDir);
        if (!Files.exists(localRun.resolve("summary.csv"))) {
            deleteTree(localRun);
            org.apache.hadoop.fs.Path src = out.resumeSource(runDir);
            if (src != null) {
                out.download(src, localRun);
            }
        }
        train(point.spec(), local, out, runDir);
        out.publish(localRun, runDir);
        deleteTree(localRun);
        return new PointOutcome(point.index(), runDir, PointOutcome.Status.TRAINED, "", seconds(t0), host);
    }

    private void train(ExperimentSpec spec, Path local, RunTarget out, String runDir) throws InterruptedException {
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicReference<IOException> checkpointError = new AtomicReference<>();
        RunControl control = new ImpRunner(threads).start(spec, local, e -> {
            if (e instanceof RunEvent.RunFailed f) {
                failure.set(f.reason());
            } else if (e instanceof RunEvent.RoundFinished) {
                // on the engine's thread, between rounds: the local folder is consistent now
                try {
                    out.checkpoint(local.resolve(runDir), runDir);
                } catch (IOException ex) {
                    checkpointError.compareAndSet(null, ex);
                }
            }
        });
        try {
            while (!control.await(Duration.ofSeconds(1))) {
                // keep waiting; Spark interrupts this thread when it kills the task
            }
        } catch (InterruptedException e) {
            control.cancel();
            control.await(Duration.ofSeconds(30));
            throw e;
        }
        if (failure.get() != null) {
            throw new PointFailure(failure.get());
        }
        if (checkpointError.get() != null) {
            throw new UncheckedIOException("could not checkpoint " + runDir + " to " + target, checkpointError.get());
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
