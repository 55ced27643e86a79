package org.lotterylab.app.ui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.testfx.util.WaitForAsyncUtils;

/** The window tests' two ways of reaching the JavaFX thread: read a value on it, wait for a condition on it. */
final class FxWait {
    private FxWait() {
    }

    /** Waits up to {@code seconds} for {@code condition}, evaluated on the JavaFX thread. */
    static void waitUntil(String what, long seconds, BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    /** {@code s} evaluated on the JavaFX thread. */
    static <T> T onFx(Supplier<T> s) {
        AtomicReference<T> ref = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> ref.set(s.get()));
        return ref.get();
    }
}
