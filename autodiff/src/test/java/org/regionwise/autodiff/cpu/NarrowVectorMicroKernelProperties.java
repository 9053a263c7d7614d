package org.regionwise.autodiff.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The narrow-vector micro-kernels (AVX2) give the same bits as the AVX-512 ones: each output sums its products
 * in the same order with one fused multiply-add per step, whatever the vector width. (On a CPU without
 * AVX-512 the 512-bit kernel still runs, slowly, through the Vector API's Java fallback: same arithmetic.)
 */
class NarrowVectorMicroKernelProperties {
    private static final MicroKernel WIDE = new VectorMicroKernel();
    private static final MicroKernel NARROW = new NarrowVectorMicroKernel();

    @Property(tries = 30)
    void panelTimesRowsMatchesTheWideKernelBitForBit(@ForAll @IntRange(min = 1, max = 40) int kc, @ForAll boolean accumulate,
                                                    @ForAll @IntRange(min = 0, max = 7) int q0, @ForAll long seed) {
        Random r = new Random(seed);
        float[] a = uniform(r, kc * MicroKernel.MR + 3);
        int[] rowOff = new int[kc + 2];
        for (int i = 0; i < rowOff.length; i++) rowOff[i] = i * 45;
        float[] src = uniform(r, rowOff[rowOff.length - 1] + 45);
        float[] start = uniform(r, MicroKernel.TILE + 5);
        float[] wide = start.clone(), narrow = start.clone();
        WIDE.panelTimesRows(a, 3, src, rowOff, 1, q0, kc, wide, 5, accumulate);
        NARROW.panelTimesRows(a, 3, src, rowOff, 1, q0, kc, narrow, 5, accumulate);
        assertArrayEquals(wide, narrow);
    }

    @Property(tries = 30)
    void rowsTimesPanelMatchesTheWideKernelBitForBit(@ForAll @IntRange(min = 1, max = 40) int kc,
                                                    @ForAll @IntRange(min = 0, max = 7) int q0, @ForAll long seed) {
        Random r = new Random(seed);
        int[] rowOff = new int[MicroKernel.WR + 1];
        for (int i = 0; i < rowOff.length; i++) rowOff[i] = i * (kc + 11);
        float[] src = uniform(r, rowOff[rowOff.length - 1] + kc + 11);
        float[] b = uniform(r, kc * MicroKernel.NR + 2);
        float[] start = uniform(r, MicroKernel.WEIGHT_TILE + 4);
        float[] wide = start.clone(), narrow = start.clone();
        WIDE.rowsTimesPanel(src, rowOff, 1, q0, kc, b, 2, wide, 4);
        NARROW.rowsTimesPanel(src, rowOff, 1, q0, kc, b, 2, narrow, 4);
        assertArrayEquals(wide, narrow);
    }

    private static float[] uniform(Random r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = r.nextFloat() * 2 - 1;
        return x;
    }
}
