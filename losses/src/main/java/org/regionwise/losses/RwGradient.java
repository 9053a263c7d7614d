package org.regionwise.losses;

/**
 * The closed-form gradient of the Region-wise loss with respect to the logits (SPEC.md section 1,
 * the paper's Eq. 2), per pixel and before the {@code 1 / (C N)} factor of the mean:
 * <pre>
 *   dL/dx_j = s_j (z_j - sum_k s_k z_k)
 * </pre>
 * It is evaluated here as {@code s_j * sum_k s_k (z_j - z_k)}, which is the same number because the
 * softmax sums to 1, but has no cancellation: when the map is rectified (all other-class components
 * equal) every term of a wrong class's sum is exactly 0 but the true class's, so the sign of every
 * component is exact even for softmax values near 0 or 1. The gradient-sign analyses (Fig. 2, the
 * rectification properties) rely on that.
 *
 * <p>Also here: the gradient of the squared-softmax variant {@code L = mean s^2 z} (the HD
 * reformulation), {@code 2 s_j (s_j z_j - sum_k s_k^2 z_k)}, and counts of negative components.
 */
public final class RwGradient {
    private RwGradient() {}

    /** The gradient at one pixel: softmax {@code s} and map vector {@code z}, both of length C. */
    public static double[] closedForm(double[] s, double[] z) {
        checkLengths(s.length, z.length);
        double[] g = new double[s.length];
        for (int j = 0; j < s.length; j++) g[j] = s[j] * pairwise(s, z, j);
        return g;
    }

    /**
     * The gradient of a whole batch in the tensor layout {@code (B, C, N)} (channel-major per image, as
     * logits {@code (B, C, H, W)} and maps are stored), before the {@code 1 / (C N)} factor and the
     * {@code 1 / B} of the batch mean: the loss's gradient is this divided by {@code B C N}.
     */
    public static float[] closedFormBatch(float[] softmax, float[] z, int batch, int classes, int pixels) {
        checkLengths(softmax.length, z.length);
        if ((long) batch * classes * pixels != softmax.length) {
            throw new IllegalArgumentException("RW gradient: " + softmax.length + " values for (B, C, N) = (" + batch + ", "
                    + classes + ", " + pixels + ")");
        }
        float[] g = new float[softmax.length];
        for (int b = 0; b < batch; b++) {
            int base = b * classes * pixels;
            for (int i = 0; i < pixels; i++) {
                for (int j = 0; j < classes; j++) {
                    int at = base + j * pixels + i;
                    double sum = 0;
                    for (int k = 0; k < classes; k++) {
                        int other = base + k * pixels + i;
                        sum += (double) softmax[other] * ((double) z[at] - z[other]);
                    }
                    g[at] = (float) (softmax[at] * sum);
                }
            }
        }
        return g;
    }

    /** The gradient at one pixel of the squared-softmax variant {@code s^2 z}: {@code 2 s_j (s_j z_j - sum_k s_k^2 z_k)}. */
    public static double[] closedFormSquared(double[] s, double[] z) {
        checkLengths(s.length, z.length);
        double weighted = 0;
        for (int k = 0; k < s.length; k++) weighted += s[k] * s[k] * z[k];
        double[] g = new double[s.length];
        for (int j = 0; j < s.length; j++) g[j] = 2 * s[j] * (s[j] * z[j] - weighted);
        return g;
    }

    /** How many components of {@code g} are strictly negative. */
    public static int negativeComponents(double[] g) {
        int n = 0;
        for (double v : g) if (v < 0) n++;
        return n;
    }

    /** {@code sum_k s_k (z_j - z_k)}: the sign of the gradient's component j. */
    static double pairwise(double[] s, double[] z, int j) {
        double sum = 0;
        for (int k = 0; k < s.length; k++) sum += s[k] * (z[j] - z[k]);
        return sum;
    }

    private static void checkLengths(int s, int z) {
        if (s != z) throw new IllegalArgumentException("RW gradient: softmax has " + s + " values but the map " + z);
    }
}
