/**
 * Network architectures built with DL4J (MLP, LeNet-300-100, Conv-2/4/6 as layer stacks; ResNet-20 and VGG-16 as
 * graphs, all behind the {@link org.lotterylab.engine.model.Net} adapter), the layout of prunable weights and
 * batch-norm layers in the flat parameter vector, batch-norm statistics, and seeded Java-side initialisers.
 */
package org.lotterylab.engine.model;
