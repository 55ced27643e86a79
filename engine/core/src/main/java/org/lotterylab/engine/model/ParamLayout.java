package org.lotterylab.engine.model;

import java.util.List;
import org.lotterylab.api.mask.LayerInfo;

/**
 * Where each prunable layer's weights sit in the network's flat parameter vector. DL4J stores dense
 * weights as an 'f'-ordered [nIn, nOut] view and conv kernels as a 'c'-ordered [out, in, kh, kw] view, so
 * in both cases the flat segment is already in numpy layout ((out, in) and (out, in, kh, kw), C order).
 *
 * @param layers      prunable layers, in network order
 * @param offsets     start of each layer's weights in the flat parameter vector
 * @param totalParams length of the flat parameter vector (weights, biases, everything)
 */
public record ParamLayout(List<LayerInfo> layers, long[] offsets, long totalParams) {

    /** Copies inputs. */
    public ParamLayout {
        layers = List.copyOf(layers);
        offsets = offsets.clone();
    }

    /** Offset of layer {@code i}'s weights. */
    public long offset(int i) {
        return offsets[i];
    }

    /** Number of prunable layers. */
    public int size() {
        return layers.size();
    }

    /** Total number of prunable weights. */
    public long prunableWeights() {
        long n = 0;
        for (LayerInfo l : layers) {
            n += l.size();
        }
        return n;
    }

    /** Index of the layer named {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public long[] offsets() {
        return offsets.clone();
    }
}
