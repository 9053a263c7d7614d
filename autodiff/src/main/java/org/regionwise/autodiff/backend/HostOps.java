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
     * Mean over the n * plane pixels of {@code -sum_k target_k * log softmax_k(logits)}, softmax over the c
     * channels of (n, c, plane) data, max-shifted so any finite logits give a finite loss. {@code dlogits}
     * (may be null) is overwritten with the gradient of that mean: (softmax * sum_k target_k - target) / pixels.
     */
    public static float softmaxCrossEntropy(int n, int c, int plane, float[] logits, float[] target, float[] dlogits) {
        double total = 0;
        for (int b = 0; b < n; b++) total += softmaxCrossEntropySample(b, n, c, plane, logits, target, dlogits);
        return (float) (total / ((double) n * plane));
    }

    /**
     * Sample {@code b}'s part of {@link #softmaxCrossEntropy}: the sum (not yet the mean) of its pixels'
     * losses, and its slice of dlogits. Samples are independent, so threads may take one each.
     */
    public static double softmaxCrossEntropySample(int b, int n, int c, int plane, float[] logits, float[] target,
                                                   float[] dlogits) {
        double total = 0;
        double scale = 1.0 / ((double) n * plane);
        for (int p = 0; p < plane; p++) {
            int base = b * c * plane + p;
            float max = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < c; k++) max = Math.max(max, logits[base + k * plane]);
            double sumExp = 0;
            for (int k = 0; k < c; k++) sumExp += Math.exp(logits[base + k * plane] - max);
            double logSum = Math.log(sumExp);
            double targetSum = 0;
            for (int k = 0; k < c; k++) {
                float t = target[base + k * plane];
                targetSum += t;
                if (t != 0f) total -= t * (logits[base + k * plane] - max - logSum);
            }
            if (dlogits != null) {
                for (int k = 0; k < c; k++) {
                    int i = base + k * plane;
                    double softmax = Math.exp(logits[i] - max - logSum);
                    dlogits[i] = (float) ((softmax * targetSum - target[i]) * scale);
                }
            }
        }
        return total;
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

    /** Instance norm forward over (n, c, plane): per plane i, mean[i], invStd[i] and y; gamma, beta may be null. */
    public static void instanceNormForward(int n, int c, int plane, float eps, float[] x, float[] gamma, float[] beta,
                                           float[] y, float[] mean, float[] invStd) {
        Groups.forEach(n * c, (long) n * c * plane, i -> instanceNormPlane(x, y, i * plane, plane, eps,
                gamma == null ? 1f : gamma[i % c], beta == null ? 0f : beta[i % c], mean, invStd, i));
    }

    /** One plane of {@link #instanceNormForward}: x[off, off + plane) into y, its statistics at {@code row}. */
    public static void instanceNormPlane(float[] x, float[] y, int off, int plane, float eps, float gamma, float beta,
                                         float[] mean, float[] invStd, int row) {
        double[] m = NormKernels.moments(x, off, 1, plane, plane);
        mean[row] = (float) m[0];
        invStd[row] = (float) (1.0 / Math.sqrt(m[1] + eps));
        NormKernels.normalize(x, y, off, 1, plane, plane, mean[row], invStd[row], gamma, beta);
    }

    /** Instance norm backward: dx, dgamma, dbeta accumulate (+=) and any of them may be null. */
    public static void instanceNormBackward(int n, int c, int plane, float[] x, float[] dy, float[] mean, float[] invStd,
                                            float[] gamma, float[] dx, float[] dgamma, float[] dbeta) {
        // Planes run in parallel; gamma and beta sum over the samples of a channel, so the per-plane sums
        // are kept and reduced afterwards in a fixed order (deterministic regardless of threads).
        double[] sumG = new double[n * c];
        double[] sumGx = new double[n * c];
        Groups.forEach(n * c, (long) n * c * plane, i -> {
            double[] sums = NormKernels.backward(x, dy, dx, i * plane, 1, plane, plane, mean[i], invStd[i],
                    gamma == null ? 1f : gamma[i % c], true);
            sumG[i] = sums[0];
            sumGx[i] = sums[1];
        });
        addAffineGradients(n, c, sumG, sumGx, dgamma, dbeta);
    }

    /**
     * dbeta[c] += sum over samples of sumG[s, c], dgamma[c] += the same of sumGx (either may be null): the
     * per-plane sums of instance norm backward reduced per channel in sample order, so the result does not
     * depend on how the planes were split over threads.
     */
    public static void addAffineGradients(int n, int c, double[] sumG, double[] sumGx, float[] dgamma, float[] dbeta) {
        for (int ch = 0; ch < c; ch++) {
            double sg = 0;
            double sgx = 0;
            for (int s = 0; s < n; s++) {
                sg += sumG[s * c + ch];
                sgx += sumGx[s * c + ch];
            }
            if (dbeta != null) dbeta[ch] += (float) sg;
            if (dgamma != null) dgamma[ch] += (float) sgx;
        }
    }
}
