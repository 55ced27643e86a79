package org.lotterylab.engine.imp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.lotterylab.engine.context.ImpContext;
import org.lotterylab.api.run.RunListener;
import org.lotterylab.engine.lmc.ImpRoundLmc;
import org.lotterylab.engine.train.RunGate;
import org.lotterylab.engine.train.StepBackend;

/**
 * Runs the independent trainings of one IMP round (its branches, and each branch's extra LMC copy) at most
 * {@code parallel} at once. Each worker owns its step backend and per-round LMC measurement, so no training
 * state is shared; every training derives its data order and init from the spec's seed, so the results do
 * not depend on how many run at once (tested bit for bit). With {@code parallel = 1} everything runs on the
 * calling thread, in order.
 */
final class RoundWorkers implements AutoCloseable {

    /** One unit of a round's work, run on some worker. */
    @FunctionalInterface
    interface Task<T> {
        /** Runs on {@code w}. */
        T run(Worker w) throws IOException;
    }

    /** What a task may use: its own backend and LMC measurement. */
    final class Worker {
        private StepBackend backend;
        private ImpRoundLmc lmc;

        /** This worker's step backend (created on first use). */
        StepBackend backend() {
            if (backend == null) {
                backend = ctx.newBackend();
            }
            return backend;
        }

        /** This worker's per-round LMC measurement (created on first use). */
        ImpRoundLmc lmc() {
            if (lmc == null) {
                lmc = new ImpRoundLmc(ctx, runDir, listener, gate);
            }
            return lmc;
        }

        void close() {
            if (backend != null) {
                backend.close();
            }
            if (lmc != null) {
                lmc.close();
            }
        }
    }

    private final int parallel;
    private final ImpContext ctx;
    private final Path runDir;
    private final RunListener listener;
    private final RunGate gate;
    private final List<Worker> all = new ArrayList<>();
    private final BlockingQueue<Worker> idle;
    private final Worker main;
    private ExecutorService pool;

    RoundWorkers(int parallel, ImpContext ctx, Path runDir, RunListener listener, RunGate gate) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1 (got " + parallel + ")");
        }
        this.parallel = parallel;
        this.ctx = ctx;
        this.runDir = runDir;
        this.listener = listener;
        this.gate = gate;
        this.idle = new ArrayBlockingQueue<>(parallel);
        for (int i = 0; i < parallel; i++) {
            Worker w = new Worker();
            all.add(w);
            idle.add(w);
        }
        this.main = all.get(0);
    }

    /** The first worker's backend, for work that runs alone (the dense round). */
    StepBackend backend() {
        return main.backend();
    }

    /** The first worker's LMC measurement, for work that runs alone. */
    ImpRoundLmc lmc() {
        return main.lmc();
    }

    /** Runs every task and returns their results in task order; the first failure is rethrown. */
    <T> List<T> runAll(List<Task<T>> tasks) throws IOException {
        List<T> out = new ArrayList<>();
        if (parallel == 1 || tasks.size() < 2) {
            for (Task<T> t : tasks) {
                out.add(t.run(main));
            }
            return out;
        }
        List<Future<T>> futures = new ArrayList<>();
        for (Task<T> t : tasks) {
            futures.add(pool().submit(() -> {
                Worker w = idle.take();
                try {
                    return t.run(w);
                } finally {
                    idle.add(w);
                }
            }));
        }
        Throwable first = null;
        for (Future<T> f : futures) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                first = first == null ? e.getCause() : first;
                out.add(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                gate.cancel();
                gate.checkpoint(); // throws the run's CancelledException
            }
        }
        if (first instanceof IOException io) {
            throw io;
        }
        if (first instanceof UncheckedIOException u) {
            throw u.getCause();
        }
        if (first instanceof RuntimeException r) {
            throw r;
        }
        if (first instanceof Error err) {
            throw err;
        }
        if (first != null) {
            throw new IllegalStateException(first);
        }
        return out;
    }

    private ExecutorService pool() {
        if (pool == null) {
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(parallel, r -> {
                Thread t = new Thread(r, "lth-train-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        all.forEach(Worker::close);
    }
}
