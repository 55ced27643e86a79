package org.lotterylab.api.spec;

import java.util.Locale;

/**
 * How input pixels (read as bytes / 255, so in [0, 1]) are normalised before they reach the network:
 * {@code x' = (x - mean) / std}. The spec field {@code normalize} spells it {@code none}, {@code train}
 * (mean and standard deviation of every pixel value of the training split, per channel) or
 * {@code MEAN,STD} (given; the same for every channel), e.g. {@code 0.1307,0.3081} as open_lth uses for MNIST.
 *
 * @param kind which of the three
 * @param mean the given mean (GIVEN only, else 0)
 * @param std  the given standard deviation, > 0 (GIVEN only, else 1)
 */
public record InputNormalization(Kind kind, double mean, double std) {

    /** The three ways. */
    public enum Kind {
        /** Pixels as read, in [0, 1]. */
        NONE,
        /** Mean and standard deviation per channel, measured on the training split. */
        TRAIN,
        /** Mean and standard deviation given in the spec. */
        GIVEN
    }

    /** No normalisation. */
    public static final InputNormalization NONE = new InputNormalization(Kind.NONE, 0, 1);

    /** Statistics of the training split. */
    public static final InputNormalization TRAIN = new InputNormalization(Kind.TRAIN, 0, 1);

    /** Validates: a given std must be finite and > 0, a given mean finite. */
    public InputNormalization {
        if (kind == null) {
            throw new SpecException("normalize", "must be set");
        }
        if (!Double.isFinite(mean) || !(std > 0) || !Double.isFinite(std)) {
            throw new SpecException("normalize", "needs a finite mean and a standard deviation > 0 (got mean "
                    + mean + ", std " + std + ")");
        }
        if (kind != Kind.GIVEN) {
            mean = 0;
            std = 1;
        }
        mean += 0.0;
        std += 0.0;
    }

    /** Given statistics. */
    public static InputNormalization given(double mean, double std) {
        return new InputNormalization(Kind.GIVEN, mean, std);
    }

    /** Parses {@code none}, {@code train} or {@code MEAN,STD}. */
    public static InputNormalization parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.equals("none") || t.isEmpty()) {
            return NONE;
        }
        if (t.equals("train")) {
            return TRAIN;
        }
        String[] parts = t.split(",");
        if (parts.length != 2) {
            throw new SpecException("normalize", "expected none, train or MEAN,STD such as 0.1307,0.3081 (got '"
                    + s + "')");
        }
        return given(SpecValues.parseDouble("normalize", parts[0]), SpecValues.parseDouble("normalize", parts[1]));
    }

    /** The canonical string: {@code none}, {@code train} or {@code MEAN,STD} with {@link Double#toString}. */
    public String id() {
        return switch (kind) {
            case NONE -> "none";
            case TRAIN -> "train";
            case GIVEN -> Double.toString(mean) + "," + Double.toString(std);
        };
    }

    @Override
    public String toString() {
        return id();
    }
}
