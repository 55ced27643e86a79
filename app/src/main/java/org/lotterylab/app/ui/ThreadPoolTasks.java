package org.lotterylab.app.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * {@link BackgroundTasks} on a pool of daemon threads ({@code lth-task-N}, idle ones end after a minute), each
 * renamed to its task's name while it runs; results are handed to the JavaFX thread with
 * {@link Platform#runLater}. A task never waits for another (the pool grows), except on a {@link #serial()} lane.
 */
final class ThreadPoolTasks implements BackgroundTasks {
    static final ThreadPoolTasks SHARED = new ThreadPoolTasks(Platform::runLater);

    private static final System.Logger LOG = System.getLogger(ThreadPoolTasks.class.getName());
    private final ExecutorService pool;
    private final Executor ui;
    private final AtomicInteger threads = new AtomicInteger();

    /** A pool whose hand-backs go through {@code ui} ({@code Platform::runLater} in the window). */
    ThreadPoolTasks(Executor ui) {
        this.ui = ui;
        this.pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, idleName());
            t.setDaemon(true);
            return t;
        });
    }

    private String idleName() {
        return BackgroundPriority.PREFIX + "task-" + threads.incrementAndGet();
    }

    @Override
    public <T> CompletableFuture<T> run(String name, Work<T> work, Consumer<? super T> done,
            Consumer<? super Throwable> failed) {
        return handingBack(this, name, work, done, failed);
    }

    /**
     * {@link #run} on the pool or on a lane: {@code tasks} executes {@code work}, which completes the future,
     * then the outcome is handed to the JavaFX thread.
     */
    private <T> CompletableFuture<T> handingBack(BackgroundTasks tasks, String name, Work<T> work,
            Consumer<? super T> done, Consumer<? super Throwable> failed) {
        CompletableFuture<T> f = new CompletableFuture<>();
        tasks.execute(name, () -> {
            T value;
            try {
                value = work.call();
            } catch (Throwable e) { // as a thread of its own would: every failure is reported
                f.completeExceptionally(e);
                ui.execute(() -> failed.accept(e));
                return;
            }
            f.complete(value);
            ui.execute(() -> done.accept(value));
        });
        return f;
    }

    @Override
    public void execute(String name, Runnable work) {
        BackgroundTasks.checkName(name);
        pool.execute(() -> named(name, work));
    }

    private static void named(String name, Runnable work) {
        Thread self = Thread.currentThread();
        String idle = self.getName();
        self.setName(name);
        try {
            work.run();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "background task " + name + " failed", e);
        } finally {
            self.setName(idle);
        }
    }

    @Override
    public BackgroundTasks serial() {
        return new Lane();
    }

    /** Tasks run one after another on the pool's threads. */
    private final class Lane implements BackgroundTasks {
        private final Deque<Runnable> queue = new ArrayDeque<>();
        private boolean draining;

        @Override
        public <T> CompletableFuture<T> run(String name, Work<T> work, Consumer<? super T> done,
                Consumer<? super Throwable> failed) {
            return handingBack(this, name, work, done, failed);
        }

        @Override
        public void execute(String name, Runnable work) {
            BackgroundTasks.checkName(name);
            synchronized (queue) {
                queue.addLast(() -> named(name, work));
                if (draining) {
                    return;
                }
                draining = true;
            }
            pool.execute(this::drain);
        }

        private void drain() {
            while (true) {
                Runnable next;
                synchronized (queue) {
                    next = queue.pollFirst();
                    if (next == null) {
                        draining = false;
                        return;
                    }
                }
                next.run();
            }
        }

        @Override
        public BackgroundTasks serial() {
            return this;
        }
    }
}
