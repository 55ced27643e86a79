package org.lotterylab.engine.replicate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import org.lotterylab.api.run.LmcEvent;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.run.RunLatch;
import org.lotterylab.api.run.RunListener;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.store.GroupSummary;
import org.lotterylab.api.store.LmcGroupSummary;
import org.lotterylab.api.store.ReplicateGroup;

/**
 * Runs the replicates of a {@link ReplicateGroup}, at most {@code parallel} at once, each through an
 * ordinary single-run starter (so each replicate is stored, resumed and read exactly like a single run of
 * its seed). Every replicate derives all its randomness from its own seed, so the results do not depend on
 * how many run at once or in which order they finish. After every finished round the group's merged table
 * ({@link GroupSummary}) is rewritten, and after every finished round or LMC curve its merged instability
 * table ({@link LmcGroupSummary}).
 */
public final class ReplicateRunner {

    /** Starts one ordinary run and returns at once (an IMP, LMC or edge-popup runner's start method). */
    @FunctionalInterface
    public interface Starter {
        /** Starts {@code spec} into {@code outDir}. */
        RunControl start(ExperimentSpec spec, Path outDir, RunListener listener);
    }

    private final Starter starter;
    private final int parallel;

    /** Runs through {@code starter}, {@code parallel} (at least 1) at once. */
    public ReplicateRunner(Starter starter, int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1 (got " + parallel + ")");
        }
        this.starter = starter;
        this.parallel = parallel;
    }

    /** Writes the group file, then starts the replicates on a coordinating thread and returns at once. */
    public RunControl start(ReplicateGroup group, Path outDir, ReplicateListener listener) throws IOException {
        group.write(outDir);
        GroupControl control = new GroupControl();
        Thread t = new Thread(() -> control.runAll(group, outDir, listener), "lth-replicates");
        t.setDaemon(true);
        t.start();
        return control;
    }

    /** Controls every running replicate at once. */
    private final class GroupControl extends RunLatch {

        void runAll(ReplicateGroup group, Path outDir, ReplicateListener listener) {
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            Semaphore slots = new Semaphore(parallel);
            List<ExperimentSpec> specs = group.specs();
            CountDownLatch ended = new CountDownLatch(specs.size());
            Object mergeLock = new Object();
            try {
                for (int i = 0; i < specs.size(); i++) {
                    slots.acquire();
                    if (isCancelled()) {
                        slots.release();
                        ended.countDown();
                        continue;
                    }
                    int index = i;
                    ExperimentSpec spec = specs.get(i);
                    RunListener tagged = e -> {
                        listener.onEvent(index, spec.seed(), e);
                        if (e instanceof RunEvent.RoundFinished || e instanceof LmcEvent.LmcCurveDone) {
                            synchronized (mergeLock) {
                                try {
                                    LmcGroupSummary.update(outDir, group);
                                    if (e instanceof RunEvent.RoundFinished) {
                                        listener.merged(GroupSummary.update(outDir, group));
                                    }
                                } catch (IOException ex) {
                                    failures.add("seed " + spec.seed() + ": could not write the merged table: "
                                            + ex.getMessage());
                                }
                            }
                        } else if (e instanceof RunEvent.RunFailed f) {
                            failures.add("seed " + spec.seed() + ": " + f.reason());
                        }
                        if (e instanceof RunEvent.RunFinished || e instanceof RunEvent.RunFailed) {
                            slots.release();
                            ended.countDown();
                        }
                    };
                    RunControl c;
                    try {
                        c = starter.start(spec, outDir, tagged);
                    } catch (RuntimeException ex) {
                        failures.add("seed " + spec.seed() + ": " + ex.getMessage());
                        slots.release();
                        ended.countDown();
                        continue;
                    }
                    follow(c);
                }
                ended.await();
                synchronized (mergeLock) {
                    try {
                        LmcGroupSummary.update(outDir, group);
                        listener.merged(GroupSummary.update(outDir, group));
                    } catch (IOException ex) {
                        failures.add("could not write the merged table: " + ex.getMessage());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
            } finally {
                listener.allDone(List.copyOf(failures), isCancelled());
                markDone();
            }
        }
    }
}
