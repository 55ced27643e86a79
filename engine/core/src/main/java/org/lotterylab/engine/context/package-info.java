/**
 * What every experiment kind (IMP, linear mode connectivity, edge-popup) shares for one spec: the data,
 * the model layout, theta_0 and the trainer ({@link org.lotterylab.engine.context.ImpContext}). Its own
 * package so that the experiment packages depend on it and never on each other's internals.
 */
package org.lotterylab.engine.context;
