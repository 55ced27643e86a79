/**
 * Network architectures (MLP, LeNet-300-100, Conv-2/4/6) built with DL4J, the layout of prunable weights in
 * the flat parameter vector, and seeded Java-side initialisers.
 */
package org.lotterylab.engine.model;
