package org.lotterylab.app.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.lotterylab.api.spec.ExperimentSpec;
import org.lotterylab.engine.Backend;
import org.lotterylab.engine.bench.RunEstimate;
import org.lotterylab.engine.data.DataSplits;
import org.lotterylab.engine.data.DatasetLocator;
import org.lotterylab.engine.model.GraphModels;
import org.lotterylab.engine.model.InputShape;

/**
 * The time estimate a dry run prints ({@link RunEstimate}: a few steps timed here, now). Without the spec's data
 * it assumes CIFAR-10's shape and official split (45,000 / 5,000 / 10,000) for ResNet-20 and VGG-16 and the
 * bundled MNIST sample's otherwise, and says so. A failure to estimate is reported, never fatal.
 */
final class EstimatePrinter {

    private EstimatePrinter() {
    }

    static void print(PrintStream out, ExperimentSpec spec, int threads, int parallel) {
        try {
            InputShape input;
            int evalExamples;
            String assumed = "";
            try {
                DataSplits d = DatasetLocator.locate(spec.dataset());
                var tr = d.train();
                input = new InputShape(tr.channels(), tr.height(), tr.width(), tr.numClasses());
                evalExamples = d.validation().count() + d.test().count();
            } catch (RuntimeException e) {
                boolean cifar = GraphModels.builds(spec.model());
                input = cifar ? new InputShape(3, 32, 32, 10) : new InputShape(1, 28, 28, 10);
                evalExamples = cifar ? 15_000 : 2_000;
                assumed = String.format(Locale.ROOT, " (data '%s' not found: assuming %s)", spec.dataset(), cifar
                        ? "CIFAR-10, 32x32x3, 5,000 validation + 10,000 test images" : "28x28 digits, 2,000 evaluated images");
            }
            Backend.init(threads);
            RunEstimate e = RunEstimate.measure(spec, input, evalExamples, parallel);
            out.println(e.describe(spec.batchSize(), threads) + assumed);
        } catch (RuntimeException e) {
            out.println("estimate: not available (" + e.getMessage() + ")");
        }
    }
}
