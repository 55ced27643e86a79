package org.lotterylab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The window's one executor: daemon lth-* threads, hand-back through the UI executor, ordered lanes, the twin. */
class BackgroundTasksTest {

    /** Stands in for Platform::runLater: records that the hand-back went through it. */
    private static final class Ui implements Executor {
        final List<String> ran = new CopyOnWriteArrayList<>();

        @Override
        public void execute(Runnable r) {
            ran.add(Thread.currentThread().getName());
            r.run();
        }
    }

    @Test
    void runsOnANamedDaemonThreadAndHandsTheResultToTheUiExecutor() throws Exception {
        Ui ui = new Ui();
        ThreadPoolTasks tasks = new ThreadPoolTasks(ui);
        AtomicReference<String> worker = new AtomicReference<>();
        AtomicReference<Boolean> daemon = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Integer> got = new AtomicReference<>();
        tasks.run("lth-test-read", () -> {
            worker.set(Thread.currentThread().getName());
            daemon.set(Thread.currentThread().isDaemon());
            return 42;
        }, v -> {
            got.set(v);
            done.countDown();
        }, e -> done.countDown());
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(42, got.get());
        assertEquals("lth-test-read", worker.get(), "the thread carries the task's name while it runs");
        assertTrue(daemon.get(), "background threads never keep the JVM alive");
        assertEquals(1, ui.ran.size(), "the result went through the UI executor");
    }

    @Test
    void aFailureIsHandedBackAndCompletesTheFuture() throws Exception {
        Ui ui = new Ui();
        ThreadPoolTasks tasks = new ThreadPoolTasks(ui);
        CountDownLatch failed = new CountDownLatch(1);
        AtomicReference<Throwable> error = new AtomicReference<>();
        var f = tasks.run("lth-test-fail", () -> {
            throw new IOException("no such run");
        }, v -> { }, e -> {
            error.set(e);
            failed.countDown();
        });
        assertTrue(failed.await(10, TimeUnit.SECONDS));
        assertEquals("no such run", error.get().getMessage());
        assertTrue(f.isCompletedExceptionally());
        assertEquals(1, ui.ran.size(), "the failure went through the UI executor");
    }

    @Test
    void aSerialLaneKeepsTheOrderOfItsTasks() throws Exception {
        ThreadPoolTasks tasks = new ThreadPoolTasks(new Ui());
        BackgroundTasks lane = tasks.serial();
        List<Integer> order = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(50);
        for (int i = 0; i < 50; i++) {
            int n = i;
            lane.execute("lth-test-lane", () -> {
                if (n % 7 == 0) {
                    sleep(); // a slow read must not be overtaken by the next one
                }
                order.add(n);
                all.countDown();
            });
        }
        assertTrue(all.await(20, TimeUnit.SECONDS));
        for (int i = 0; i < 50; i++) {
            assertEquals(i, order.get(i));
        }
    }

    @Test
    void aSerialLaneHandsBackTheResultsOfItsTasksInOrder() throws Exception {
        Ui ui = new Ui();
        BackgroundTasks lane = new ThreadPoolTasks(ui).serial();
        List<Integer> order = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(30);
        for (int i = 0; i < 30; i++) {
            int n = i;
            lane.run("lth-test-lane-read", () -> {
                if (n % 5 == 0) {
                    sleep(); // a slow read's answer must not be overtaken by the next one's
                }
                return n;
            }, v -> {
                order.add(v);
                all.countDown();
            }, e -> all.countDown());
        }
        assertTrue(all.await(20, TimeUnit.SECONDS));
        for (int i = 0; i < 30; i++) {
            assertEquals(i, order.get(i));
        }
        assertEquals(30, ui.ran.size(), "every result went through the UI executor");
    }

    @Test
    void theSynchronousTwinRunsAtOnceOnTheCallingThread() {
        List<String> seen = new CopyOnWriteArrayList<>();
        String me = Thread.currentThread().getName();
        BackgroundTasks.immediate().run("lth-test-now", () -> {
            seen.add("work on " + Thread.currentThread().getName());
            return "x";
        }, v -> seen.add("done " + v), e -> seen.add("failed"));
        BackgroundTasks.immediate().run("lth-test-now", () -> {
            throw new IOException("bad");
        }, v -> seen.add("done"), e -> seen.add("failed " + e.getMessage()));
        assertEquals(List.of("work on " + me, "done x", "failed bad"), seen);
    }

    @Test
    void taskNamesCarryTheBackgroundPrefix() {
        assertThrows(IllegalArgumentException.class, () -> BackgroundTasks.immediate().execute("reader", () -> { }));
        assertThrows(IllegalArgumentException.class, () -> new ThreadPoolTasks(new Ui()).execute("reader", () -> { }));
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
