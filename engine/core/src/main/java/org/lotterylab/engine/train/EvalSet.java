package org.lotterylab.engine.train;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.lotterylab.engine.data.ImageDataset;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A held-out set prepared once as ND4J chunks, evaluated for accuracy and mean cross-entropy loss.
 */
public final class EvalSet {

    private static final int CHUNK = 2000;
    private final List<INDArray> chunks = new ArrayList<>();
    private final int[] labels;
    private final int classes;

    /** Copies {@code data} into ND4J chunks. */
    public EvalSet(ImageDataset data) {
        this.labels = data.labels().clone();
        this.classes = data.numClasses();
        int f = data.featureSize();
        for (int start = 0; start < data.count(); start += CHUNK) {
            int n = Math.min(CHUNK, data.count() - start);
            float[] buf = new float[n * f];
            System.arraycopy(data.pixels(), start * f, buf, 0, n * f);
            chunks.add(Nd4j.create(buf, new long[] {n, f}, 'c').castTo(DataType.FLOAT));
        }
    }

    /** Number of examples. */
    public int size() {
        return labels.length;
    }

    /** Evaluates {@code net} (inference mode). */
    public Result evaluate(MultiLayerNetwork net) {
        int correct = 0;
        double loss = 0;
        int base = 0;
        for (INDArray x : chunks) {
            INDArray out = net.output(x, false);
            INDArray rowMajor = out.dup('c');
            float[] p = rowMajor.data().asFloat();
            rowMajor.close();
            out.close();
            int n = (int) x.size(0);
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
            base += n;
        }
        return new Result(correct / (double) labels.length, loss / labels.length, labels.length - correct);
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
