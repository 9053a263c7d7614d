package org.regionwise.autodiff.backend;

/**
 * The default host bodies of the shared {@link Kernels} primitives (everything but GEMM and convolution,
 * whose bodies are the CPU kernel sets'): {@link Kernels}' default methods run them on
 * {@link Storage#host()} copies. They are also the production CPU path, free to be fast, and the vector
 * bodies of the fast kernels must equal them bit for bit. Fused ops keep their host bodies beside the op
 * (for example {@code losses.HostRegionWise}), never here.
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
