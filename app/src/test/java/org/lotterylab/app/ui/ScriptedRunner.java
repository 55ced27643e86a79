package org.lotterylab.app.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.lotterylab.api.run.BackendInfo;
import org.lotterylab.api.run.ExperimentRunner;
import org.lotterylab.api.run.RunControl;
import org.lotterylab.api.run.RunEvent;
import org.lotterylab.api.run.RunListener;
import org.lotterylab.api.spec.ExperimentSpec;

/** A fake engine that sends a scripted event sequence on its own thread, with a small pause between events. */
final class ScriptedRunner implements ExperimentRunner {
    private volatile Function<Path, List<RunEvent>> script;
    private volatile long pauseMillis;
    volatile ExperimentSpec lastSpec;

    ScriptedRunner(Function<Path, List<RunEvent>> script, long pauseMillis) {
        this.script = script;
        this.pauseMillis = pauseMillis;
    }

    /** Replaces the script and the pause between events for the next start. */
    void setScript(Function<Path, List<RunEvent>> next, long pause) {
        script = next;
        pauseMillis = pause;
    }

    @Override
    public BackendInfo backend() {
        return TestRuns.BACKEND;
    }

    @Override
    public RunControl start(ExperimentSpec spec, Path outDir, RunListener listener) {
        lastSpec = spec;
        CountDownLatch done = new CountDownLatch(1);
        Object lock = new Object();
        boolean[] state = new boolean[2]; // paused, cancelled
        RunControl control = new RunControl() {
            @Override
            public void pause() {
                synchronized (lock) {
                    state[0] = true;
                }
            }

            @Override
            public void resume() {
                synchronized (lock) {
                    state[0] = false;
                    lock.notifyAll();
                }
            }

            @Override
            public void cancel() {
                synchronized (lock) {
                    state[1] = true;
                    lock.notifyAll();
                }
            }

            @Override
            public boolean isPaused() {
                synchronized (lock) {
                    return state[0];
                }
            }

            @Override
            public boolean isDone() {
                return done.getCount() == 0;
            }

            @Override
            public boolean await(Duration timeout) throws InterruptedException {
                return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        };
        Path runDir = outDir.resolve(spec.runDirName());
        Thread t = new Thread(() -> {
            try {
                for (RunEvent e : script.apply(runDir)) {
                    synchronized (lock) {
                        while (state[0] && !state[1]) {
                            lock.wait();
                        }
                        if (state[1]) {
                            listener.onEvent(new RunEvent.RunFinished(runDir, 0.1, true));
                            return;
                        }
                    }
                    listener.onEvent(e);
                    Thread.sleep(pauseMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                done.countDown();
            }
        }, "scripted-runner");
        t.setDaemon(true);
        t.start();
        return control;
    }
}
