package org.regionwise.layers.functional;

/**
 * The arithmetic of instance and batch normalisation over one <em>group</em> of elements that share a mean
 * and a variance. A group is {@code segments} runs of {@code plane} contiguous floats, consecutive runs
 * {@code stride} floats apart, the first at {@code start}: an instance-norm group is one (n, c) plane
 * (one run); a batch-norm group is channel c of every sample (N runs, stride C * H * W).
 *
 * <p>Statistics accumulate in double, two passes (mean, then squared deviations), so a plane of 10^5
 * values with a large offset keeps its variance. Backward accumulates into its outputs with {@code +=}.
 */
final class NormKernels {
    private NormKernels() {}

    /** Mean and biased variance of the group (PyTorch normalises with the biased variance). */
    static double[] moments(float[] x, int start, int segments, int stride, int plane) {
        double sum = 0;
        for (int s = 0; s < segments; s++) {
            int base = start + s * stride;
            for (int i = 0; i < plane; i++) sum += x[base + i];
        }
        long count = (long) segments * plane;
        double mean = sum / count;
        double sq = 0;
        for (int s = 0; s < segments; s++) {
            int base = start + s * stride;
            for (int i = 0; i < plane; i++) {
                double d = x[base + i] - mean;
                sq += d * d;
            }
        }
        return new double[] {mean, sq / count};
    }

    /** y = (x - mean) * invStd * gamma + beta over the group. */
    static void normalize(float[] x, float[] y, int start, int segments, int stride, int plane,
                          float mean, float invStd, float gamma, float beta) {
        float scale = invStd * gamma;
        for (int s = 0; s < segments; s++) {
            int base = start + s * stride;
            for (int i = 0; i < plane; i++) y[base + i] = (x[base + i] - mean) * scale + beta;
        }
    }

    /**
     * Backward of {@link #normalize} for one group. With xhat = (x - mean) * invStd, M the group size,
     * sg = sum(gy) and sgx = sum(gy * xhat):
     * <pre>
     *   dgamma += sgx,  dbeta += sg
     *   dx += gamma * invStd * (gy - sg / M - xhat * sgx / M)   when mean and variance came from x
     *   dx += gamma * invStd * gy                               when they were fixed (running statistics)
     * </pre>
     * {@code gx} may be null (input needs no gradient); the returned pair is {sg, sgx} for gamma and beta.
     */
    static double[] backward(float[] x, float[] gy, float[] gx, int start, int segments, int stride, int plane,
                             float mean, float invStd, float gamma, boolean statisticsFromInput) {
        double sg = 0;
        double sgx = 0;
        for (int s = 0; s < segments; s++) {
            int base = start + s * stride;
            for (int i = 0; i < plane; i++) {
                float g = gy[base + i];
                sg += g;
                sgx += (double) g * ((x[base + i] - mean) * invStd);
            }
        }
        if (gx != null) {
            float scale = gamma * invStd;
            long count = (long) segments * plane;
            float meanG = statisticsFromInput ? (float) (sg / count) : 0f;
            float meanGx = statisticsFromInput ? (float) (sgx / count) : 0f;
            for (int s = 0; s < segments; s++) {
                int base = start + s * stride;
                for (int i = 0; i < plane; i++) {
                    float xhat = (x[base + i] - mean) * invStd;
                    gx[base + i] += scale * (gy[base + i] - meanG - xhat * meanGx);
                }
            }
        }
        return new double[] {sg, sgx};
    }
}
