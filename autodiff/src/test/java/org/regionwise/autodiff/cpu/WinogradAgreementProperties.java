package org.regionwise.autodiff.cpu;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.backend.ConvGeometry;

/**
 * Winograd F(2x2, 3x3) against the direct double-precision reference, held to the same tolerance as the
 * direct fast kernels ({@link ConvAgreement}): its double twin (exact up to double rounding, so the algorithm
 * is right), and the fast float version, forward and backward data, pinned on ({@link ConvChoice.Mode#ON}).
 */
class WinogradAgreementProperties {
    private static final List<TiledKernels> WINOGRAD = List.of(pinned(new VectorKernels(2)), pinned(new ScalarKernels(3)));

    private static TiledKernels pinned(TiledKernels k) {
        k.convMode(ConvChoice.Mode.ON);
        return k;
    }

    @Provide
    Arbitrary<TiledKernels> winogradKernels() {
        return Arbitraries.of(WINOGRAD);
    }

    @Property(tries = 100)
    void twinEqualsTheDirectReference(@ForAll(supplier = RandomWinogradConv.class) ConvGeometry g, @ForAll boolean bias,
                                      @ForAll long seed) {
        // Both sum in double and round once to float (half an ulp each, at most 6e-8 of the magnitude sum):
        // held to 1/50 of the fast kernels' bound, 2e-7 of it.
        ConvAgreement.forward("Winograd twin", g, bias, seed, 0.02f, (x, w, b, y) -> {
            double[] twin = WinogradReference.forward(g.n(), g.c(), g.h(), g.w(), g.k(), x, w, b);
            for (int i = 0; i < twin.length; i++) y[i] = (float) twin[i];
        });
    }

    @Property(tries = 150)
    void forwardMatchesReference(@ForAll("winogradKernels") TiledKernels fast,
                                 @ForAll(supplier = RandomWinogradConv.class) ConvGeometry g, @ForAll boolean bias,
                                 @ForAll long seed) {
        ConvAgreement.forward(fast, fast.name() + " Winograd forward", g, bias, seed);
    }

    @Property(tries = 150)
    void backwardDataMatchesReference(@ForAll("winogradKernels") TiledKernels fast,
                                      @ForAll(supplier = RandomWinogradConv.class) ConvGeometry g, @ForAll long seed) {
        ConvAgreement.backwardData(fast, fast.name() + " Winograd backward data", g, seed);
    }

    @Test
    void theReportNamesTheAlgorithmAndOnlyWhereItApplies() {
        TiledKernels k = WINOGRAD.get(0);
        ConvGeometry threeByThree = ConvGeometry.of(1, 4, 8, 8, 4, 3, 3, 1, 1, 1);
        ConvGeometry strided = ConvGeometry.of(1, 4, 8, 8, 4, 3, 3, 2, 1, 1);
        var forward = org.regionwise.autodiff.backend.ConvPass.FORWARD;
        assertTrue(k.convAlgorithm(forward, threeByThree).startsWith(ConvChoice.WINOGRAD), k.convAlgorithm(forward, threeByThree));
        assertFalse(k.convAlgorithm(forward, strided).contains("Winograd"), k.convAlgorithm(forward, strided));
        assertFalse(WinogradConvolution.applies(ConvGeometry.of(1, 4, 8, 8, 4, 1, 1, 1, 0, 1)));
    }
}
