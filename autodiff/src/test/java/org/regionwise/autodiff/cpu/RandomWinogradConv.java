package org.regionwise.autodiff.cpu;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;
import org.regionwise.autodiff.backend.ConvGeometry;

/**
 * Random geometries Winograd F(2x2, 3x3) applies to (3x3, stride 1, padding 1): odd and even sizes (partial
 * tiles on the last row and column), channel counts around the panel and tile boundaries. Shrinks to 1 x 1.
 */
final class RandomWinogradConv implements ArbitrarySupplier<ConvGeometry> {

    @Override
    public Arbitrary<ConvGeometry> get() {
        return Combinators.combine(
                Arbitraries.integers().between(1, 3),   // n
                Arbitraries.integers().between(1, 19),  // c
                Arbitraries.integers().between(1, 40),  // h
                Arbitraries.integers().between(1, 40),  // w
                Arbitraries.integers().between(1, 37)   // k
        ).as((n, c, h, w, k) -> ConvGeometry.of(n, c, h, w, k, 3, 3, 1, 1, 1)).filter(g -> g.flops() < 4e6);
    }
}
