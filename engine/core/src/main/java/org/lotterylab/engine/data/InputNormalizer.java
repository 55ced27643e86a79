package org.lotterylab.engine.data;

import org.lotterylab.api.spec.InputNormalization;

/**
 * Applies a spec's {@link InputNormalization} to all three splits: {@code x' = (x - mean) / std} per channel.
 * With {@code train}, mean and (population) standard deviation of every value of each channel are measured on
 * the training split only and used for validation and test too, so nothing leaks from the held-out sets.
 */
public final class InputNormalizer {

    private InputNormalizer() {
    }

    /**
     * Per-channel statistics in use.
     *
     * @param mean one mean per channel
     * @param std  one standard deviation per channel (> 0)
     */
    public record Stats(double[] mean, double[] std) {
    }

    /** The statistics {@code how} asks for on {@code train}, or null for {@code none}. */
    public static Stats stats(ImageDataset train, InputNormalization how) {
        int c = train.channels();
        double[] mean = new double[c];
        double[] std = new double[c];
        switch (how.kind()) {
            case NONE -> {
                return null;
            }
            case GIVEN -> {
                java.util.Arrays.fill(mean, how.mean());
                java.util.Arrays.fill(std, how.std());
            }
            case TRAIN -> {
                int plane = train.height() * train.width();
                float[] px = train.pixels();
                for (int ch = 0; ch < c; ch++) {
                    double sum = 0;
                    double sq = 0;
                    for (int n = 0; n < train.count(); n++) {
                        int base = (n * c + ch) * plane;
                        for (int i = 0; i < plane; i++) {
                            double v = px[base + i];
                            sum += v;
                            sq += v * v;
                        }
                    }
                    double count = (double) train.count() * plane;
                    mean[ch] = sum / count;
                    double var = Math.max(0, sq / count - mean[ch] * mean[ch]);
                    std[ch] = var > 0 ? Math.sqrt(var) : 1.0;
                }
            }
            default -> throw new IllegalStateException("unhandled " + how);
        }
        return new Stats(mean, std);
    }

    /** The splits normalised as {@code how} says (the same object for {@code none}). */
    public static DataSplits apply(DataSplits splits, InputNormalization how) {
        Stats s = stats(splits.train(), how);
        if (s == null) {
            return splits;
        }
        return new DataSplits(apply(splits.train(), s), apply(splits.validation(), s), apply(splits.test(), s),
                splits.description() + "; inputs normalised (" + describe(s) + ")");
    }

    /** A normalised copy of {@code d}. */
    public static ImageDataset apply(ImageDataset d, Stats s) {
        int c = d.channels();
        int plane = d.height() * d.width();
        float[] src = d.pixels();
        float[] out = new float[src.length];
        for (int n = 0; n < d.count(); n++) {
            for (int ch = 0; ch < c; ch++) {
                int base = (n * c + ch) * plane;
                float m = (float) s.mean()[ch];
                float inv = (float) (1.0 / s.std()[ch]);
                for (int i = 0; i < plane; i++) {
                    out[base + i] = (src[base + i] - m) * inv;
                }
            }
        }
        return new ImageDataset(out, d.labels(), d.count(), c, d.height(), d.width(), d.numClasses(), d.source());
    }

    private static String describe(Stats s) {
        StringBuilder sb = new StringBuilder();
        for (int ch = 0; ch < s.mean().length; ch++) {
            if (ch > 0) {
                sb.append("; ");
            }
            sb.append(String.format(java.util.Locale.ROOT, "mean %.4f, std %.4f", s.mean()[ch], s.std()[ch]));
        }
        return sb.toString();
    }
}
