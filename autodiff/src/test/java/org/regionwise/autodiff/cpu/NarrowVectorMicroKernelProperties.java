package org.regionwise.autodiff.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.regionwise.autodiff.backend.ConvGeometry;

/**
 * The vector micro-kernels give their reference twin's bits ({@link FmaMicroKernel}: each output one chain of
 * fused multiply-adds in step order), whatever their tile shape or vector width: the narrow (AVX2) kernel with
 * its 6 x 16 tiles and the AVX-512 kernel with 8 x 32 and 12 x 32. (On a CPU without AVX-512 the
 * 512-bit kernel still runs, slowly, through the Vector API's Java fallback: same arithmetic.) And whole passes
 * cut to the narrow kernel's tiles give the bits of the same passes cut to the AVX-512 tiles, so a training run
 * resumed on the other CPU kind, or compared with one from before the narrow tiles, matches bit for bit.
 */
class NarrowVectorMicroKernelProperties {
    private static final MicroKernel NARROW = new NarrowVectorMicroKernel();
    private static final MicroKernel WIDE = new VectorMicroKernel();
    /** The passes on the narrow kernel, and on the twin cut to the AVX-512 tile (fast enough for many tries). */
    private static final TiledKernels NARROW_PASSES = new TiledKernels(NARROW, new VectorElementwise(), 2) {};
    private static final TiledKernels WIDE_TILE_PASSES =
            new TiledKernels(new FmaMicroKernel(WIDE.shape()), new VectorElementwise(), 2) {};

    @Property(tries = 30)
    void panelTimesRowsMatchesItsTwinBitForBit(@ForAll boolean wide, @ForAll @IntRange(min = 1, max = 40) int kc,
                                               @ForAll boolean accumulate, @ForAll @IntRange(min = 0, max = 7) int q0,
                                               @ForAll long seed) {
        MicroKernel fast = wide ? WIDE : NARROW;
        TileShape shape = fast.shape();
        MicroKernel twin = new FmaMicroKernel(shape);
        Random r = new Random(seed);
        float[] a = uniform(r, kc * shape.mr() + 3);
        int[] rowOff = new int[kc + 2];
        int pitch = shape.nr() + 13;
        for (int i = 0; i < rowOff.length; i++) rowOff[i] = i * pitch;
        float[] src = uniform(r, rowOff[rowOff.length - 1] + pitch);
        float[] start = uniform(r, shape.tile() + 5);
        float[] expected = start.clone(), actual = start.clone();
        twin.panelTimesRows(a, 3, src, rowOff, 1, q0, kc, expected, 5, accumulate);
        fast.panelTimesRows(a, 3, src, rowOff, 1, q0, kc, actual, 5, accumulate);
        assertArrayEquals(expected, actual);
    }

    @Property(tries = 30)
    void rowsTimesPanelMatchesItsTwinBitForBit(@ForAll boolean wide, @ForAll @IntRange(min = 1, max = 40) int kc,
                                               @ForAll @IntRange(min = 0, max = 7) int q0, @ForAll long seed) {
        MicroKernel fast = wide ? WIDE : NARROW;
        TileShape shape = fast.shape();
        MicroKernel twin = new FmaMicroKernel(shape);
        Random r = new Random(seed);
        int[] rowOff = new int[shape.wr() + 1];
        for (int i = 0; i < rowOff.length; i++) rowOff[i] = i * (kc + 11);
        float[] src = uniform(r, rowOff[rowOff.length - 1] + kc + 11);
        float[] b = uniform(r, kc * shape.wn() + 2);
        float[] start = uniform(r, shape.weightTile() + 4);
        float[] expected = start.clone(), actual = start.clone();
        twin.rowsTimesPanel(src, rowOff, 1, q0, kc, b, 2, expected, 4);
        fast.rowsTimesPanel(src, rowOff, 1, q0, kc, b, 2, actual, 4);
        assertArrayEquals(expected, actual);
    }

    @Property(tries = 60)
    void convolutionPassesGiveTheBitsOfTheAvx512Tiles(@ForAll(supplier = RandomConv.class) ConvGeometry g, @ForAll long seed) {
        Random r = new Random(seed);
        float[] x = uniform(r, g.inputSize());
        float[] w = uniform(r, g.weightSize());
        float[] bias = uniform(r, g.k());
        float[] dy = uniform(r, g.outputSize());
        float[] dxStart = uniform(r, g.inputSize());
        float[] dwStart = uniform(r, g.weightSize());
        float[] dbStart = uniform(r, g.k());
        float[][] expected = passes(WIDE_TILE_PASSES, g, x, w, bias, dy, dxStart, dwStart, dbStart);
        float[][] actual = passes(NARROW_PASSES, g, x, w, bias, dy, dxStart, dwStart, dbStart);
        for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], actual[i], "output " + i + " of " + g);
    }

    @Property(tries = 40)
    void gemmGivesTheBitsOfTheAvx512Tiles(@ForAll @IntRange(min = 1, max = 40) int m, @ForAll @IntRange(min = 1, max = 300) int n,
                                          @ForAll @IntRange(min = 1, max = 600) int k, @ForAll boolean transA,
                                          @ForAll boolean transB, @ForAll boolean withBeta, @ForAll long seed) {
        Random r = new Random(seed);
        float[] a = uniform(r, m * k);
        float[] b = uniform(r, k * n);
        float[] c = uniform(r, m * n);
        float beta = withBeta ? 0.5f : 0f;
        float[] expected = c.clone(), actual = c.clone();
        WIDE_TILE_PASSES.gemm(transA, transB, m, n, k, 1.5f, a, 0, transA ? m : k, b, 0, transB ? k : n, beta, expected, 0, n);
        NARROW_PASSES.gemm(transA, transB, m, n, k, 1.5f, a, 0, transA ? m : k, b, 0, transB ? k : n, beta, actual, 0, n);
        assertArrayEquals(expected, actual);
    }

    /** y, dx (added to dxStart), dw and dbias (added to their starts) from one call of each pass. */
    private static float[][] passes(TiledKernels kernels, ConvGeometry g, float[] x, float[] w, float[] bias, float[] dy,
                                    float[] dxStart, float[] dwStart, float[] dbStart) {
        float[] y = new float[g.outputSize()];
        float[] dx = dxStart.clone();
        float[] dw = dwStart.clone();
        float[] db = dbStart.clone();
        kernels.conv2dForward(g, x, w, bias, y);
        kernels.conv2dBackwardData(g, dy, w, dx);
        kernels.conv2dBackwardWeight(g, x, dy, dw, db);
        return new float[][] {y, dx, dw, db};
    }

    private static float[] uniform(Random r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = r.nextFloat() * 2 - 1;
        return x;
    }
}
