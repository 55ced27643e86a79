package org.lotterylab.app.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.lotterylab.api.run.ExperimentRunner;

/**
 * The JavaFX application of {@code lth lab}. Start it through {@link LabLauncher}, which parses the command
 * line, hands the options over with {@link #configure} and exits with {@link #exitCode()}.
 *
 * <p>Automation for checks and docs: with {@code --autostart} the run starts once the engine has loaded; with
 * {@code --open} or {@code --replay} the stored run is shown. When that ends (or, with neither, once the
 * engine has loaded), {@code --screenshot} saves the whole window and {@code --exit-when-done} quits, printing
 * {@code max_pulse_gap_ms N} and {@code max_pulse_cpu_ms N} (the JavaFX and render threads' most CPU time between
 * two pulses, see {@link PulseMonitor}) and {@code pulse_gaps_over_50ms N of M} on stdout. The exit code is 0 on
 * success and 1 when the run failed or was stopped, the engine did not load, or the screenshot could not be written.
 */
public class LabApplication extends Application {
    /** Delay between the end of a run and the screenshot, so the last batch is laid out and painted. */
    static final Duration SETTLE = Duration.millis(700);

    private static volatile LabOptions options;
    private static volatile Supplier<ExperimentRunner> engine;
    private static final AtomicInteger EXIT_CODE = new AtomicInteger(0);

    private LabWindow window;
    private TheoryTab theory;
    private final AtomicBoolean finishing = new AtomicBoolean();

    /** Hands the options (and the engine, null for the DL4J one) to the next launch. */
    public static void configure(LabOptions labOptions, Supplier<ExperimentRunner> engineSupplier) {
        options = labOptions;
        engine = engineSupplier;
        EXIT_CODE.set(0);
    }

    /** The exit code the launcher should return. */
    public static int exitCode() {
        return EXIT_CODE.get();
    }

    @Override
    public void start(Stage stage) {
        LabOptions opts = options != null ? options : LabOptions.defaults();
        Supplier<ExperimentRunner> runner = engine != null ? engine : EngineLoader.dl4j(opts.threads());
        window = new LabWindow(stage, opts, runner);
        if (engine == null) {
            // the real engine: the LMC and strong-ticket labs sit beside the IMP grid, fed by the same experiment panel
            ExperimentViewModel experiment = window.experimentViewModel();
            window.addFollowingTabs(
                    new org.lotterylab.app.ui.lmc.LmcPane(experiment::spec, opts.outDir(), opts.threads()),
                    new org.lotterylab.app.ui.strong.StrongTicketPane(experiment::spec, opts.outDir(), opts.threads()));
            theory = TheoryTab.add(window, opts.outDir());
        }
        window.show();
        RunViewModel vm = window.runViewModel();
        boolean automated = opts.screenshot().isPresent() || opts.exitWhenDone();

        if (opts.autostart()) {
            whenEngineSettles(vm, ready -> {
                if (!ready) {
                    fail("the engine could not be loaded: " + vm.errorMessageProperty().get());
                } else if (vm.canRunProperty().get()) {
                    window.afterFirstFrames(window::run);
                } else {
                    fail("cannot start the run: " + vm.runBlockedReasonProperty().get());
                }
            });
        }
        if (automated) {
            vm.addEndListener(outcome -> finish(outcome == RunViewModel.Outcome.FINISHED ? 0 : 1,
                    outcome == RunViewModel.Outcome.FINISHED ? null : describeEnd(outcome, vm)));
            if (!opts.autostart() && opts.open().isEmpty() && opts.replay().isEmpty()) {
                whenEngineSettles(vm, ready -> finish(ready ? 0 : 1,
                        ready ? null : "the engine could not be loaded: " + vm.errorMessageProperty().get()));
            }
        }
        opts.open().ifPresent(dir -> window.afterFirstFrames(() -> window.openRun(dir)));
        opts.replay().ifPresent(dir -> window.afterFirstFrames(() -> window.replayRun(dir)));
    }

    /** Calls {@code then} once with whether the engine loaded, as soon as it has loaded or failed. */
    private static void whenEngineSettles(RunViewModel vm, java.util.function.Consumer<Boolean> then) {
        AtomicBoolean called = new AtomicBoolean();
        Runnable check = () -> {
            RunViewModel.EngineState s = vm.engineStateProperty().get();
            if (s != RunViewModel.EngineState.LOADING && called.compareAndSet(false, true)) {
                then.accept(s == RunViewModel.EngineState.READY);
            }
        };
        vm.engineStateProperty().addListener((obs, o, n) -> check.run());
        check.run();
    }

    private static String describeEnd(RunViewModel.Outcome outcome, RunViewModel vm) {
        return switch (outcome) {
            case CANCELLED -> "the run was stopped before its end";
            case FAILED -> vm.errorMessageProperty().get().isEmpty() ? "the run failed" : vm.errorMessageProperty().get();
            case FINISHED -> "";
        };
    }

    private void fail(String message) {
        finish(1, message);
    }

    /** Screenshot (if asked), report, and exit (if asked), once. */
    private void finish(int code, String problem) {
        LabOptions opts = options != null ? options : LabOptions.defaults();
        if (!(opts.screenshot().isPresent() || opts.exitWhenDone()) || !finishing.compareAndSet(false, true)) {
            if (problem != null) {
                System.err.println("lth lab: " + problem);
            }
            return;
        }
        PauseTransition settle = new PauseTransition(SETTLE);
        int[] waits = {0, 0};
        settle.setOnFinished(e -> {
            // a screenshot of the Theory tab waits for its experiments (3 minutes at most), then two more settles
            // so their charts are laid out and painted
            if (theory != null && theory.busy() && waits[0]++ < 240) {
                waits[1] = 2;
                settle.playFromStart();
                return;
            }
            if (waits[1]-- > 0) {
                settle.playFromStart();
                return;
            }
            int exit = code;
            if (problem != null) {
                System.err.println("lth lab: " + problem);
            }
            if (opts.screenshot().isPresent()) {
                Path file = opts.screenshot().get();
                try {
                    window.screenshot(file);
                    System.out.println("screenshot " + file.toAbsolutePath());
                } catch (IOException | RuntimeException | LinkageError ex) {
                    System.err.println("lth lab: cannot write the screenshot " + file + ": " + ex.getMessage());
                    exit = Math.max(exit, 1);
                }
            }
            if (opts.exitWhenDone()) {
                System.out.println(String.format(Locale.ROOT, "max_pulse_gap_ms %.0f", window.pulseMonitor().maxGapMillis()));
                System.out.println(String.format(Locale.ROOT, "max_pulse_cpu_ms %.0f", window.pulseMonitor().maxPulseCpuMillis()));
                System.out.println(String.format(Locale.ROOT, "pulse_gaps_over_50ms %d of %d", window.pulseMonitor().longGaps(),
                        window.pulseMonitor().pulses()));
                System.out.flush();
                EXIT_CODE.set(exit);
                window.shutdown();
                Platform.exit();
            } else {
                EXIT_CODE.set(exit);
            }
        });
        settle.play();
    }

    @Override
    public void stop() {
        LabOptions opts = options != null ? options : LabOptions.defaults();
        if (opts.exitWhenDone() && !finishing.get()) {
            // the window was closed before the run ended
            System.err.println("lth lab: the window was closed before the run ended");
            EXIT_CODE.set(1);
        }
        if (window != null) {
            window.shutdown();
        }
    }
}
