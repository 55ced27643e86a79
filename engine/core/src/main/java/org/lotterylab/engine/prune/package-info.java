/** Magnitude pruning (layerwise and global), random masks, and conversions between masks and arrays. */
package org.lotterylab.engine.prune;
