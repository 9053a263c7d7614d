package org.regionwise.autodiff.backend;

/**
 * The hot kernels a backend may replace: GEMM and the three passes of 2D convolution. Everything is flat
 * row-major float32; backward passes accumulate into their outputs with {@code +=} (llm.c convention),
 * so gradients from several uses of a tensor add up.
 *
 * <p>{@link ReferenceKernels} is the short, obviously correct implementation every faster one is tested
 * against.
 */
public interface Kernels {
    String name();

    /**
     * C = alpha * op(A) * op(B) + beta * C, row-major, where op(A) is m x k and op(B) is k x n
     * (BLAS sgemm semantics with leading dimensions). beta == 0 overwrites C, ignoring NaN in it.
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
              float[] a, int offA, int lda, float[] b, int offB, int ldb,
              float beta, float[] c, int offC, int ldc);

    /** y = conv(x, w) + bias; y is overwritten. bias may be null. */
    void conv2dForward(ConvGeometry g, float[] x, float[] w, float[] bias, float[] y);

    /** dx += conv2d input-gradient of dy through w (also the forward pass of a transposed convolution). */
    void conv2dBackwardData(ConvGeometry g, float[] dy, float[] w, float[] dx);

    /** dw += weight gradient; dbias += bias gradient when dbias is not null. */
    void conv2dBackwardWeight(ConvGeometry g, float[] x, float[] dy, float[] dw, float[] dbias);
}
