package org.lotterylab.visuals;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** Test helper: runs code on the FX thread and waits for it. */
public final class Fx {
    private Fx() {
    }

    public static <T> T call(Callable<T> c) {
        try {
            T v = WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            return v;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static void run(Runnable r) {
        call(() -> {
            r.run();
            return null;
        });
    }
}
