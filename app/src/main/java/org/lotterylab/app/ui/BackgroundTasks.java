package org.lotterylab.app.ui;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The one way the lab window runs work off the JavaFX thread (decision 0018): reading stored runs, loading an
 * engine, reading masks for a pane. {@link #run} does the work on a background thread and hands its result or
 * failure back on the JavaFX thread; engine event streams reach the JavaFX thread through a
 * {@link LiveUpdatePump} instead. The window uses {@link #shared()} (daemon threads named {@code lth-*}, so
 * {@link BackgroundPriority} lowers their priority); view models tested without a window use {@link #immediate()},
 * which does everything at once on the calling thread.
 */
public interface BackgroundTasks {

    /** Work that returns a value and may fail. */
    @FunctionalInterface
    interface Work<T> {
        /** Does the work (on a background thread). */
        T call() throws Exception;
    }

    /**
     * Runs {@code work} in the background on a thread named {@code name} (which must start with
     * {@value BackgroundPriority#PREFIX}), then {@code done} with its result or {@code failed} with what it
     * threw on the JavaFX thread. The future completes on the background thread, before the hand-back.
     */
    <T> CompletableFuture<T> run(String name, Work<T> work, Consumer<? super T> done, Consumer<? super Throwable> failed);

    /**
     * Runs {@code work} in the background on a thread named {@code name} and hands nothing back: work that
     * reaches the JavaFX thread by its own listener (a {@link LiveUpdatePump}) or not at all.
     */
    void execute(String name, Runnable work);

    /**
     * A lane over the same threads whose tasks run one at a time in the order given, for reads whose answers
     * must not overtake each other (a pane's later read of a folder must land after its earlier one).
     */
    BackgroundTasks serial();

    /** The window's executor: a pool of daemon threads, results on the JavaFX thread. */
    static BackgroundTasks shared() {
        return ThreadPoolTasks.SHARED;
    }

    /** The synchronous twin for tests: runs work and hands back at once, on the calling thread. */
    static BackgroundTasks immediate() {
        return ImmediateTasks.INSTANCE;
    }

    /** Checks a task name: background threads carry the {@value BackgroundPriority#PREFIX} prefix. */
    static String checkName(String name) {
        if (name == null || !name.startsWith(BackgroundPriority.PREFIX)) {
            throw new IllegalArgumentException("background task names start with " + BackgroundPriority.PREFIX + ": " + name);
        }
        return name;
    }
}
