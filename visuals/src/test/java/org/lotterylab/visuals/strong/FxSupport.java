package org.lotterylab.visuals.strong;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** Runs test code on the FX thread and waits for it. */
final class FxSupport {
    private FxSupport() {
    }

    static <T> T call(Callable<T> c) {
        try {
            T v = WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            return v;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void run(Runnable r) {
        call(() -> {
            r.run();
            return null;
        });
    }
}
