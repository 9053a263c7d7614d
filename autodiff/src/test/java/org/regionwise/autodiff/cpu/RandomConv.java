package org.regionwise.autodiff.cpu;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;
import org.regionwise.autodiff.backend.ConvGeometry;

/**
 * Random convolution geometries: odd sizes, channel counts around the panel and tile boundaries (6 and 8 rows,
 * 16 and 32 columns), rectangular kernels, separate strides, padding and dilation per axis. Shrinks towards
 * 1 x 1 everything.
 */
final class RandomConv implements ArbitrarySupplier<ConvGeometry> {

    @Override
    public Arbitrary<ConvGeometry> get() {
        Arbitrary<int[]> sizes = Combinators.combine(
                Arbitraries.integers().between(1, 3),   // n
                Arbitraries.integers().between(1, 19),  // c
                Arbitraries.integers().between(1, 40),  // h
                Arbitraries.integers().between(1, 40),  // w
                Arbitraries.integers().between(1, 37)   // k
        ).as((n, c, h, w, k) -> new int[] {n, c, h, w, k});
        Arbitrary<int[]> window = Combinators.combine(
                Arbitraries.integers().between(1, 4),   // r
                Arbitraries.integers().between(1, 4),   // s
                Arbitraries.integers().between(1, 3),   // strideH
                Arbitraries.integers().between(1, 3),   // strideW
                Arbitraries.integers().between(0, 2),   // padH
                Arbitraries.integers().between(0, 2),   // padW
                Arbitraries.integers().between(1, 2),   // dilH
                Arbitraries.integers().between(1, 2)    // dilW
        ).as((r, s, sh, sw, ph, pw, dh, dw) -> new int[] {r, s, sh, sw, ph, pw, dh, dw});
        return Combinators.combine(sizes, window).as(RandomConv::geometry)
                .filter(g -> g != null)
                // Keep the reference (double, direct loops) fast enough for many tries.
                .filter(g -> g.flops() < 4e6);
    }

    private static ConvGeometry geometry(int[] z, int[] k) {
        int outH = Math.floorDiv(z[2] + 2 * k[4] - k[6] * (k[0] - 1) - 1, k[2]) + 1;
        int outW = Math.floorDiv(z[3] + 2 * k[5] - k[7] * (k[1] - 1) - 1, k[3]) + 1;
        if (outH <= 0 || outW <= 0) return null;
        return new ConvGeometry(z[0], z[1], z[2], z[3], z[4], k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7], outH, outW);
    }
}
