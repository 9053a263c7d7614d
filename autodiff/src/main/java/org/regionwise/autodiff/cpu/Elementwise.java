package org.regionwise.autodiff.cpu;

import org.regionwise.autodiff.backend.AdamStep;

/**
 * The elementwise bodies the fast kernel set splits over threads, each on a range [from, to) of flat
 * arrays: memory-bound loops, so one vector implementation and the scalar fallback are all there is.
 * Results must equal {@link org.regionwise.autodiff.backend.HostOps} bit for bit (no fused multiply-add, same
 * operation order), so switching kernel sets never changes a trained model. The one exception is instance
 * norm's per-plane sums: they accumulate in double, as {@link org.regionwise.autodiff.ops.HostInstanceNorm} does, but in vector lanes rather than four
 * scalar chains, so they may differ in the last bits of a double (and, rarely, the last bit of a float).
 */
interface Elementwise {
    void leakyRelu(float slope, float[] x, float[] y, int from, int to);

    /** dx += x > 0 ? dy : slope * dy. */
    void leakyReluBackward(float slope, float[] x, float[] dy, float[] dx, int from, int to);

    /** Adam on p[from, to), with the moments of element j at m[momentOffset + j]. */
    void adam(float[] p, float[] g, float[] m, float[] v, int momentOffset, int from, int to, AdamStep s);

    /**
     * Instance norm of one plane x[off, off + plane): stores its mean and 1 / sqrt(var + eps) at {@code row} and
     * y = (x - mean) * invStd * gamma + beta.
     */
    void instanceNormPlane(float[] x, float[] y, int off, int plane, float eps, float gamma, float beta,
                           float[] mean, float[] invStd, int row);

    /**
     * Instance norm backward of one plane: dx += its input gradient (dx may be null), and returns
     * {sum(dy), sum(dy * xhat)} for the affine gradients.
     */
    double[] instanceNormPlaneBackward(float[] x, float[] dy, float[] dx, int off, int plane, float mean, float invStd,
                                       float gamma);
}
