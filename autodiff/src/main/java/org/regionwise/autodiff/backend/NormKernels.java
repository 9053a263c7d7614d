package org.regionwise.autodiff.backend;

/**
 * The arithmetic of instance and batch normalisation over one <em>group</em> of elements that share a mean
 * and a variance. A group is {@code segments} runs of {@code plane} contiguous floats, consecutive runs
 * {@code stride} floats apart, the first at {@code start}: an instance-norm group is one (n, c) plane
 * (one run); a batch-norm group is channel c of every sample (N runs, stride C * H * W).
 *
 * <p>Statistics accumulate in double, two passes (mean, then squared deviations), so a plane of 10^5
 * values with a large offset keeps its variance. Backward accumulates into its outputs with {@code +=}.
 */
public final class NormKernels {
    private NormKernels() {}

    /** Mean and biased variance of the group (PyTorch normalises with the biased variance). */
    public static double[] moments(float[] x, int start, int segments, int stride, int plane) {
        // Four independent accumulators: one double add chain is latency-bound (~4 cycles an element).
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int s = 0; s < segments; s++) {
            int base = start + s * stride;
            int i = 0;
            for (; i + 3 < plane; i += 4) {
                s0 += x[base + i];
                s1 += x[base + i + 1];
                s2 += x[base + i + 2];
                s3 += x[base + i + 3];
            }
            for (; i < plane; i++) s0 += x[base + i];
        }
        long count = (long) segments * plane;
        double mean = (s0 + s1 + s2 + s3) / count;
        double q0 = 0, q1 = 0, q2 = 0, q3 = 0;
        for (int s = 0; s < segments; s++) {
            int base = start + s * stride;
            int i = 0;
            for (; i + 3 < plane; i += 4) {
                double d0 = x[base + i] - mean;
                double d1 = x[base + i + 1] - mean;
                double d2 = x[base + i + 2] - mean;
                double d3 = x[base + i + 3] - mean;
                q0 += d0 * d0;
                q1 += d1 * d1;
                q2 += d2 * d2;
                q3 += d3 * d3;
            }
            for (; i < plane; i++) {
                double d = x[base + i] - mean;
                q0 += d * d;
            }
        }
        return new double[] {mean, (q0 + q1 + q2 + q3) / count};
    }

    /** y = (x - mean) * invStd * gamma + beta over the group. */
    public static void normalize(float[] x, float[] y, int start, int segments, int stride, int plane,
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
    public static double[] backward(float[] x, float[] gy, float[] gx, int start, int segments, int stride, int plane,
                             float mean, float invStd, float gamma, boolean statisticsFromInput) {
        // Two independent accumulator pairs, for the same latency reason as in moments.
        double sgA = 0, sgB = 0, sgxA = 0, sgxB = 0;
        for (int s = 0; s < segments; s++) {
            int base = start + s * stride;
            int i = 0;
            for (; i + 1 < plane; i += 2) {
                float gA = gy[base + i];
                float gB = gy[base + i + 1];
                sgA += gA;
                sgB += gB;
                sgxA += (double) gA * ((x[base + i] - mean) * invStd);
                sgxB += (double) gB * ((x[base + i + 1] - mean) * invStd);
            }
            for (; i < plane; i++) {
                float g = gy[base + i];
                sgA += g;
                sgxA += (double) g * ((x[base + i] - mean) * invStd);
            }
        }
        double sg = sgA + sgB;
        double sgx = sgxA + sgxB;
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
