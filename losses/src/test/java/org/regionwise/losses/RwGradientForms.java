package org.regionwise.losses;

/**
 * {@link RwGradient}'s closed form over many pixels stored pixel-major, in float with double accumulation: a
 * second layout the tests hold {@link RwGradient#closedFormBatch} against. No main code (nor the docs) needs
 * it, so it lives with the tests.
 */
final class RwGradientForms {
    private RwGradientForms() {}

    /**
     * The gradient at many pixels stored pixel-major (the N x C layout of SPEC.md: pixel {@code i}'s
     * vector at {@code [i*C, i*C + C)}), in float with double accumulation.
     */
    static float[] closedForm(float[] softmax, float[] z, int classes) {
        checkLengths(softmax.length, z.length);
        if (classes < 1 || softmax.length % classes != 0) {
            throw new IllegalArgumentException("RW gradient: " + softmax.length + " values are not whole pixels of "
                    + classes + " classes");
        }
        float[] g = new float[softmax.length];
        for (int p = 0; p < softmax.length; p += classes) {
            for (int j = 0; j < classes; j++) {
                double sum = 0;
                for (int k = 0; k < classes; k++) sum += (double) softmax[p + k] * ((double) z[p + j] - z[p + k]);
                g[p + j] = (float) (softmax[p + j] * sum);
            }
        }
        return g;
    }

    private static void checkLengths(int s, int z) {
        if (s != z) throw new IllegalArgumentException("RW gradient: softmax has " + s + " values but the map " + z);
    }
}
