package org.lotterylab.app.ui;

import javafx.application.Platform;

/**
 * The assertion at the scene-graph entry points of the view-model-to-view binding: code that changes nodes
 * calls {@link #check()} first, so work that reached a view from a background thread fails at once, naming
 * the method, instead of corrupting the scene graph later and elsewhere.
 */
public final class FxThread {
    private FxThread() {
    }

    /**
     * Returns when called on the JavaFX application thread.
     *
     * @throws IllegalStateException naming the calling method and the thread, on any other thread
     */
    public static void check() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException(caller() + " must run on the JavaFX application thread, not on thread '"
                    + Thread.currentThread().getName() + "'");
        }
    }

    /** The method that called {@link #check()}, as {@code SimpleClass.method}. */
    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames.skip(2).findFirst()
                .map(f -> {
                    String c = f.getClassName();
                    return c.substring(c.lastIndexOf('.') + 1) + "." + f.getMethodName();
                }).orElse("a view"));
    }
}
