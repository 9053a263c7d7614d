package org.regionwise.gpu.kernels;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.regionwise.autodiff.backend.ReferenceKernels;
import org.regionwise.gpu.testing.HeapImage;
import org.regionwise.gpu.testing.Tolerance;

/** The GEMM kernel, run as plain Java, against autodiff's reference GEMM: all transposes, offsets, strides, beta. */
class GemmKernelProperties {

    @Property(tries = 150)
    void matchesReference(@ForAll @IntRange(min = 1, max = 12) int m, @ForAll @IntRange(min = 1, max = 12) int n,
                          @ForAll @IntRange(min = 0, max = 20) int k, @ForAll boolean transA, @ForAll boolean transB,
                          @ForAll @IntRange(min = 0, max = 3) int pad, @ForAll @IntRange(min = 0, max = 2) int betaChoice,
                          @ForAll @IntRange(min = 0, max = 1000) int seed) {
        float alpha = 0.75f;
        float beta = new float[] {0f, 1f, -0.5f}[betaChoice];
        int lda = (transA ? m : k) + pad;
        int ldb = (transB ? k : n) + pad;
        int ldc = n + pad;
        int offset = pad; // operands start inside their arrays
        HeapImage image = new HeapImage(0, seed);
        int aLen = offset + (transA ? k : m) * Math.max(lda, 1);
        int bLen = offset + (transB ? n : k) * Math.max(ldb, 1);
        int cLen = offset + m * ldc;
        int a = image.region(aLen);
        int b = image.region(bLen);
        int c = image.region(cLen);
        float[] heap = image.toArray();
        float[] aRef = slice(heap, a, aLen);
        float[] bRef = slice(heap, b, bLen);
        float[] cRef = slice(heap, c, cLen);

        new ReferenceKernels().gemm(transA, transB, m, n, k, alpha, aRef, offset, lda, bRef, offset, ldb, beta, cRef, offset, ldc);
        GemmKernel.launch(transA, transB, m, n, k, alpha, a + offset, lda, b + offset, ldb, beta, c + offset, ldc).runOn(heap);

        new Tolerance(2e-6 * (k + 1), 1e-5).assertClose("gemm", cRef, slice(heap, c, cLen));
    }

    static float[] slice(float[] heap, int from, int count) {
        float[] out = new float[count];
        System.arraycopy(heap, from, out, 0, count);
        return out;
    }
}
