package org.lotterylab.engine.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.lotterylab.engine.util.RunLock;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.run.RunListener;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.engine.data.DataFormatException;
import org.lotterylab.engine.train.DivergedException;
import org.lotterylab.engine.train.RunGate;

/**
 * The frame of every experiment run (IMP, linear mode connectivity, edge-popup): the run directory's
 * single-writer {@link RunLock} is held while it runs (a second writer stops at once, changing nothing), and
 * it ends with exactly one
 * {@link RunEvent.RunFinished} or {@link RunEvent.RunFailed}, with a reason a user can act on, and the
 * reminder that finished work stays on disk.
 */
public final class RunLifecycle {

    private static final System.Logger LOG = System.getLogger(RunLifecycle.class.getName());

    private RunLifecycle() {
    }

    /** The experiment's work. */
    @FunctionalInterface
    public interface Body {
        /** Runs the experiment; throws to end it. */
        void execute() throws IOException;
    }

    /**
     * Runs {@code body} and publishes how it ended.
     *
     * @param savedWhat  what a failure leaves on disk, e.g. "rounds", "curves", "points"
     * @param userErrors further exception types whose message is already a clear user-facing reason
     */
    @SuppressWarnings("try") // the resource is held for the block's extent, never referenced
    @SafeVarargs
    public static void run(Path runDir, String savedWhat, RunListener listener, Body body,
                           Class<? extends RuntimeException>... userErrors) {
        long started = System.nanoTime();
        // a body that finds its directory only while running (runDir null) takes no lock here
        try (RunLock lock = runDir == null ? null : RunLock.acquire(runDir)) {
            body.execute();
            emit(listener, new RunEvent.RunFinished(runDir, seconds(started), false));
        } catch (RunLock.BusyException e) {
            emit(listener, new RunEvent.RunFailed(e.getMessage(), ""));
        } catch (RunGate.CancelledException e) {
            emit(listener, new RunEvent.RunFinished(runDir, seconds(started), true));
        } catch (DivergedException e) {
            emit(listener, new RunEvent.RunFailed(e.getMessage() + ". Finished " + savedWhat + " are saved in " + runDir,
                    ""));
        } catch (DataFormatException | SpecException e) {
            emit(listener, new RunEvent.RunFailed(e.getMessage(), ""));
        } catch (IOException e) {
            emit(listener, new RunEvent.RunFailed("could not read or write the run store in " + runDir + ": "
                    + e.getMessage() + ". Finished " + savedWhat + " are kept.", stack(e)));
        } catch (OutOfMemoryError e) {
            emit(listener, new RunEvent.RunFailed("out of memory: choose a smaller model or batch, or raise -Xmx",
                    stack(e)));
        } catch (RuntimeException e) {
            for (Class<? extends RuntimeException> c : userErrors) {
                if (c.isInstance(e)) {
                    emit(listener, new RunEvent.RunFailed(e.getMessage(), stack(e)));
                    return;
                }
            }
            emit(listener, new RunEvent.RunFailed("engine error: " + e, stack(e)));
        }
    }

    /** Delivers an event; a failing listener is logged (System.Logger, warning) and never kills the run. */
    public static void emit(RunListener listener, RunEvent e) {
        try {
            listener.onEvent(e);
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "listener failed on " + e.getClass().getSimpleName(), ex);
        }
    }

    /** A throwable's stack trace as text, for the technical detail of a failure. */
    public static String stack(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
