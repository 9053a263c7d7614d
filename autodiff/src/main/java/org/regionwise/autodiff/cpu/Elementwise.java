package org.regionwise.autodiff.cpu;

import org.regionwise.autodiff.backend.AdamStep;

/**
 * The elementwise bodies the fast kernel set splits over threads, each on a range [from, to) of flat
 * arrays: memory-bound loops, so one vector implementation and the scalar fallback are all there is.
 * Results must equal {@link org.regionwise.autodiff.backend.HostOps} bit for bit (no fused multiply-add, same
 * operation order), so switching kernel sets never changes a trained model.
 */
interface Elementwise {
    void leakyRelu(float slope, float[] x, float[] y, int from, int to);

    /** dx += x > 0 ? dy : slope * dy. */
    void leakyReluBackward(float slope, float[] x, float[] dy, float[] dx, int from, int to);

    /** Adam on p[from, to), with the moments of element j at m[momentOffset + j]. */
    void adam(float[] p, float[] g, float[] m, float[] v, int momentOffset, int from, int to, AdamStep s);
}
