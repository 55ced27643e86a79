package org.lotterylab.engine.model;

/**
 * The shape of one input example.
 *
 * @param channels channels (1 for MNIST, 3 for CIFAR-10)
 * @param height   height in pixels
 * @param width    width in pixels
 * @param classes  number of classes
 */
public record InputShape(int channels, int height, int width, int classes) {

    /** Features per example. */
    public int features() {
        return channels * height * width;
    }
}
