package org.lotterylab.engine.lean;

import org.lotterylab.api.mask.LayerInfo;
import org.lotterylab.api.spec.LayerKind;
import org.lotterylab.engine.model.ParamLayout;

/**
 * The widths of a fully-connected ReLU network with a softmax output, read from the model's
 * {@link ParamLayout} and checked against DL4J's flat layout: per layer the weights as (out, in) row-major
 * (DL4J's 'f'-ordered [in, out] view), then the {@code out} biases, layer after layer.
 *
 * @param widths input width, each hidden width, number of classes
 */
public record MlpShape(int[] widths) {

    /** Copies the widths. */
    public MlpShape {
        widths = widths.clone();
    }

    /** The shape of {@code layout}, or an {@link IllegalArgumentException} saying why it is not an MLP. */
    public static MlpShape of(ParamLayout layout) {
        if (!applies(layout)) {
            throw new IllegalArgumentException("the lean path runs fully-connected models only (layers "
                    + layout.layers() + ")");
        }
        int n = layout.size();
        int[] w = new int[n + 1];
        w[0] = layout.layers().get(0).shape()[1];
        for (int i = 0; i < n; i++) {
            w[i + 1] = layout.layers().get(i).shape()[0];
        }
        return new MlpShape(w);
    }

    /** Whether {@code layout} is a dense stack the lean path can run, laid out as it expects. */
    public static boolean applies(ParamLayout layout) {
        long off = 0;
        int in = -1;
        for (int i = 0; i < layout.size(); i++) {
            LayerInfo l = layout.layers().get(i);
            if (l.kind() == LayerKind.CONV || l.shape().length != 2 || (in >= 0 && l.shape()[1] != in)
                    || layout.offset(i) != off) {
                return false;
            }
            boolean last = i == layout.size() - 1;
            if ((l.kind() == LayerKind.OUTPUT) != last) {
                return false;
            }
            in = l.shape()[0];
            off += (long) l.shape()[0] * l.shape()[1] + l.shape()[0];
        }
        return layout.size() > 0 && off == layout.totalParams();
    }

    /** Number of weight layers. */
    public int layers() {
        return widths.length - 1;
    }

    /** Input width of layer {@code l}. */
    public int in(int l) {
        return widths[l];
    }

    /** Output width of layer {@code l}. */
    public int out(int l) {
        return widths[l + 1];
    }

    /** Offset of layer {@code l}'s weights in the flat parameters. */
    public int weightOffset(int l) {
        int off = 0;
        for (int i = 0; i < l; i++) {
            off += widths[i] * widths[i + 1] + widths[i + 1];
        }
        return off;
    }

    /** Offset of layer {@code l}'s biases. */
    public int biasOffset(int l) {
        return weightOffset(l) + widths[l] * widths[l + 1];
    }

    /** Total flat parameters. */
    public int paramCount() {
        return weightOffset(layers());
    }

    /** Multiply-adds of one example's forward pass. */
    public long macsPerExample() {
        long m = 0;
        for (int l = 0; l < layers(); l++) {
            m += (long) widths[l] * widths[l + 1];
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpShape s && java.util.Arrays.equals(widths, s.widths);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(widths);
    }

    @Override
    public String toString() {
        return java.util.Arrays.toString(widths);
    }
}
