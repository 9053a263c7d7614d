package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.backend.Storage;

/**
 * The kernel of {@link Softmax} (softmax and log-softmax along one axis), owned by the op: a kernel set that
 * accelerates it registers an implementation ({@link org.regionwise.autodiff.backend.Kernels#fused}); every
 * other one runs {@link #HOST}. The data is (outer, len, inner) row-major with the softmax over len.
 */
public interface SoftmaxKernel {
    /** The host body, see {@link HostSoftmax}. */
    SoftmaxKernel HOST = new HostSoftmax();

    /**
     * probs = softmax(x); out = log-softmax(x) when {@code log} (out is ignored, and may be probs, when not).
     * Both overwritten; max-shifted, so any finite logits give finite values.
     */
    void forward(int outer, int len, int inner, boolean log, Storage x, Storage probs, Storage out);

    /**
     * gx += the gradient through softmax, {@code s (g - sum g s)}, or through log-softmax,
     * {@code g - s sum g}, from the saved probabilities s.
     */
    void backward(int outer, int len, int inner, boolean log, Storage probs, Storage g, Storage gx);
}
