package org.lotterylab.api.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunLatchTest {

    /** A followed run that records what reached it. */
    private static final class Recorder extends RunLatch {
        final List<String> calls = new ArrayList<>();

        @Override
        public void pause() {
            calls.add("pause");
            super.pause();
        }

        @Override
        public void resume() {
            calls.add("resume");
            super.resume();
        }

        @Override
        public void cancel() {
            calls.add("cancel");
            super.cancel();
        }
    }

    @Test
    void pauseResumeAndCancelReachEveryFollowedRunAndALateOneGetsThePresentState() {
        RunLatch group = new RunLatch();
        Recorder first = new Recorder();
        group.follow(first);
        group.pause();
        Recorder second = new Recorder();
        group.follow(second);
        assertTrue(second.isPaused(), "followed while paused: paused at once");
        group.resume();
        group.pause();
        group.cancel();
        assertFalse(group.isPaused(), "a cancel ends the pause");
        Recorder late = new Recorder();
        group.follow(late);
        assertEquals(List.of("pause", "resume", "pause", "cancel"), first.calls);
        assertEquals(List.of("pause", "resume", "pause", "cancel"), second.calls);
        assertEquals(List.of("cancel"), late.calls);
        assertTrue(late.isCancelled());
    }

    @Test
    void theWorkWaitsWhilePausedAndLearnsOfTheCancel() throws Exception {
        RunLatch latch = new RunLatch();
        assertFalse(latch.waitWhilePaused());
        latch.pause();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(latch::waitWhilePaused);
        Thread.sleep(100);
        assertFalse(waiting.isDone(), "still paused");
        latch.resume();
        assertFalse(waiting.get(5, TimeUnit.SECONDS));
        latch.pause();
        waiting = CompletableFuture.supplyAsync(latch::waitWhilePaused);
        Thread.sleep(50);
        latch.cancel();
        assertTrue(waiting.get(5, TimeUnit.SECONDS));
        assertTrue(latch.isCancelled());
    }

    @Test
    void aSleepIsStretchedByAPauseAndCutByACancel() throws Exception {
        RunLatch latch = new RunLatch();
        long t0 = System.nanoTime();
        assertFalse(latch.sleep(TimeUnit.MILLISECONDS.toNanos(50)));
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(50));

        latch.pause();
        CompletableFuture<Long> finished = CompletableFuture.supplyAsync(() -> {
            latch.sleep(TimeUnit.MILLISECONDS.toNanos(100));
            return System.nanoTime();
        });
        Thread.sleep(200);
        long resumed = System.nanoTime();
        latch.resume();
        assertTrue(finished.get(5, TimeUnit.SECONDS) - resumed >= TimeUnit.MILLISECONDS.toNanos(80),
                "the paused time does not count: the sleep goes on after the resume");

        CompletableFuture<Boolean> cut = CompletableFuture.supplyAsync(() -> latch.sleep(TimeUnit.SECONDS.toNanos(60)));
        Thread.sleep(50);
        latch.cancel();
        assertTrue(cut.get(5, TimeUnit.SECONDS));
    }

    @Test
    void anInterruptedWaitCountsAsCancelledAndKeepsTheInterrupt() {
        RunLatch latch = new RunLatch();
        latch.pause();
        Thread.currentThread().interrupt();
        assertTrue(latch.waitWhilePaused());
        assertTrue(Thread.interrupted());
        Thread.currentThread().interrupt();
        assertTrue(latch.sleep(TimeUnit.SECONDS.toNanos(60)));
        assertTrue(Thread.interrupted());
        assertFalse(latch.isCancelled(), "only cancel() cancels the run itself");
    }

    @Test
    void doneOnceMarked() throws InterruptedException {
        RunLatch latch = new RunLatch();
        assertFalse(latch.isDone());
        assertFalse(latch.await(Duration.ofMillis(20)));
        latch.markDone();
        assertTrue(latch.isDone());
        assertTrue(latch.await(Duration.ZERO));
    }
}
