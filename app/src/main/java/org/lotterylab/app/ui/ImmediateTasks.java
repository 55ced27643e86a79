package org.lotterylab.app.ui;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@link BackgroundTasks}' synchronous twin: the work and its hand-back run at once on the calling thread, so a
 * view model's file reading and engine calls are tested in plain JUnit, without a window or waiting.
 */
final class ImmediateTasks implements BackgroundTasks {
    static final ImmediateTasks INSTANCE = new ImmediateTasks();

    private ImmediateTasks() {
    }

    @Override
    public <T> CompletableFuture<T> run(String name, Work<T> work, Consumer<? super T> done,
            Consumer<? super Throwable> failed) {
        BackgroundTasks.checkName(name);
        CompletableFuture<T> f = new CompletableFuture<>();
        T value;
        try {
            value = work.call();
        } catch (Throwable e) { // as on a background thread: every failure is reported
            f.completeExceptionally(e);
            failed.accept(e);
            return f;
        }
        f.complete(value);
        done.accept(value);
        return f;
    }

    @Override
    public void execute(String name, Runnable work) {
        BackgroundTasks.checkName(name);
        work.run();
    }

    @Override
    public BackgroundTasks serial() {
        return this;
    }
}
