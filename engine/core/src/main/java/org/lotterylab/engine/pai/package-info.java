/**
 * Pruning at initialisation: saliency scores of theta_0 (magnitude, SNIP, GraSP, SynFlow) and the global
 * top-k masks they give, used as IMP branches beside the ticket at the ticket's total sparsity.
 */
package org.lotterylab.engine.pai;
