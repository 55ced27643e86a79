package org.lotterylab.engine.lean;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Row-major single-precision GEMM through ND4J's bundled OpenBLAS ({@code openblas_nolapack}, the same
 * library and thread pool ND4J uses, so {@code Backend.init(threads)} sets its thread count too).
 */
final class Gemm {

    private static final int ROW_MAJOR = openblas_nolapack.CblasRowMajor;
    private static final int NO_TRANS = openblas_nolapack.CblasNoTrans;
    private static final int TRANS = openblas_nolapack.CblasTrans;

    private Gemm() {
    }

    /**
     * {@code C = op(A) op(B) + beta C} with C m x n (row-major, leading dimension {@code ldc}); op transposes
     * when {@code ta}/{@code tb}.
     */
    static void sgemm(boolean ta, boolean tb, int m, int n, int k, FloatPointer a, int lda, FloatPointer b, int ldb,
                      float beta, FloatPointer c, int ldc) {
        openblas_nolapack.cblas_sgemm(ROW_MAJOR, ta ? TRANS : NO_TRANS, tb ? TRANS : NO_TRANS, m, n, k, 1f, a, lda, b,
                ldb, beta, c, ldc);
    }

    /** OpenBLAS's current thread count. */
    static int threads() {
        return openblas_nolapack.blas_get_num_threads();
    }
}
