package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.backend.Storage;

/**
 * The kernel of fused instance normalisation (the op is {@code layers.functional.InstanceNormOp}; the
 * interface lives here so the CPU kernel set can accelerate it). A kernel set that has a faster body
 * registers it ({@link org.regionwise.autodiff.backend.Kernels#fused}); every other one runs {@link #HOST}.
 */
public interface InstanceNormKernel {
    /** The host body, see {@link HostInstanceNorm}. */
    InstanceNormKernel HOST = new HostInstanceNorm();

    /**
     * Instance norm over (n, c, plane): y, and per plane the mean and 1 / sqrt(var + eps) that backward
     * needs; gamma and beta are per channel, or both null.
     */
    void forward(int n, int c, int plane, float eps, Storage x, Storage gamma, Storage beta,
                 Storage y, Storage mean, Storage invStd);

    /** Instance norm backward: dx, dgamma, dbeta += their gradients; any of them may be null. */
    void backward(int n, int c, int plane, Storage x, Storage dy, Storage mean, Storage invStd,
                  Storage gamma, Storage dx, Storage dgamma, Storage dbeta);
}
