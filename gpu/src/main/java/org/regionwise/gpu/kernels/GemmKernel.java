package org.regionwise.gpu.kernels;

import org.regionwise.gpu.Parallel;

/**
 * Single-precision GEMM with BLAS semantics (the SPI's {@code Kernels.gemm}): C = alpha op(A) op(B) + beta C,
 * row-major, with offsets and leading dimensions into the heap. One parallel iteration per element of C.
 */
public final class GemmKernel {
    private GemmKernel() {}

    /** ints: transA, transB, m, n, k, offA, lda, offB, ldb, offC, ldc (transposes as 0/1). floats: alpha, beta. */
    public static void gemm(float[] heap, int[] ints, float[] floats) {
        int transA = ints[0];
        int transB = ints[1];
        int m = ints[2];
        int n = ints[3];
        int k = ints[4];
        int offA = ints[5];
        int lda = ints[6];
        int offB = ints[7];
        int ldb = ints[8];
        int offC = ints[9];
        int ldc = ints[10];
        float alpha = floats[0];
        float beta = floats[1];
        int total = m * n;
        for (@Parallel int idx = 0; idx < total; idx++) {
            int i = idx / n;
            int j = idx - i * n;
            // A start and step along k, likewise for B: one inner loop serves all four transpose cases.
            int aIndex = transA == 0 ? offA + i * lda : offA + i;
            int aStep = transA == 0 ? 1 : lda;
            int bIndex = transB == 0 ? offB + j : offB + j * ldb;
            int bStep = transB == 0 ? ldb : 1;
            float acc = 0f;
            for (int q = 0; q < k; q++) {
                acc += heap[aIndex] * heap[bIndex];
                aIndex += aStep;
                bIndex += bStep;
            }
            int ci = offC + i * ldc + j;
            // beta == 0 overwrites, so NaN in an uninitialised C does not leak through.
            heap[ci] = beta == 0f ? alpha * acc : alpha * acc + beta * heap[ci];
        }
    }

    public static Launch launch(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                int offA, int lda, int offB, int ldb, float beta, int offC, int ldc) {
        return Launch.of(Kernel.GEMM, m * n,
                new int[] {transA ? 1 : 0, transB ? 1 : 0, m, n, k, offA, lda, offB, ldb, offC, ldc}, alpha, beta);
    }
}
