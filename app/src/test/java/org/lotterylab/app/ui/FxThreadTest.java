package org.lotterylab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lotterylab.api.run.RunEvent;
import org.testfx.api.FxToolkit;

/** Scene-graph entry points refuse other threads, naming the method called. */
class FxThreadTest {

    @BeforeAll
    static void startFx() throws Exception {
        FxToolkit.registerPrimaryStage(); // the toolkit as TestFX starts it for the window tests of this JVM
    }

    @Test
    void offTheFxThreadTheCheckFailsNamingTheCaller() {
        IllegalStateException e = assertThrows(IllegalStateException.class, FxThreadTest::touchTheScene);
        assertTrue(e.getMessage().startsWith("FxThreadTest.touchTheScene must run on the JavaFX application thread"),
                e.getMessage());
        assertTrue(e.getMessage().contains(Thread.currentThread().getName()), e.getMessage());
    }

    @Test
    void onTheFxThreadItPasses() throws Exception {
        CompletableFuture<String> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                touchTheScene();
                f.complete("ok");
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        assertEquals("ok", f.get(10, TimeUnit.SECONDS));
    }

    @Test
    void theWindowsViewsRefuseEventsFromABackgroundThread() {
        LabViews views = fx(LabViews::new);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> views.losses(List.<RunEvent.IterationProgress>of()));
        assertTrue(e.getMessage().startsWith("LabViews.losses must run on the JavaFX application thread"), e.getMessage());
    }

    private static void touchTheScene() {
        FxThread.check();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
