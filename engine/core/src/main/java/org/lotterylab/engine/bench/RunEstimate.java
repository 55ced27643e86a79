package org.lotterylab.engine.bench;

import java.util.Locale;
import java.util.Random;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.engine.lean.Engines;
import org.lotterylab.engine.model.InputShape;
import org.lotterylab.engine.model.Initializer;
import org.lotterylab.engine.model.ModelFactory;
import org.lotterylab.engine.model.Net;
import org.lotterylab.engine.model.ParamLayout;
import org.lotterylab.engine.train.StepBackend;

/**
 * How long an IMP run of a spec will take on this machine, from a few training steps timed here and now (so
 * the machine's current load is in the figure). Convolutional models are timed on a probe batch of at most
 * {@link #PROBE_BATCH} examples and scaled linearly to the spec's batch size (their step time is nearly
 * proportional to it); other models are timed at the spec's batch size. A forward pass for evaluation is
 * taken as a third of a training step per example.
 *
 * <p>Steps counted: the dense round's T, then T - k for every branch of every round, plus, with
 * {@code lmcEachRound}, one extra copy of T - k for round 0 and for every round of each measured branch
 * (copy 1 is the round's own training). A round's trainings run {@code parallel} at once (as
 * {@code --parallel}), so the wall-clock count is the dense round plus, per round, T - k times the number of
 * waves; this assumes a core per training. Evaluations: validation and test sets at every {@code evalInterval}.
 *
 * @param secondsPerStep  one training step at the spec's batch size
 * @param probeBatch      the batch size actually timed
 * @param timedSteps      steps timed (after one untimed warm-up step)
 * @param trainingSteps   training steps of the whole run
 * @param evaluations     evaluations of the validation and test sets in the whole run
 * @param evalExamples    examples per evaluation (validation + test)
 * @param wallSteps       steps one after the other with {@code parallel} trainings at once
 * @param parallel        trainings at once
 * @param trainingSeconds estimated training time (wall clock)
 * @param evalSeconds     estimated evaluation time
 * @param engine          the engine timed ({@code lean} or {@code dl4j})
 */
public record RunEstimate(double secondsPerStep, int probeBatch, int timedSteps, long trainingSteps, long wallSteps,
                          int parallel, long evaluations, int evalExamples, double trainingSeconds, double evalSeconds,
                          String engine) {

    /** Largest batch timed for convolutional models. */
    public static final int PROBE_BATCH = 16;
    /** Steps timed after the warm-up step. */
    public static final int TIMED_STEPS = 3;

    /** Total estimated seconds. */
    public double totalSeconds() {
        return trainingSeconds + evalSeconds;
    }

    /**
     * Times a few steps of {@code spec}'s model on random inputs of {@code input}'s shape and extrapolates.
     *
     * @param evalExamples validation + test examples evaluated at each evaluation point
     * @param parallel     trainings of a round run at once ({@code --parallel})
     */
    public static RunEstimate measure(ExperimentSpec spec, InputShape input, int evalExamples, int parallel) {
        ModelFactory.checkInput(spec.model(), input);
        ParamLayout layout;
        try (Net n = ModelFactory.create(spec.model(), spec.width(), input, spec.optimizer(), spec.learningRate(), spec.momentum())) {
            layout = n.layout();
        }
        String engine = Engines.resolve(spec, layout);
        int b = spec.model().convolutional() ? Math.min(PROBE_BATCH, spec.batchSize()) : spec.batchSize();
        ExperimentSpec probe = spec.with("batchSize", Integer.toString(b));
        float[] x = new float[b * input.features()];
        float[] y = new float[b * input.classes()];
        Random rng = new Random(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextFloat();
        }
        for (int i = 0; i < b; i++) {
            y[i * input.classes() + i % input.classes()] = 1f;
        }
        double perStep;
        try (StepBackend net = Engines.backend(engine, probe, input, layout)) {
            net.load(Initializer.draw(layout, spec.init(), 1));
            net.step(x, y, b);
            long t0 = System.nanoTime();
            for (int i = 0; i < TIMED_STEPS; i++) {
                net.step(x, y, b);
            }
            perStep = (System.nanoTime() - t0) / 1e9 / TIMED_STEPS * spec.batchSize() / b;
        }
        long t = spec.iterations();
        long k = spec.rewindIteration();
        long measured = spec.lmcEachRound() ? spec.lmcBranches().stream().filter(spec.branches()::contains).count() : 0;
        long perRound = spec.branches().size() + measured;
        long round0 = t + (spec.lmcEachRound() ? t - k : 0);
        long steps = round0 + spec.rounds() * perRound * (t - k);
        int p = Math.max(1, parallel);
        long wall = round0 + spec.rounds() * ((perRound + p - 1) / p) * (t - k);
        long evalsPerTraining = (t - k) / spec.evalInterval() + 2;
        long evaluations = (1 + (long) spec.rounds() * spec.branches().size()) * evalsPerTraining;
        double perExample = perStep / spec.batchSize();
        double evalSeconds = evaluations * evalExamples * perExample / 3 * wall / Math.max(1, steps);
        return new RunEstimate(perStep, b, TIMED_STEPS, steps, wall, p, evaluations, evalExamples, wall * perStep,
                evalSeconds, engine);
    }


    /** A duration in the largest fitting unit: {@code 42 s}, {@code 3.5 min}, {@code 7.2 h}, {@code 2.1 days}. */
    public static String human(double seconds) {
        if (seconds < 90) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        if (seconds < 90 * 60) {
            return String.format(Locale.ROOT, "%.1f min", seconds / 60);
        }
        if (seconds < 48 * 3600) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
        }
        return String.format(Locale.ROOT, "%.1f days", seconds / 86400);
    }

    /** Lines for a dry run. */
    public String describe(int batchSize, int threads) {
        String timed = probeBatch == batchSize
                ? String.format(Locale.ROOT, "timed on %d steps of batch %d", timedSteps, batchSize)
                : String.format(Locale.ROOT, "timed on %d steps of %d examples, scaled to batch %d", timedSteps, probeBatch,
                batchSize);
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format(Locale.ROOT, "estimate on this machine (%s engine, %d compute thread(s) per training; "
                        + "measured now, load average %.1f on %d cores): %.3f s per step (%s)%n  %,d training steps, "
                        + "%,d one after the other with %d at once -> about %s of training; %,d evaluations of %,d "
                        + "images -> about %s; total about %s",
                engine, threads, load, cores, secondsPerStep, timed, trainingSteps, wallSteps, parallel,
                human(trainingSeconds), evaluations, evalExamples, human(evalSeconds), human(totalSeconds()));
    }
}
