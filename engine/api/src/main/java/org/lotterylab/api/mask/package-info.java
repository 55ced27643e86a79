/**
 * Plain-Java copies of weights and masks (never live ND4J arrays), layer descriptions in numpy layout,
 * and the pruning schedule arithmetic.
 */
package org.lotterylab.api.mask;
