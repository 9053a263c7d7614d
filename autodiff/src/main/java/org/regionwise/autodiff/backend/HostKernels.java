package org.regionwise.autodiff.backend;

/**
 * A CPU kernel set: GEMM and the three convolution passes on host arrays, and the {@link Kernels} storage
 * methods through {@link Storage#host()} (free on the CPU backend, whose storage is its array). The array
 * methods are not part of the backend SPI; they are what CPU kernel sets implement and what their agreement
 * tests and kernel benchmarks call.
 */
public interface HostKernels extends Kernels {
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

    @Override
    default void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                      Storage a, int offA, int lda, Storage b, int offB, int ldb,
                      float beta, Storage c, int offC, int ldc) {
        gemm(transA, transB, m, n, k, alpha, a.host(), offA, lda, b.host(), offB, ldb, beta, c.host(), offC, ldc);
        c.hostWritten();
    }

    @Override
    default void conv2dForward(ConvGeometry g, Storage x, Storage w, Storage bias, Storage y) {
        conv2dForward(g, x.host(), w.host(), bias == null ? null : bias.host(), y.host());
        y.hostWritten();
    }

    @Override
    default void conv2dBackwardData(ConvGeometry g, Storage dy, Storage w, Storage dx) {
        conv2dBackwardData(g, dy.host(), w.host(), dx.host());
        dx.hostWritten();
    }

    @Override
    default void conv2dBackwardWeight(ConvGeometry g, Storage x, Storage dy, Storage dw, Storage dbias) {
        conv2dBackwardWeight(g, x.host(), dy.host(), dw.host(), dbias == null ? null : dbias.host());
        dw.hostWritten();
        if (dbias != null) dbias.hostWritten();
    }
}
