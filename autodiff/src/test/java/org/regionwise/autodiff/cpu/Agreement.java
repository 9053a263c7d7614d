package org.regionwise.autodiff.cpu;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;

/**
 * Fast-versus-reference comparison. The reference sums in double; the fast kernels sum in float, in
 * blocks, so the allowed error of each element scales with the sum of the magnitudes of its terms
 * ({@code scale}, computed by the reference on absolute values): float32 rounding of a blocked sum of a
 * few thousand terms stays well under 1e-5 of it.
 */
final class Agreement {
    static final double RELATIVE = 1e-5;
    static final double ABSOLUTE = 1e-6;

    private Agreement() {}

    static void assertClose(String what, float[] expected, float[] actual, float[] scale) {
        for (int i = 0; i < expected.length; i++) {
            double tol = ABSOLUTE + RELATIVE * Math.abs(scale[i]);
            boolean ok = Math.abs((double) expected[i] - actual[i]) <= tol
                    || (Float.isNaN(expected[i]) && Float.isNaN(actual[i]));
            if (!ok) {
                fail(what + ": element " + i + " of " + expected.length + " is " + actual[i] + ", reference "
                        + expected[i] + " (tolerance " + tol + ")");
            }
        }
    }

    static float[] uniform(Random random, int size) {
        float[] a = new float[size];
        for (int i = 0; i < size; i++) a[i] = random.nextFloat() * 2f - 1f;
        return a;
    }

    static float[] abs(float[] a) {
        float[] b = new float[a.length];
        for (int i = 0; i < a.length; i++) b[i] = Math.abs(a[i]);
        return b;
    }

    static float[] filled(int size, float value) {
        float[] a = new float[size];
        java.util.Arrays.fill(a, value);
        return a;
    }
}
