package org.lotterylab.engine.data;

/**
 * A data set split into disjoint training, validation and test sets of the same image shape.
 *
 * @param train       the images to train on
 * @param validation  the images for early stopping and model selection
 * @param test        the held-out images to report accuracy on
 * @param description how the split was made (source and sizes), for logs and the user interface
 */
public record DataSplits(ImageDataset train, ImageDataset validation, ImageDataset test, String description) {

    /** Checks that all three sets are present and have the same image shape and number of classes. */
    public DataSplits {
        if (train == null || validation == null || test == null) {
            throw new IllegalArgumentException("train, validation and test must not be null");
        }
        for (ImageDataset d : new ImageDataset[] {validation, test}) {
            if (!d.shape().equals(train.shape()) || d.numClasses() != train.numClasses()) {
                throw new IllegalArgumentException("split shapes differ: train " + train.shape() + " ("
                        + train.numClasses() + " classes) vs " + d.shape() + " (" + d.numClasses() + " classes)");
            }
        }
        description = description == null ? "" : description;
    }

    /**
     * The same split with another test set, for example the official test set the user points to.
     *
     * @throws IllegalArgumentException if its image shape or number of classes differs
     */
    public DataSplits withTest(ImageDataset newTest) {
        return new DataSplits(train, validation, newTest,
                description + "; test set replaced by " + newTest.source() + " (" + newTest.count() + " images)");
    }

    /** A one-line summary with the sizes of the three sets. */
    public String summary() {
        return "train " + train.count() + " / validation " + validation.count() + " / test " + test.count()
                + " images of " + train.shape() + " (" + description + ")";
    }
}
