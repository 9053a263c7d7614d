package org.regionwise.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DistanceTransformProperties {

    @Provide
    Arbitrary<Generated.MaskCase> masks2d() {
        return Generated.masks(Generated.grids2d(24));
    }

    @Provide
    Arbitrary<Generated.MaskCase> masks3d() {
        return Generated.masks(Generated.grids3d(12));
    }

    @Property(tries = 300)
    void edtEqualsBruteForceIn2d(@ForAll("masks2d") Generated.MaskCase m, @ForAll @IntRange(min = 1, max = 3) int threads) {
        assertMatchesBruteForce(m, threads);
    }

    @Property(tries = 200)
    void edtEqualsBruteForceIn3d(@ForAll("masks3d") Generated.MaskCase m, @ForAll @IntRange(min = 1, max = 3) int threads) {
        assertMatchesBruteForce(m, threads);
    }

    @Property(tries = 100)
    void resultDoesNotDependOnThreadCount(@ForAll("masks3d") Generated.MaskCase m) {
        float[] one = DistanceTransform.edt(m.mask(), m.grid(), 1);
        float[] many = DistanceTransform.edt(m.mask(), m.grid(), 4);
        assertArrayEquals(one, many);
    }

    @Property(tries = 200)
    void signedDistanceIsOutsideDistanceMinusInsideDistance(@ForAll("masks3d") Generated.MaskCase m) {
        float[] signed = DistanceTransform.signedDistance(m.mask(), m.grid(), 2);
        double[] inside = BruteForce.edt(m.mask(), m.grid());
        double[] outside = BruteForce.edt(BruteForce.not(m.mask()), m.grid());
        for (int i = 0; i < signed.length; i++) {
            double expected = m.mask()[i] ? -inside[i] : outside[i];
            assertClose(expected, signed[i], i);
            assertTrue(signed[i] != 0, "no voxel has signed distance 0");
        }
    }

    private static void assertMatchesBruteForce(Generated.MaskCase m, int threads) {
        float[] fast = DistanceTransform.edt(m.mask(), m.grid(), threads);
        double[] reference = BruteForce.edt(m.mask(), m.grid());
        for (int i = 0; i < fast.length; i++) {
            assertClose(reference[i], fast[i], i);
        }
    }

    static void assertClose(double expected, float actual, int index) {
        if (Double.isInfinite(expected)) {
            assertEquals(expected, actual, "voxel " + index);
        } else {
            assertEquals(expected, actual, 1e-5 * Math.max(1, Math.abs(expected)), "voxel " + index);
        }
    }
}
