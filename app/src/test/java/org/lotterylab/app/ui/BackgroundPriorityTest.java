package org.lotterylab.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The lab's background threads get a lower OS priority; other threads keep theirs. */
class BackgroundPriorityTest {

    @Test
    void nicesLabThreadsOnlyAndEachOnce() throws Exception {
        assumeTrue(BackgroundPriority.supported(), "needs Linux /proc and renice");
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<String> labTid = new AtomicReference<>();
        AtomicReference<String> lab2Tid = new AtomicReference<>();
        AtomicReference<String> otherTid = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(3);
        Thread lab = new Thread(() -> park(labTid, started, release), "lth-train-test");
        Thread lab2 = new Thread(() -> park(lab2Tid, started, release), "lth-lmc-test");
        Thread other = new Thread(() -> park(otherTid, started, release), "someone-else");
        lab.start();
        lab2.start();
        other.start();
        started.await();
        try {
            Integer before = BackgroundPriority.niceOf(labTid.get());
            int niced = Math.min(19, before + BackgroundPriority.NICE);
            BackgroundPriority p = BackgroundPriority.start(60_000);
            try {
                p.scan();
                assertEquals(niced, BackgroundPriority.niceOf(labTid.get()), "a thread named lth-... is niced");
                assertEquals(niced, BackgroundPriority.niceOf(lab2Tid.get()), "every new one, in one renice");
                assertEquals(before, BackgroundPriority.niceOf(otherTid.get()), "other threads are left alone");
                assertEquals(0, p.scan(), "a thread is niced once, not again on every scan");
            } finally {
                p.close();
            }
        } finally {
            release.countDown();
            lab.join();
            lab2.join();
            other.join();
        }
    }

    @Test
    void aThreadThatTakesALabNameJustAfterItStartsIsStillNiced() throws Exception {
        assumeTrue(BackgroundPriority.supported(), "needs Linux /proc and renice");
        AtomicReference<String> tid = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch rename = new CountDownLatch(1);
        CountDownLatch renamed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                tid.set(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
                started.countDown();
                rename.await();
                Thread.currentThread().setName("lth-late-name");
                renamed.countDown();
                release.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "not-yet-named");
        t.start();
        started.await();
        try {
            Integer before = BackgroundPriority.niceOf(tid.get());
            BackgroundPriority p = BackgroundPriority.start(60_000);
            try {
                p.scan(); // sees the thread under its first name
                assertEquals(before, BackgroundPriority.niceOf(tid.get()), "not a lab thread yet");
                rename.countDown();
                renamed.await();
                p.scan();
                assertEquals(Math.min(19, before + BackgroundPriority.NICE), BackgroundPriority.niceOf(tid.get()),
                        "named lth-... on a later look: niced");
            } finally {
                p.close();
            }
        } finally {
            rename.countDown();
            release.countDown();
            t.join();
        }
    }

    @Test
    void readsTheNiceValueOfAThread() throws Exception {
        assumeTrue(BackgroundPriority.supported(), "needs Linux /proc and renice");
        String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        Integer nice = BackgroundPriority.niceOf(self);
        assertTrue(nice != null && nice >= -20 && nice <= 19, "nice " + nice);
    }

    private static void park(AtomicReference<String> tid, CountDownLatch started, CountDownLatch release) {
        try {
            tid.set(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
            started.countDown();
            release.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aThreadStartedThroughStartNicedRunsNicedFromItsFirstInstruction() throws Exception {
        assumeTrue(BackgroundPriority.supported(), "needs Linux /proc and renice");
        Integer callerNice = BackgroundPriority.niceOf(BackgroundPriority.selfTid());
        assumeTrue(callerNice != null && callerNice < BackgroundPriority.NICE, "the test itself runs niced");
        BackgroundPriority p = BackgroundPriority.start(60_000);
        try {
            AtomicReference<Integer> firstLook = new AtomicReference<>();
            Thread started = p.startNiced(() -> {
                // not a lab name: no scan could nice it, only inheritance from the starter
                Thread t = new Thread(() -> {
                    try {
                        firstLook.set(BackgroundPriority.niceOf(BackgroundPriority.selfTid()));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, "engine-like");
                t.start();
                return t;
            });
            started.join();
            assertEquals(BackgroundPriority.NICE, firstLook.get(), "born niced");
            assertEquals(callerNice, BackgroundPriority.niceOf(BackgroundPriority.selfTid()), "the caller keeps its own");
            java.io.IOException failure = new java.io.IOException("disk full");
            java.io.IOException thrown = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> p.startNiced(() -> {
                        throw failure;
                    }));
            assertEquals(failure, thrown, "a failed start reaches the caller as itself");
        } finally {
            p.close();
        }
    }

    @Test
    void theOptimisingJitCompilersAreNicedAndTheQuickOneIsNot() throws Exception {
        assertTrue(BackgroundPriority.background("C2 CompilerThre"), "C2, as /proc cuts its name");
        assertTrue(!BackgroundPriority.background("C1 CompilerThre"), "C1 takes the window's code out of the interpreter");
        assertTrue(!BackgroundPriority.background("lth-priority"), "the watcher itself");
        assertTrue(!BackgroundPriority.background("JavaFX Applicat") && !BackgroundPriority.background(null));
        assumeTrue(BackgroundPriority.supported(), "needs Linux /proc and renice");
        String c2 = null;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                if (Files.readString(t.resolve("comm")).trim().startsWith("C2 CompilerThre")) {
                    c2 = t.getFileName().toString();
                }
            }
        }
        assumeTrue(c2 != null, "this JVM runs a C2 compiler thread");
        BackgroundPriority p = BackgroundPriority.start(60_000);
        try {
            p.scan();
            assertEquals(19, (int) BackgroundPriority.niceOf(c2), "the C2 compiler thread niced");
        } finally {
            p.close();
        }
    }
}
