package org.regionwise.losses;

import org.regionwise.autodiff.backend.Storage;

/**
 * The host body of {@link RegionWiseKernel}: plain loops that read like the definitions, sums in double in
 * one fixed order. The GPU backend's kernels are tested against it.
 */
public final class HostRegionWise implements RegionWiseKernel {
    HostRegionWise() {}

    @Override
    public void forward(int n, int c, int plane, boolean squared, Storage logits, Storage map, Storage loss, Storage probs) {
        loss.host()[0] = forward(n, c, plane, squared, logits.host(), map.host(), probs.host());
        loss.hostWritten();
        probs.hostWritten();
    }

    @Override
    public void backward(int n, int c, int plane, boolean squared, Storage probs, Storage map, Storage gradOut,
                         Storage dlogits) {
        backward(n, c, plane, squared, probs.host(), map.host(), gradOut.host()[0], dlogits.host());
        dlogits.hostWritten();
    }

    /**
     * The Region-wise loss of channel-softmax logits (n, c, plane) and a map of the same size:
     * {@code mean over (n, c, plane) of s * z}, or of {@code s^2 * z} when squared (the HD reformulation).
     * Softmax in double after subtracting each pixel's maximum logit, so any finite logits give probabilities
     * in [0, 1] and a finite loss; {@code probs} (overwritten) keeps them, as float, for the backward pass.
     * The sum runs in double in one fixed order (sample, pixel, class).
     */
    public static float forward(int n, int c, int plane, boolean squared, float[] logits, float[] map, float[] probs) {
        double[] s = new double[c];
        double acc = 0;
        for (int b = 0; b < n; b++) {
            int base = b * c * plane;
            for (int i = 0; i < plane; i++) {
                float max = Float.NEGATIVE_INFINITY;
                for (int k = 0; k < c; k++) max = Math.max(max, logits[base + k * plane + i]);
                double sum = 0;
                for (int k = 0; k < c; k++) {
                    s[k] = Math.exp((double) logits[base + k * plane + i] - max);
                    sum += s[k];
                }
                for (int k = 0; k < c; k++) {
                    int at = base + k * plane + i;
                    double p = s[k] / sum;
                    probs[at] = (float) p;
                    acc += (squared ? p * p : p) * map[at];
                }
            }
        }
        return (float) (acc / ((double) n * c * plane));
    }

    /**
     * dlogits += gradOut times the gradient of {@link #forward(int, int, int, boolean, float[], float[], float[])} from its saved probabilities, in closed
     * form (no softmax Jacobian): {@code s_j * sum_k s_k (z_j - z_k) / (n c plane)}, the cancellation-free
     * form of the RW gradient, whose sign is exact (all of {@code z_j - z_k} of one sign give that sign);
     * squared: {@code 2 s_j (s_j z_j - sum_k s_k^2 z_k) / (n c plane)}. Per-pixel reference twins, in double:
     * {@link RwGradient#closedForm(double[], double[])} and {@link RwGradient#closedFormSquared}.
     */
    public static void backward(int n, int c, int plane, boolean squared, float[] probs, float[] map, float gradOut,
                                          float[] dlogits) {
        double scale = gradOut / ((double) n * c * plane);
        for (int b = 0; b < n; b++) {
            int base = b * c * plane;
            for (int i = 0; i < plane; i++) {
                if (squared) {
                    double weighted = 0;
                    for (int k = 0; k < c; k++) {
                        int at = base + k * plane + i;
                        weighted += (double) probs[at] * probs[at] * map[at];
                    }
                    for (int j = 0; j < c; j++) {
                        int at = base + j * plane + i;
                        dlogits[at] += (float) (scale * 2 * probs[at] * (probs[at] * map[at] - weighted));
                    }
                } else {
                    for (int j = 0; j < c; j++) {
                        int at = base + j * plane + i;
                        double sum = 0;
                        for (int k = 0; k < c; k++) {
                            int other = base + k * plane + i;
                            sum += (double) probs[other] * ((double) map[at] - map[other]);
                        }
                        dlogits[at] += (float) (scale * probs[at] * sum);
                    }
                }
            }
        }
    }
}
