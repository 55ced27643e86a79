/**
 * The lean training path for fully-connected models: forward, backward, mask multiply and the optimiser
 * step written against OpenBLAS's {@code cblas_sgemm} (ND4J's bundled copy, through javacpp) with buffers
 * allocated once, and the element-wise work (bias + ReLU, softmax cross-entropy gradient, Adam/SGD fused
 * with the mask) as plain Java loops over float arrays. It reproduces DL4J's semantics as configured in
 * {@link org.lotterylab.engine.model.ModelFactory} to float round-off and is deterministic bit for bit
 * for a given BLAS thread count.
 */
package org.lotterylab.engine.lean;
