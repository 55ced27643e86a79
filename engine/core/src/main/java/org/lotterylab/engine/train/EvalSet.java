package org.lotterylab.engine.train;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lotterylab.engine.data.ImageDataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A held-out set evaluated for accuracy and mean cross-entropy loss, in chunks of {@link #CHUNK} examples.
 * Any engine supplies the class probabilities of a chunk ({@link Forward}); the scoring rule (arg-max of the
 * probabilities, loss {@code -log max(p_y, 1e-30)}) lives here once for all of them.
 */
public final class EvalSet {

    /** Examples per evaluated chunk. */
    public static final int CHUNK = 2000;
    private final float[] pixels;
    private final int[] labels;
    private final int classes;
    private final int features;
    private List<INDArray> chunks;

    /** Copies {@code data}. */
    public EvalSet(ImageDataset data) {
        this.labels = data.labels().clone();
        this.classes = data.numClasses();
        this.features = data.featureSize();
        this.pixels = java.util.Arrays.copyOf(data.pixels(), data.count() * features);
    }

    /** Number of examples. */
    public int size() {
        return labels.length;
    }

    /** Features per example. */
    public int features() {
        return features;
    }

    /** Computes class probabilities for a chunk of examples. */
    @FunctionalInterface
    public interface Forward {
        /**
         * Writes the softmax probabilities of examples {@code start .. start+n-1} of {@code pixels}
         * (row-major, {@code features} per example) into {@code probs} (row-major, n x classes).
         */
        void probabilities(float[] pixels, int start, int n, float[] probs);
    }

    /** Evaluates with {@code forward}. */
    public Result evaluate(Forward forward) {
        float[] p = new float[Math.min(CHUNK, Math.max(1, labels.length)) * classes];
        Score s = new Score();
        for (int start = 0; start < labels.length; start += CHUNK) {
            int n = Math.min(CHUNK, labels.length - start);
            forward.probabilities(pixels, start, n, p);
            s.add(p, start, n);
        }
        return s.result();
    }

    /** Evaluates {@code net} (DL4J, inference mode). */
    public Result evaluate(MultiLayerNetwork net) {
        return evaluate(org.lotterylab.engine.model.Net.of(net));
    }

    /** Evaluates {@code net} (a DL4J layer stack or graph, inference mode). */
    public Result evaluate(org.lotterylab.engine.model.Net net) {
        if (chunks == null) {
            List<INDArray> c = new ArrayList<>();
            for (int start = 0; start < labels.length; start += CHUNK) {
                int n = Math.min(CHUNK, labels.length - start);
                float[] buf = new float[n * features];
                System.arraycopy(pixels, start * features, buf, 0, n * features);
                c.add(Nd4j.create(buf, new long[] {n, features}, 'c').castTo(DataType.FLOAT));
            }
            chunks = c;
        }
        Score s = new Score();
        int base = 0;
        for (INDArray x : chunks) {
            INDArray out = net.output(x);
            INDArray rowMajor = out.dup('c');
            float[] p = rowMajor.data().asFloat();
            rowMajor.close();
            out.close();
            int n = (int) x.size(0);
            s.add(p, base, n);
            base += n;
        }
        return s.result();
    }

    /** Accumulates correct answers and loss over chunks. */
    private final class Score {
        private int correct;
        private double loss;

        void add(float[] p, int base, int n) {
            for (int i = 0; i < n; i++) {
                int best = 0;
                float bestP = p[i * classes];
                for (int c = 1; c < classes; c++) {
                    float v = p[i * classes + c];
                    if (v > bestP) {
                        bestP = v;
                        best = c;
                    }
                }
                int y = labels[base + i];
                if (best == y) {
                    correct++;
                }
                loss -= Math.log(Math.max(p[i * classes + y], 1e-30));
            }
        }

        Result result() {
            return new Result(correct / (double) labels.length, loss / labels.length, labels.length - correct);
        }
    }

    /**
     * Accuracy, mean cross-entropy and error count.
     *
     * @param accuracy fraction correct
     * @param loss     mean cross-entropy
     * @param errors   misclassified examples
     */
    public record Result(double accuracy, double loss, int errors) {
    }
}
