/**
 * View models with no JavaFX dependency: mask history and pruned-in-round bookkeeping, colour mapping to
 * ARGB, hover text, percentage log-axis ticks, result aggregation and CSV export. Unit-tested without a
 * running toolkit.
 */
package org.lotterylab.visuals.model;
