package org.regionwise.autodiff.cpu;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.regionwise.autodiff.backend.HostKernels;
import org.regionwise.autodiff.backend.ReferenceKernels;

/** Fast GEMM against the reference: transposes, leading dimensions, offsets, alpha, beta, edge tiles. */
class GemmAgreementProperties {
    private static final ReferenceKernels REFERENCE = new ReferenceKernels();

    @Property(tries = 150)
    void gemmMatchesReference(@ForAll(supplier = FastKernelSets.class) HostKernels fast,
                              @ForAll boolean transA, @ForAll boolean transB,
                              @ForAll @IntRange(min = 1, max = 40) int m, @ForAll @IntRange(min = 1, max = 300) int n,
                              @ForAll @IntRange(min = 1, max = 40) int k,
                              @ForAll @IntRange(min = 0, max = 3) int padLd, @ForAll @IntRange(min = 0, max = 5) int offset,
                              @ForAll @IntRange(min = 0, max = 2) int betaCase, @ForAll boolean unitAlpha, @ForAll long seed) {
        Random r = new Random(seed);
        int lda = (transA ? m : k) + padLd;
        int ldb = (transB ? k : n) + padLd;
        int ldc = n + padLd;
        float[] a = Agreement.uniform(r, offset + (transA ? k : m) * lda);
        float[] b = Agreement.uniform(r, offset + (transB ? n : k) * ldb);
        float beta = betaCase == 0 ? 0f : betaCase == 1 ? 1f : 0.5f;
        float alpha = unitAlpha ? 1f : -0.75f;
        // beta == 0 must overwrite C, NaN included.
        float[] c0 = betaCase == 0 ? Agreement.filled(offset + m * ldc, Float.NaN) : Agreement.uniform(r, offset + m * ldc);
        float[] expected = c0.clone();
        REFERENCE.gemm(transA, transB, m, n, k, alpha, a, offset, lda, b, offset, ldb, beta, expected, offset, ldc);
        float[] actual = c0.clone();
        fast.gemm(transA, transB, m, n, k, alpha, a, offset, lda, b, offset, ldb, beta, actual, offset, ldc);
        float[] scale = betaCase == 0 ? new float[c0.length] : Agreement.abs(c0);
        REFERENCE.gemm(transA, transB, m, n, k, 1f, Agreement.abs(a), offset, lda, Agreement.abs(b), offset, ldb,
                betaCase == 0 ? 0f : 1f, scale, offset, ldc);
        Agreement.assertClose(fast.name() + " gemm", expected, actual, scale);
    }
}
