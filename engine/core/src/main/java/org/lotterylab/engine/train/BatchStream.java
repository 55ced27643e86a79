package org.lotterylab.engine.train;

import java.util.Random;
import org.lotterylab.engine.data.ImageDataset;
import org.lotterylab.engine.util.Seeds;

/**
 * Mini-batches drawn without replacement in epochs; each epoch's order is a Fisher-Yates shuffle seeded by
 * (order seed, epoch), so the sequence depends only on the seed. Batches may span an epoch boundary.
 */
public final class BatchStream {

    private final ImageDataset data;
    private final long orderSeed;
    private final int[] order;
    private int epoch = -1;
    private int pos;

    /** A stream over {@code data} with the given order seed. */
    public BatchStream(ImageDataset data, long orderSeed) {
        this.data = data;
        this.orderSeed = orderSeed;
        this.order = new int[data.count()];
        nextEpoch();
    }

    private void nextEpoch() {
        epoch++;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random rng = new Random(Seeds.derive(orderSeed, "epoch", epoch));
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        pos = 0;
    }

    /** Fills {@code x} (batch x features) and one-hot {@code y} (batch x classes) with the next batch. */
    public void next(int batch, float[] x, float[] y) {
        int f = data.featureSize();
        int c = data.numClasses();
        java.util.Arrays.fill(y, 0f);
        float[] pixels = data.pixels();
        int[] labels = data.labels();
        for (int b = 0; b < batch; b++) {
            if (pos == order.length) {
                nextEpoch();
            }
            int idx = order[pos++];
            System.arraycopy(pixels, idx * f, x, b * f, f);
            y[b * c + labels[idx]] = 1f;
        }
    }
}
