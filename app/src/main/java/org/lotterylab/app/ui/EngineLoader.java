package org.lotterylab.app.ui;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.lotterylab.api.run.BackendInfo;
import org.lotterylab.api.run.ExperimentRunner;

/**
 * Loads the engine off the JavaFX thread, so that the window can appear before ND4J has loaded (which
 * takes several seconds). The DL4J engine is created reflectively: nothing of ND4J is touched until
 * {@link #load(Supplier)} runs on its background thread; tests pass a fake runner instead.
 */
public final class EngineLoader {
    /** The DL4J engine's runner class. */
    public static final String IMP_RUNNER = "org.lotterylab.engine.imp.ImpRunner";
    /** Where the runner class was first planned; tried when {@link #IMP_RUNNER} is missing. */
    static final String IMP_RUNNER_OLD = "org.lotterylab.engine.ImpRunner";

    /**
     * A loaded engine.
     *
     * @param runner  the runner
     * @param backend what it computes on
     */
    public record Loaded(ExperimentRunner runner, BackendInfo backend) {
    }

    private EngineLoader() {
    }

    /** A supplier of the DL4J engine ({@code new ImpRunner(threads)}, found by reflection). */
    public static Supplier<ExperimentRunner> dl4j(int threads) {
        return () -> {
            try {
                Class<?> c;
                try {
                    c = Class.forName(IMP_RUNNER);
                } catch (ClassNotFoundException e) {
                    c = Class.forName(IMP_RUNNER_OLD);
                }
                return (ExperimentRunner) c.getConstructor(int.class).newInstance(threads);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("the DL4J engine (" + IMP_RUNNER + ") is not on the class path", e);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new IllegalStateException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IllegalStateException("cannot create the DL4J engine: " + e, e);
            }
        };
    }

    /**
     * The runner for replicates trained side by side: a fresh DL4J runner with one compute thread per
     * training (as {@code lth imp --replicates}), or {@code loaded} itself when it is not the DL4J engine
     * (a test's fake engine).
     */
    public static ExperimentRunner singleThreaded(ExperimentRunner loaded) {
        String name = loaded.getClass().getName();
        return name.equals(IMP_RUNNER) || name.equals(IMP_RUNNER_OLD) ? dl4jRunner(name) : loaded;
    }

    private static ExperimentRunner dl4jRunner(String className) {
        try {
            return (ExperimentRunner) Class.forName(className).getConstructor(int.class).newInstance(1);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("cannot create the DL4J engine: " + e, e);
        }
    }

    /**
     * Creates the runner and asks it for its backend (which initialises ND4J) on the background task
     * {@code lth-engine-loader} of {@code tasks}, then calls {@code loaded} or {@code failed} on the JavaFX
     * thread. The future completes on the background thread, before that call.
     */
    public static CompletableFuture<Loaded> load(Supplier<ExperimentRunner> supplier, BackgroundTasks tasks,
            Consumer<Loaded> loaded, Consumer<Throwable> failed) {
        return tasks.run("lth-engine-loader", () -> {
            ExperimentRunner runner = supplier.get();
            return new Loaded(runner, runner.backend());
        }, loaded, failed);
    }

    /** A one-line reason for a failed load. */
    public static String reason(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.toString() : m;
    }
}
