package org.regionwise.experiments.paper;

/**
 * How many components of the RW loss's logit gradient are negative at each pixel of an image (the paper's
 * Fig. 3): {@code dL/dx_ij = s_ij (z_ij - sum_k s_ik z_ik)} (SPEC.md section 1) is negative exactly when
 * {@code sum_k s_ik (z_ij - z_ik) < 0}, because {@code s_ij > 0}. That cancellation-free form is evaluated
 * in double (as {@link org.regionwise.losses.RwGradient} does), so a rectified map's wrong-class components,
 * whose sums have a single non-zero term, get their sign exactly.
 *
 * <p>A correctly designed map gives exactly one negative component per pixel (the true class), whatever the
 * network predicts (SPEC.md section 2); an RW-Boundary map with three or more classes gives two or more
 * where the softmax is still far from the label.
 */
final class NegativeComponents {
    private NegativeComponents() {}

    /**
     * The count per pixel for one image.
     *
     * @param logits  {@code (C, N)} channel-major, as a network's output plane for one image
     * @param z       the RW map of the image's labels, {@code (C, N)} channel-major
     * @param classes C
     * @return N counts in {@code [0, C - 1]}
     */
    static int[] perPixel(float[] logits, float[] z, int classes) {
        if (classes < 2 || logits.length % classes != 0 || z.length != logits.length) {
            throw new IllegalArgumentException("negative components: " + logits.length + " logits and " + z.length
                    + " map values are not the same whole pixels of " + classes + " classes");
        }
        int n = logits.length / classes;
        int[] counts = new int[n];
        double[] s = new double[classes];
        for (int i = 0; i < n; i++) {
            softmax(logits, i, n, s);
            int negatives = 0;
            for (int j = 0; j < classes; j++) {
                double zj = z[j * n + i], sum = 0;
                for (int k = 0; k < classes; k++) sum += s[k] * (zj - z[k * n + i]);
                if (sum < 0) negatives++;
            }
            counts[i] = negatives;
        }
        return counts;
    }

    /** Pixel {@code i}'s softmax in double, shifted by its largest logit so no exponential overflows. */
    private static void softmax(float[] logits, int i, int n, double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < s.length; k++) max = Math.max(max, logits[k * n + i]);
        double sum = 0;
        for (int k = 0; k < s.length; k++) {
            s[k] = Math.exp(logits[k * n + i] - max);
            sum += s[k];
        }
        for (int k = 0; k < s.length; k++) s[k] /= sum;
    }

    /** How many pixels have 0, 1, ..., C - 1 negative components. */
    static long[] histogram(int[] counts, int classes) {
        long[] h = new long[classes];
        for (int c : counts) h[c]++;
        return h;
    }
}
