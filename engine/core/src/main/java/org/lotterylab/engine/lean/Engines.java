package org.lotterylab.engine.lean;

import org.lotterylab.api.spec.EngineKind;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.api.spec.SpecException;
import org.lotterylab.engine.model.InputShape;
import org.lotterylab.engine.model.ModelFactory;
import org.lotterylab.engine.model.ParamLayout;
import org.lotterylab.engine.train.Dl4jBackend;
import org.lotterylab.engine.train.StepBackend;

/**
 * Chooses the training engine of a spec: {@code auto} takes the lean path for fully-connected models on the
 * CPU backend and DL4J otherwise (convolutional models, CUDA); {@code lean} and {@code dl4j} force one, and
 * forcing lean on a model it cannot run is a spec error.
 */
public final class Engines {

    /** Engine id of the lean path. */
    public static final String LEAN = "lean";
    /** Engine id of the DL4J path. */
    public static final String DL4J = "dl4j";

    private Engines() {
    }

    /** The engine id ({@link #LEAN} or {@link #DL4J}) that {@code kind} resolves to for a model of {@code layout}. */
    public static String resolve(EngineKind kind, ParamLayout layout, boolean cpu) {
        boolean fits = MlpShape.applies(layout);
        return switch (kind) {
            case DL4J -> DL4J;
            case LEAN -> {
                if (!fits) {
                    throw new SpecException("engine", "lean runs fully-connected models only (mlp-small, lenet-300-100);"
                            + " use engine=dl4j or auto for this model");
                }
                yield LEAN;
            }
            case AUTO -> fits && cpu ? LEAN : DL4J;
        };
    }

    /** Whether ND4J runs on the CPU backend (the lean path's BLAS is the CPU one). */
    public static boolean cpuBackend() {
        String cls = org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getSimpleName();
        return !cls.toLowerCase(java.util.Locale.ROOT).contains("cu");
    }

    /** The engine id {@code spec} resolves to. */
    public static String resolve(ExperimentSpec spec, ParamLayout layout) {
        return resolve(spec.engine(), layout, cpuBackend());
    }

    /**
     * A step backend for {@code spec}'s model and optimiser on {@code engine} ({@link #resolve}); the caller
     * closes it.
     */
    public static StepBackend backend(String engine, ExperimentSpec spec, InputShape input, ParamLayout layout) {
        if (LEAN.equals(engine)) {
            return new LeanBackend(MlpShape.of(layout),
                    Update.of(ModelFactory.updater(spec.optimizer(), spec.learningRate(), spec.momentum())),
                    spec.batchSize());
        }
        return new Dl4jBackend(() -> ModelFactory.create(spec.model(), spec.width(), input, spec.optimizer(), spec.learningRate(),
                spec.momentum()));
    }

    /** One line for {@code lth info}: what {@code auto} picks for each model on this backend. */
    public static String describeAuto() {
        boolean cpu = cpuBackend();
        StringBuilder lean = new StringBuilder();
        StringBuilder dl4j = new StringBuilder();
        InputShape mnist = new InputShape(1, 28, 28, 10);
        for (org.lotterylab.api.spec.ModelKind m : org.lotterylab.api.spec.ModelKind.values()) {
            boolean graph = org.lotterylab.engine.model.GraphModels.builds(m); // never lean; VGG-16 needs 32x32
            StringBuilder to = !graph && LEAN.equals(resolve(EngineKind.AUTO, ModelFactory.layout(ModelFactory.build(m,
                    mnist, org.lotterylab.api.spec.OptimizerKind.SGD, 0.1, 0)), cpu)) ? lean : dl4j;
            to.append(to.length() == 0 ? "" : ", ").append(m.id());
        }
        return "auto (lean for " + (lean.length() == 0 ? "no model" : lean) + "; dl4j for "
                + (dl4j.length() == 0 ? "no model" : dl4j) + "); override with --set engine=lean|dl4j";
    }
}
