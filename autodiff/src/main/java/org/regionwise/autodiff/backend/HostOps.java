package org.regionwise.autodiff.backend;

/**
 * The host-array bodies of the {@link Kernels} tensor ops (everything but GEMM and convolution): plain
 * loops that read like their definitions. {@link Kernels}' default methods run them on
 * {@link Storage#host()} copies; the fast CPU kernels replace the hottest with vector code, a device
 * backend replaces all of them with device launches.
 */
public final class HostOps {
    private HostOps() {}

    public static void leakyRelu(float slope, float[] x, float[] y, int from, int to) {
        for (int i = from; i < to; i++) y[i] = x[i] > 0f ? x[i] : slope * x[i];
    }

    public static void leakyReluBackward(float slope, float[] x, float[] dy, float[] dx, int from, int to) {
        for (int i = from; i < to; i++) dx[i] += x[i] > 0f ? dy[i] : slope * dy[i];
    }

    /** dst[b * dstStride + dstOffset + i] (+)= src[b * srcStride + srcOffset + i] for b < blocks, i < length. */
    public static void copyBlocks(int blocks, int length, float[] src, int srcOffset, int srcStride,
                                  float[] dst, int dstOffset, int dstStride, boolean accumulate) {
        for (int b = 0; b < blocks; b++) {
            int s = b * srcStride + srcOffset;
            int d = b * dstStride + dstOffset;
            if (accumulate) {
                for (int i = 0; i < length; i++) dst[d + i] += src[s + i];
            } else {
                System.arraycopy(src, s, dst, d, length);
            }
        }
    }

    /** NCHW y[n, c, :] += bias[c]. */
    public static void addChannelBias(int n, int c, int plane, float[] bias, float[] y) {
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                int base = (b * c + ch) * plane;
                for (int i = 0; i < plane; i++) y[base + i] += bias[ch];
            }
        }
    }

    /** NCHW sums[c] += sum over n and the plane of x[n, c, :], accumulated in double. */
    public static void channelSums(int n, int c, int plane, float[] x, float[] sums) {
        for (int ch = 0; ch < c; ch++) {
            double acc = 0;
            for (int b = 0; b < n; b++) {
                int base = (b * c + ch) * plane;
                for (int i = 0; i < plane; i++) acc += x[base + i];
            }
            sums[ch] += (float) acc;
        }
    }

    /**
     * The Region-wise loss of channel-softmax logits (n, c, plane) and a map of the same size:
     * {@code mean over (n, c, plane) of s * z}, or of {@code s^2 * z} when squared (the HD reformulation).
     * Softmax in double after subtracting each pixel's maximum logit, so any finite logits give probabilities
     * in [0, 1] and a finite loss; {@code probs} (overwritten) keeps them, as float, for the backward pass.
     * The sum runs in double in one fixed order (sample, pixel, class).
     */
    public static float regionWise(int n, int c, int plane, boolean squared, float[] logits, float[] map, float[] probs) {
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
     * dlogits += gradOut times the gradient of {@link #regionWise} from its saved probabilities, in closed
     * form (no softmax Jacobian): {@code s_j * sum_k s_k (z_j - z_k) / (n c plane)}, the cancellation-free
     * form of the RW gradient, whose sign is exact (all of {@code z_j - z_k} of one sign give that sign);
     * squared: {@code 2 s_j (s_j z_j - sum_k s_k^2 z_k) / (n c plane)}.
     */
    public static void regionWiseBackward(int n, int c, int plane, boolean squared, float[] probs, float[] map, float gradOut,
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

    /** One Adam update of {@code count} elements (see {@code optim.Adam} for the formulas), float32 as torch. */
    public static void adam(float[] p, int pOffset, float[] g, int gOffset, float[] m, float[] v, int mOffset, int count,
                            AdamStep s) {
        for (int j = 0; j < count; j++) {
            int k = mOffset + j;
            float pj = p[pOffset + j];
            float grad = s.weightDecay() == 0f ? g[gOffset + j] : g[gOffset + j] + s.weightDecay() * pj;
            m[k] += s.oneMinusBeta1() * (grad - m[k]);
            v[k] = s.beta2() * v[k] + s.oneMinusBeta2() * grad * grad;
            float denom = (float) Math.sqrt(v[k]) / s.biasCorrection2Sqrt() + s.eps();
            p[pOffset + j] = pj - s.stepSize() * (m[k] / denom);
        }
    }
}
