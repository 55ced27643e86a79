/** Synthetic data for engine tests. */
package org.lotterylab.engine.testdata;
