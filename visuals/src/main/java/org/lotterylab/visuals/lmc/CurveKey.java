package org.lotterylab.visuals.lmc;

import java.util.Comparator;
import java.util.Locale;

/**
 * One drawn curve: a path (network, k, seed pair) on one split ({@code test} or {@code train}).
 *
 * @param network  {@code dense} or {@code ticket-round-NN}
 * @param k        rewinding iteration of the start weights
 * @param seedPair which seed pair trained the two copies
 * @param split    {@code test} or {@code train}
 */
public record CurveKey(String network, int k, int seedPair, String split) implements Comparable<CurveKey> {

    /** The test split. */
    public static final String TEST = "test";
    /** The training split. */
    public static final String TRAIN = "train";

    private static final Comparator<CurveKey> ORDER = Comparator.comparing(CurveKey::network)
            .thenComparingInt(CurveKey::k).thenComparingInt(CurveKey::seedPair).thenComparing(CurveKey::split);

    /** Checks the split. */
    public CurveKey {
        if (!TEST.equals(split) && !TRAIN.equals(split)) {
            throw new IllegalArgumentException("split must be test or train (got " + split + ")");
        }
    }

    /** The path this curve belongs to, as {@code network/k/pair}. */
    public String path() {
        return network + "/" + k + "/" + seedPair;
    }

    /** e.g. {@code dense k=100 pair 0 (test)}. */
    public String label() {
        return String.format(Locale.ROOT, "%s k=%d pair %d (%s)", network, k, seedPair, split);
    }

    @Override
    public int compareTo(CurveKey o) {
        return ORDER.compare(this, o);
    }
}
