package org.regionwise.experiments.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The separable resampler against its per-pixel reference twin, and the properties any interpolation
 * must have: identity at equal size, constants kept, linear ramps kept (and quadratics by the cubic).
 */
class ResamplingProperties {

    @Property(tries = 150)
    void separablePassesEqualThePerPixelReference(@ForAll @IntRange(min = 1, max = 13) int h, @ForAll @IntRange(min = 1, max = 13) int w,
                                                  @ForAll @IntRange(min = 1, max = 13) int oh, @ForAll @IntRange(min = 1, max = 13) int ow,
                                                  @ForAll @IntRange(min = 1, max = 2) int planes, @ForAll Interpolation kind,
                                                  @ForAll long seed) {
        float[] src = random(planes * h * w, new Random(seed));
        float[] fast = Resampling.resize(src, planes, h, w, oh, ow, kind);
        float[] reference = Resampling.resizeReference(src, planes, h, w, oh, ow, kind);
        assertArrayEquals(reference, fast, 1e-5f);
    }

    @Property(tries = 50)
    void equalSizesAreAnExactCopy(@ForAll @IntRange(min = 1, max = 12) int h, @ForAll @IntRange(min = 1, max = 12) int w,
                                  @ForAll Interpolation kind, @ForAll long seed) {
        float[] src = random(h * w, new Random(seed));
        assertArrayEquals(src, Resampling.resize(src, 1, h, w, h, w, kind));
        assertArrayEquals(src, Resampling.resizeReference(src, 1, h, w, h, w, kind), 0f);
    }

    @Property(tries = 100)
    void constantsStayConstant(@ForAll @IntRange(min = 1, max = 12) int h, @ForAll @IntRange(min = 1, max = 12) int w,
                               @ForAll @IntRange(min = 1, max = 25) int oh, @ForAll @IntRange(min = 1, max = 25) int ow,
                               @ForAll Interpolation kind, @ForAll @IntRange(min = -1000, max = 1000) int value) {
        float[] src = new float[h * w];
        java.util.Arrays.fill(src, value / 7f);
        for (float v : Resampling.resize(src, 1, h, w, oh, ow, kind)) assertEquals(value / 7f, v, 1e-4f);
    }

    /**
     * Linear interpolation reproduces a ramp a + b r + c col wherever its taps lie inside the image (edge
     * repetition bends it outside); the cubic reproduces it, and any quadratic, where all 4 taps do.
     */
    @Property(tries = 100)
    void rampsAndQuadraticsAreReproducedInside(@ForAll @IntRange(min = 4, max = 14) int h, @ForAll @IntRange(min = 4, max = 14) int w,
                                               @ForAll @IntRange(min = 2, max = 25) int oh, @ForAll @IntRange(min = 2, max = 25) int ow,
                                               @ForAll Interpolation kind, @ForAll long seed) {
        Random random = new Random(seed);
        double a = random.nextGaussian(), b = random.nextGaussian(), c = random.nextGaussian();
        double q = kind == Interpolation.CUBIC ? random.nextGaussian() * 0.1 : 0; // r * col and squares: only the cubic
        float[] src = new float[h * w];
        for (int r = 0; r < h; r++) {
            for (int col = 0; col < w; col++) src[r * w + col] = (float) f(a, b, c, q, r, col);
        }
        float[] out = Resampling.resize(src, 1, h, w, oh, ow, kind);
        for (int i = 0; i < oh; i++) {
            double sy = Resampling.source(i, h, oh);
            if (!inside(sy, h, kind)) continue;
            for (int j = 0; j < ow; j++) {
                double sx = Resampling.source(j, w, ow);
                if (!inside(sx, w, kind)) continue;
                assertEquals(f(a, b, c, q, sy, sx), out[i * ow + j], 1e-4, "at (" + sy + ", " + sx + ")");
            }
        }
    }

    @Example
    void sizesFollowTheSpacingRatio() {
        assertEquals(96, Resampling.resizedLength(192, 1, 2));
        assertEquals(91, Resampling.resizedLength(181, 1, 2)); // 90.5 rounds up
        assertEquals(384, Resampling.resizedLength(192, 1, 0.5));
        assertEquals(1, Resampling.resizedLength(3, 1, 10));
    }

    @Example
    void halvingWithTheCubicSamplesHalfwayWithCatmullRomWeights() {
        float[] src = {0, 0, 16, 0, 0, 0}; // one row of 6; output pixel j samples 2j + 1/2
        float[] out = Resampling.resize(src, 1, 1, 6, 1, 3, Interpolation.CUBIC);
        // j = 0 at 0.5: taps -1(clamped 0), 0, 1, 2 with weights -1/16, 9/16, 9/16, -1/16
        assertEquals(-1f, out[0], 1e-6f);
        assertEquals(9f, out[1], 1e-6f); // j = 1 at 2.5: taps 1, 2, 3, 4
        assertEquals(0f, out[2], 1e-6f);
    }

    private static double f(double a, double b, double c, double q, double r, double col) {
        return a + b * r + c * col + q * (r * col + r * r - col * col);
    }

    /** Whether every tap with a nonzero weight at {@code s} lies inside an axis of n samples. */
    private static boolean inside(double s, int n, Interpolation kind) {
        int f = (int) Math.floor(s);
        boolean onSample = s == f;
        return kind == Interpolation.LINEAR
                ? s >= 0 && (f + 1 <= n - 1 || onSample && f <= n - 1)
                : f - 1 >= 0 && (f + 2 <= n - 1 || onSample && f + 1 <= n - 1);
    }

    private static float[] random(int n, Random random) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) random.nextGaussian();
        return v;
    }
}
