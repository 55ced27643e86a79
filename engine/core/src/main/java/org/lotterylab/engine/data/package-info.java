/**
 * Image data sets for the engine, read with plain Java into plain arrays.
 *
 * <ul>
 *   <li>{@link org.lotterylab.engine.data.ImageDataset}: N images (C x H x W floats in [0, 1]) with labels;
 *       {@link org.lotterylab.engine.data.DataSplits}: train, validation and test sets.</li>
 *   <li>{@link org.lotterylab.engine.data.IdxReader} reads the IDX files of MNIST and Fashion-MNIST
 *       (gzip or raw); {@link org.lotterylab.engine.data.Cifar10Reader} reads CIFAR-10 binary batches.</li>
 *   <li>{@link org.lotterylab.engine.data.DatasetLocator} turns a data set id ({@code sample},
 *       {@code fashion-mnist}) or a directory into {@code DataSplits}.</li>
 *   <li>{@link org.lotterylab.engine.data.ModelInputCheck} tells whether a model can take a data set's images.</li>
 * </ul>
 *
 * <p>Malformed input is rejected with a {@link org.lotterylab.engine.data.DataFormatException} whose message
 * names the file and the problem.
 */
package org.lotterylab.engine.data;
