package org.lotterylab.engine.context;

import java.nio.file.Path;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lotterylab.api.run.BackendInfo;
import org.lotterylab.api.spec.Branch;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.engine.data.DataSplits;
import org.lotterylab.engine.data.DatasetLocator;
import org.lotterylab.engine.data.ImageDataset;
import org.lotterylab.engine.model.InputShape;
import org.lotterylab.engine.model.GraphModels;
import org.lotterylab.engine.model.Initializer;
import org.lotterylab.engine.model.ModelFactory;
import org.lotterylab.engine.model.Net;
import org.lotterylab.engine.model.ParamLayout;
import org.lotterylab.engine.lean.Engines;
import org.lotterylab.engine.train.EvalSet;
import org.lotterylab.engine.train.StepBackend;
import org.lotterylab.engine.train.Trainer;
import org.lotterylab.engine.util.Seeds;

/**
 * What every run of a spec shares: the data, the model layout, theta_0 and a trainer. Used by IMP, linear
 * mode connectivity and edge-popup runs alike.
 *
 * @param spec            the spec
 * @param splits          train / validation / test data
 * @param input           input shape
 * @param layout          where the prunable weights sit
 * @param theta0          initial flat parameters (from the seed)
 * @param trainer         the training loop over the data
 * @param dataDescription what data is used, for run.json and messages
 * @param engine          the training path the spec resolved to ({@code lean} or {@code dl4j})
 */
public record ImpContext(ExperimentSpec spec, DataSplits splits, InputShape input, ParamLayout layout, float[] theta0,
                         Trainer trainer, String dataDescription, String engine) {

    /**
     * Loads the data (and the optional official test set), normalises the inputs as the spec's
     * {@code normalize} says (statistics from the training split), checks shapes, draws theta_0.
     */
    public static ImpContext prepare(ExperimentSpec spec, BackendInfo backend) {
        DataSplits splits = DatasetLocator.locate(spec.dataset());
        if (!spec.testData().isBlank()) {
            splits = splits.withTest(DatasetLocator.loadTestSet(Path.of(spec.testData())));
        }
        splits = org.lotterylab.engine.data.InputNormalizer.apply(splits, spec.normalize());
        ImageDataset tr = splits.train();
        InputShape input = new InputShape(tr.channels(), tr.height(), tr.width(), tr.numClasses());
        if (splits.test().featureSize() != tr.featureSize()) {
            throw new org.lotterylab.engine.data.DataFormatException(splits.test().source(),
                    "test images are " + splits.test().shape() + " but training images are " + tr.shape());
        }
        ModelFactory.checkInput(spec.model(), input);
        if (spec.batchSize() > tr.count()) {
            throw new org.lotterylab.api.spec.SpecException("batchSize", "is larger than the training set ("
                    + spec.batchSize() + " > " + tr.count() + ")");
        }
        requireLayerStackFeatures(spec);
        ParamLayout layout;
        try (Net proto = ModelFactory.create(spec.model(), spec.width(), input, spec.optimizer(), spec.learningRate(),
                spec.momentum())) {
            layout = proto.layout();
        }
        float[] theta0 = Initializer.draw(layout, spec.init(), Seeds.derive(spec.seed(), "init", 0));
        Trainer trainer = new Trainer(tr, new EvalSet(splits.validation()), new EvalSet(splits.test()));
        String desc = splits.description() + " (train " + tr.count() + ", validation " + splits.validation().count()
                + ", test " + splits.test().count() + ")";
        return new ImpContext(spec, splits, input, layout, theta0, trainer, desc, Engines.resolve(spec, layout));
    }

    /** A step backend on this context's engine (the caller closes it); each {@code load} resets its optimiser. */
    public StepBackend newBackend() {
        return Engines.backend(engine, spec, input, layout);
    }

    /** {@code backend} naming this context's engine. */
    public BackendInfo backendInfo(BackendInfo backend) {
        return backend.withEngine(engine);
    }

    /**
     * Pruning at initialisation and edge-popup work on layer stacks only: a graph model (ResNet-20, VGG-16) with
     * one of those branches is a spec error, said before anything trains.
     */
    private static void requireLayerStackFeatures(ExperimentSpec spec) {
        if (!GraphModels.builds(spec.model())) {
            return;
        }
        for (Branch b : spec.branches()) {
            if (b == Branch.MAGNITUDE_AT_INIT || b == Branch.SNIP || b == Branch.GRASP || b == Branch.SYNFLOW
                    || b == Branch.EDGE_POPUP) {
                throw new org.lotterylab.api.spec.SpecException("branches", b.id() + " is not available for "
                        + spec.model().id() + " (it needs a layer stack: mlp-small, lenet-300-100, conv-2/4/6); "
                        + "IMP and its controls are");
            }
        }
    }

    /** A freshly built network of any model (fresh optimiser state) with the spec's optimiser; the caller closes it. */
    public Net newNet() {
        return ModelFactory.create(spec.model(), spec.width(), input, spec.optimizer(), spec.learningRate(), spec.momentum());
    }

    /** A freshly built layer stack (fresh optimiser state) with the spec's optimiser; graph models are refused. */
    public MultiLayerNetwork newNetwork() {
        return ModelFactory.build(spec.model(), spec.width(), input, spec.optimizer(), spec.learningRate(), spec.momentum());
    }

    /** A copy of theta_0. */
    @Override
    public float[] theta0() {
        return theta0.clone();
    }
}
