/**
 * {@code lth sweep}: a base experiment times a grid of spec values and replicates, each grid point one
 * ordinary IMP run executed as one Apache Spark task and published atomically to a Hadoop FileSystem
 * target. Spark lives only in this module, never on the desktop app's class path.
 */
package org.lotterylab.spark;
